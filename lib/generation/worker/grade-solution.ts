// The grading fields of a generated solution, computed when it lands (pure): the one grade of a
// sample (lib/grading/grade-sample.ts) by the recipe's last-box rule, with the runner's verdict
// cache, plus the length. `gold` null: no gold yet (label batches); the verdict waits for the
// majority vote (ungraded, no rule).
import { gradeSample, type SampleGrade } from "@/lib/grading/grade-sample";
import type { VerdictCache } from "@/lib/grading/verdict-cache";

export { VerdictCache } from "@/lib/grading/verdict-cache";

export interface GradedSolution extends SampleGrade {
  charLength: number;
}

export function gradeSolution(text: string, gold: string | null, finishReason: string, cache?: VerdictCache): GradedSolution {
  return { ...gradeSample(text, gold, { answerRule: "last-box", withoutGold: "wait", finishReason, verdicts: cache }), charLength: text.length };
}
