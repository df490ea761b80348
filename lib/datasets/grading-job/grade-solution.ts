// Our verdict on one stored solution against its problem's gold answer. The checker locates the
// answer in the whole solution (last \boxed{}, else a "final answer" phrase, else the last number:
// GSM8K references end with "#### 72"), so imported seeds grade like generated samples.
import { checkAnswer, type CheckOptions } from "@/lib/grading/check";
import { extractAnswer } from "@/lib/grading/extract";
import { countApproxTokens } from "@/lib/grading/filters/count-tokens";
import { comparisonKey } from "@/lib/grading/normalize";

export type StoredVerdict = "equal" | "not_equal" | "undecided" | "no_answer";

export interface SolutionGrade {
  verdict: StoredVerdict;
  rule: string;
  reason: string;
  /** The recipe's extraction: content of the last \boxed{}; null when there is none. */
  extractedAnswer: string | null;
  /** Normalised answer class, for grouping equal answers. */
  answerKey: string | null;
  /** Approximate Llama-3.1 tokens (cl100k_base), used by the export length filter. */
  tokenCount: number;
}

export function gradeSolution(gold: string | null, text: string, options: CheckOptions = {}): SolutionGrade {
  const extracted = extractAnswer(text);
  const extractedAnswer = extracted.ok ? extracted.answer : null;
  const tokenCount = countApproxTokens(text);
  if (gold === null || gold.trim() === "") {
    return { verdict: "undecided", rule: "no-gold", reason: "the problem has no gold answer to compare with", extractedAnswer, answerKey: null, tokenCount };
  }
  const result = checkAnswer(gold, text, options);
  const verdict: StoredVerdict =
    result.outcome === "equal" ? "equal" : result.outcome === "undecided" ? "undecided" : result.rule === "no-answer" ? "no_answer" : "not_equal";
  const answerKey = result.predictedNormalized ? comparisonKey(result.predictedNormalized) : null;
  return { verdict, rule: result.rule, reason: result.reason, extractedAnswer, answerKey, tokenCount };
}
