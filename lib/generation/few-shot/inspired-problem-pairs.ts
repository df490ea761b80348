// "Original problem / New problem" pairs for MATH seeds, written for Boxed. Each new problem uses
// the same topic but needs another approach, which is what the "inspired by" prompt asks for.
import type { ProblemPair } from "@/lib/generation/few-shot/few-shot-types";

export const INSPIRED_PROBLEM_PAIRS: readonly ProblemPair[] = [
  {
    id: "boxed-inspired-quadratic-1",
    original: "Find the sum of the roots of $2x^2 - 7x + 3 = 0$.",
    newProblem: "The roots $r$ and $s$ of $x^2 - 5x + k = 0$ satisfy $r^2 + s^2 = 13$. Find $k$.",
  },
  {
    id: "boxed-inspired-polygon-1",
    original: "How many diagonals does a convex decagon have?",
    newProblem: "A convex polygon has three times as many diagonals as it has sides. How many sides does it have?",
  },
  {
    id: "boxed-inspired-gcd-1",
    original: "What is the greatest common divisor of 84 and 126?",
    newProblem: "Two positive integers have a product of 2016 and a greatest common divisor of 12. What is the smallest possible value of their sum?",
  },
];
