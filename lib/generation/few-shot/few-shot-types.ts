// The shapes of few-shot material. Solution examples carry their answer so a test can prove each
// worked solution ends with it; problem pairs only teach the shape of a new problem.

export interface SolutionExample {
  /** Stable id, kept in generation records so a run can say which examples it used. */
  id: string;
  topic: string;
  problem: string;
  solution: string;
  /** The content of the solution's last \boxed{}. */
  answer: string;
}

export interface ProblemPair {
  id: string;
  original: string;
  newProblem: string;
}

export type FewShotSet =
  | { name: string; kind: "solution"; description: string; examples: readonly SolutionExample[] }
  | { name: string; kind: "problem-pair"; description: string; examples: readonly ProblemPair[] };
