// Four MATH-style worked examples written for Boxed (not taken from any dataset), in the
// OpenMath CoT style: short prose, display math, no step headers, one boxed answer near the end.
// All are used, in this order, for MATH seeds (recipe section 1).
import type { SolutionExample } from "@/lib/generation/few-shot/few-shot-types";

export const MATH_SOLUTION_EXAMPLES: readonly SolutionExample[] = [
  {
    id: "boxed-math-algebra-1",
    topic: "algebra",
    problem: "Find the sum of all real values of $x$ that satisfy $\\sqrt{x + 7} = x - 5$.",
    solution: [
      "A square root is never negative, so any solution must have $x - 5 \\ge 0$, that is $x \\ge 5$.",
      "Squaring both sides gives",
      "\\[ x + 7 = (x - 5)^2 = x^2 - 10x + 25 \\]",
      "which rearranges to",
      "\\[ x^2 - 11x + 18 = 0 \\Rightarrow (x - 2)(x - 9) = 0 \\]",
      "The candidates are $x = 2$ and $x = 9$. Since $x = 2$ is less than $5$, it is extraneous: it would give $\\sqrt{9} = -3$. For $x = 9$ we check $\\sqrt{16} = 4 = 9 - 5$, which holds.",
      "The only solution is $x = 9$, so the sum of all solutions is $\\boxed{9}$.",
    ].join("\n\n"),
    answer: "9",
  },
  {
    id: "boxed-math-counting-1",
    topic: "counting",
    problem: "A club has 6 juniors and 4 seniors. In how many ways can a committee of 4 members be chosen if it must include at least one senior?",
    solution: [
      "It is easier to count the committees with no senior and subtract them from all committees.",
      "The number of ways to choose any 4 of the 10 members is",
      "\\[ \\binom{10}{4} = \\frac{10 \\cdot 9 \\cdot 8 \\cdot 7}{4 \\cdot 3 \\cdot 2 \\cdot 1} = 210 \\]",
      "A committee with no senior uses only juniors, and there are",
      "\\[ \\binom{6}{4} = 15 \\]",
      "such committees. Therefore the number of committees with at least one senior is",
      "\\[ 210 - 15 = \\boxed{195} \\]",
    ].join("\n\n"),
    answer: "195",
  },
  {
    id: "boxed-math-geometry-1",
    topic: "geometry",
    problem: "A right triangle has legs of length 9 and 12. What is the length of the altitude drawn to its hypotenuse? Express your answer as a common fraction.",
    solution: [
      "By the Pythagorean theorem, the hypotenuse is",
      "\\[ \\sqrt{9^2 + 12^2} = \\sqrt{81 + 144} = \\sqrt{225} = 15 \\]",
      "The area of the triangle can be computed from the legs:",
      "\\[ \\frac{1}{2} \\cdot 9 \\cdot 12 = 54 \\]",
      "The same area is half the hypotenuse times the altitude $h$ to it, so",
      "\\[ \\frac{1}{2} \\cdot 15 \\cdot h = 54 \\Rightarrow h = \\frac{108}{15} = \\frac{36}{5} \\]",
      "The altitude to the hypotenuse has length $\\boxed{\\frac{36}{5}}$.",
    ].join("\n\n"),
    answer: "\\frac{36}{5}",
  },
  {
    id: "boxed-math-number-theory-1",
    topic: "number theory",
    problem: "What is the remainder when $3^{100}$ is divided by 7?",
    solution: [
      "We look for a small power of 3 that is simple modulo 7. Since $3^3 = 27 = 28 - 1$,",
      "\\[ 3^3 \\equiv -1 \\pmod{7} \\Rightarrow 3^6 \\equiv 1 \\pmod{7} \\]",
      "Now $100 = 6 \\cdot 16 + 4$, so",
      "\\[ 3^{100} = \\left(3^6\\right)^{16} \\cdot 3^4 \\equiv 1^{16} \\cdot 81 \\pmod{7} \\]",
      "Finally, $81 = 7 \\cdot 11 + 4$, so $81 \\equiv 4 \\pmod{7}$.",
      "The remainder is $\\boxed{4}$.",
    ].join("\n\n"),
    answer: "4",
  },
];
