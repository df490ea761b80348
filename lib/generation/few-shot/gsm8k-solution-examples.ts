// Five GSM8K-style worked examples written for Boxed (not taken from any dataset), in the
// OpenMath CoT style. All are used, in this order, for GSM8K seeds (recipe section 1).
import type { SolutionExample } from "@/lib/generation/few-shot/few-shot-types";

export const GSM8K_SOLUTION_EXAMPLES: readonly SolutionExample[] = [
  {
    id: "boxed-gsm8k-change-1",
    topic: "money",
    problem: "Priya buys 3 notebooks that cost $4 each and 2 pens that cost $1.50 each. She pays with a $20 bill. How much change, in dollars, does she get back?",
    solution: [
      "The notebooks cost $3 \\cdot 4 = 12$ dollars and the pens cost $2 \\cdot 1.50 = 3$ dollars, so her total is",
      "\\[ 12 + 3 = 15 \\]",
      "Paying with a 20-dollar bill, her change is",
      "\\[ 20 - 15 = 5 \\]",
      "Priya gets back $\\boxed{5}$ dollars.",
    ].join("\n\n"),
    answer: "5",
  },
  {
    id: "boxed-gsm8k-fractions-1",
    topic: "fractions",
    problem: "A bakery made 240 muffins. It sold 3/8 of them in the morning and 50 more in the afternoon. How many muffins were left at the end of the day?",
    solution: [
      "In the morning the bakery sold",
      "\\[ \\frac{3}{8} \\cdot 240 = 90 \\]",
      "muffins. Together with the afternoon sales, it sold $90 + 50 = 140$ muffins.",
      "The number of muffins left is",
      "\\[ 240 - 140 = 100 \\]",
      "So $\\boxed{100}$ muffins were left.",
    ].join("\n\n"),
    answer: "100",
  },
  {
    id: "boxed-gsm8k-rates-1",
    topic: "rates",
    problem: "Marco runs 4 kilometers on each weekday and twice that distance on each day of the weekend. How many kilometers does he run in 3 weeks?",
    solution: [
      "On the 5 weekdays he runs $5 \\cdot 4 = 20$ kilometers. On each of the 2 weekend days he runs $2 \\cdot 4 = 8$ kilometers, which is $2 \\cdot 8 = 16$ kilometers for the weekend.",
      "In one week he runs",
      "\\[ 20 + 16 = 36 \\]",
      "kilometers, so in 3 weeks he runs",
      "\\[ 3 \\cdot 36 = 108 \\]",
      "Marco runs $\\boxed{108}$ kilometers.",
    ].join("\n\n"),
    answer: "108",
  },
  {
    id: "boxed-gsm8k-percent-1",
    topic: "percentages",
    problem: "A water tank holds 600 liters and is 25% full. A pump adds 30 liters of water per minute. How many minutes will it take to fill the tank?",
    solution: [
      "The tank now holds",
      "\\[ 0.25 \\cdot 600 = 150 \\]",
      "liters, so it still needs $600 - 150 = 450$ liters.",
      "At 30 liters per minute this takes",
      "\\[ \\frac{450}{30} = 15 \\]",
      "minutes. The tank is full after $\\boxed{15}$ minutes.",
    ].join("\n\n"),
    answer: "15",
  },
  {
    id: "boxed-gsm8k-ages-1",
    topic: "ages",
    problem: "Lena is 3 times as old as her son. In 12 years, she will be twice as old as he will be then. How old is Lena now?",
    solution: [
      "Let the son's age now be $s$, so Lena is $3s$. In 12 years their ages will be $s + 12$ and $3s + 12$, and then",
      "\\[ 3s + 12 = 2(s + 12) = 2s + 24 \\]",
      "Solving gives $s = 12$, so Lena is $3 \\cdot 12 = 36$ years old. As a check, in 12 years she will be 48 and her son 24, and $48 = 2 \\cdot 24$.",
      "Lena is $\\boxed{36}$ years old.",
    ].join("\n\n"),
    answer: "36",
  },
];
