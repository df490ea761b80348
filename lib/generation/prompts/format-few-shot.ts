// How few-shot material is laid out inside a prompt. Each item ends with the six-newline separator,
// so a template places {{examples}} directly before the final "Problem:" and an empty list leaves
// no stray separator behind.
import type { ProblemPair, SolutionExample } from "@/lib/generation/few-shot/few-shot-types";
import { SIX_NEWLINES } from "@/lib/generation/prompts/solution-completion-format";

export function formatSolutionExamples(examples: readonly Pick<SolutionExample, "problem" | "solution">[]): string {
  return examples.map((example) => `Problem:\n${example.problem}\n\nSolution:\n${example.solution}${SIX_NEWLINES}`).join("");
}

export function formatProblemPairs(pairs: readonly Pick<ProblemPair, "original" | "newProblem">[]): string {
  return pairs.map((pair) => `Original problem:\n${pair.original}\n\nNew problem:\n${pair.newProblem}${SIX_NEWLINES}`).join("");
}
