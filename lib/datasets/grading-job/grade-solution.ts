// Our verdict on one imported solution against its problem's gold answer, two ways:
// - reference solutions (GSM8K, MATH, generic files): the checker locates the answer in the whole
//   text (last \boxed{}, else a "final answer" phrase, else the last number: GSM8K references end
//   with "#### 72"), since people did not write them for the recipe's extraction;
// - generated solutions (OpenMathInstruct-2 rows, NeMo-Skills outputs): the recipe's rule, exactly
//   as the batch worker grades samples it generates (lib/grading/grade-solution.ts): the answer is
//   the last \boxed{}; without one there is no answer, whatever else the text says.
import { checkAnswer, type CheckOptions } from "@/lib/grading/check";
import { gradeSolution as gradeGeneratedSolution } from "@/lib/grading/grade-solution";
import { extractAnswer } from "@/lib/grading/extract";
import { countApproxTokens } from "@/lib/grading/filters/count-tokens";
import { comparisonKey } from "@/lib/grading/normalize";
import type { VerdictCache } from "@/lib/grading/verdict-cache";

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

export interface ImportGradeOptions extends CheckOptions {
  /** The solution was written by a model (OMI2, NeMo-Skills): grade by the recipe's last-box rule. */
  generated?: boolean;
  /** Verdicts by (gold, extracted answer), kept across a grading run (generated solutions). */
  verdicts?: VerdictCache;
}

export function gradeSolution(gold: string | null, text: string, options: ImportGradeOptions = {}): SolutionGrade {
  const tokenCount = countApproxTokens(text);
  const hasGold = gold !== null && gold.trim() !== "";
  if (hasGold && options.generated) {
    // The shared grade extracts the answer itself; with a gold answer it is never "ungraded".
    const { verdicts } = options;
    const grade = gradeGeneratedSolution(text, gold, { ...options, check: verdicts ? (g, a) => verdicts.check(g, a) : undefined });
    return { verdict: grade.verdict as StoredVerdict, rule: grade.verdictRule, reason: grade.verdictReason, extractedAnswer: grade.extractedAnswer, answerKey: grade.answerKey, tokenCount };
  }
  const extracted = extractAnswer(text);
  const extractedAnswer = extracted.ok ? extracted.answer : null;
  if (!hasGold) {
    return { verdict: "undecided", rule: "no-gold", reason: "the problem has no gold answer to compare with", extractedAnswer, answerKey: null, tokenCount };
  }
  const result = checkAnswer(gold, text, options);
  const verdict: StoredVerdict =
    result.outcome === "equal" ? "equal" : result.outcome === "undecided" ? "undecided" : result.rule === "no-answer" ? "no_answer" : "not_equal";
  const answerKey = result.predictedNormalized ? comparisonKey(result.predictedNormalized) : null;
  return { verdict, rule: result.rule, reason: result.reason, extractedAnswer, answerKey, tokenCount };
}
