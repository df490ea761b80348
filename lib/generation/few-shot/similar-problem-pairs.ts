// "Original problem / New problem" pairs for GSM8K seeds, written for Boxed: the same kind of
// reasoning in a new setting with new numbers, which is what the "similar" prompt asks for.
import type { ProblemPair } from "@/lib/generation/few-shot/few-shot-types";

export const SIMILAR_PROBLEM_PAIRS: readonly ProblemPair[] = [
  {
    id: "boxed-similar-rate-1",
    original: "Tom reads 15 pages a day. How many days does he need to finish a 330-page book?",
    newProblem: "Aisha practices the piano for 25 minutes every day. How many days will it take her to practice for a total of 10 hours?",
  },
  {
    id: "boxed-similar-prices-1",
    original: "A shirt costs $18 and a pair of jeans costs twice as much. How much do 2 shirts and 1 pair of jeans cost together?",
    newProblem: "A sandwich costs $6 and a smoothie costs half as much. How much do 3 sandwiches and 2 smoothies cost altogether?",
  },
  {
    id: "boxed-similar-fraction-1",
    original: "A farmer has 45 chickens and sells 1/3 of them. He then buys 12 more. How many chickens does he have now?",
    newProblem: "A library shelf holds 120 books, and 1/4 of them are lent out. The next day 18 books are returned to the shelf. How many books are on the shelf now?",
  },
];
