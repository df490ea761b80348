// The grading fields of a generated solution, computed when it lands (pure). The recipe's rule:
// the answer is the content of the last \boxed{}; without one there is no answer (verdict
// no_answer, with its cause as the rule: no-box, truncated, ...), whatever else the text says.
import { gradeSolution as gradeSharedSolution } from "@/lib/grading/grade-solution";
import type { VerdictCache } from "@/lib/grading/verdict-cache";

export { VerdictCache } from "@/lib/grading/verdict-cache";

export type SampleVerdict = "ungraded" | "equal" | "not_equal" | "undecided" | "no_answer";

export interface GradedSolution {
  extractedAnswer: string | null;
  answerKey: string | null;
  verdict: SampleVerdict;
  verdictRule: string | null;
  verdictReason: string | null;
  boxedCount: number;
  charLength: number;
}

/**
 * The shared grade (lib/grading/grade-solution.ts: the same causes and reasons as imports and the
 * demo) plus the length, with the runner's verdict cache. `gold` null: no gold yet (label
 * batches); the verdict waits for the majority vote.
 */
export function gradeSolution(text: string, gold: string | null, finishReason: string, cache?: VerdictCache): GradedSolution {
  const grade = gradeSharedSolution(text, gold, { finishReason, check: cache ? (g, a) => cache.check(g, a) : undefined });
  const waitsForVote = grade.verdict === "ungraded";
  return {
    ...grade,
    verdictRule: waitsForVote ? null : grade.verdictRule,
    verdictReason: waitsForVote ? null : grade.verdictReason,
    charLength: text.length,
  };
}
