// One stored sample's grade: its final answer, the class key it votes with, and the verdict
// against the problem's gold answer with the reason. Used wherever samples land (generation,
// imports, demo data), so every path grades the same way.
import { type CheckOptions, checkAnswer, type Verdict } from "@/lib/grading/check";
import { countBoxed, extractAnswer } from "@/lib/grading/extract";
import { comparisonKey, normalizeAnswer } from "@/lib/grading/normalize";

export type StoredVerdict = "equal" | "not_equal" | "undecided" | "no_answer" | "ungraded";

export interface SolutionGrade {
  extractedAnswer: string | null;
  /** Normalised answer without spaces: samples with the same key are one answer class. */
  answerKey: string | null;
  verdict: StoredVerdict;
  verdictRule: string;
  verdictReason: string;
  boxedCount: number;
}

export function answerKeyOf(answer: string): string {
  return comparisonKey(normalizeAnswer(answer)).slice(0, 500);
}

export interface GradeOptions extends CheckOptions {
  finishReason?: string | null;
  /** A memoised checkAnswer (the batch worker keeps one: a problem's samples repeat answers). */
  check?: (gold: string, answer: string) => Verdict;
}

export function gradeSolution(text: string, gold: string | null, options: GradeOptions = {}): SolutionGrade {
  const boxedCount = countBoxed(text);
  const extracted = extractAnswer(text, { strict: options.strict });
  if (!extracted.ok) {
    const truncated = options.finishReason === "length";
    return {
      extractedAnswer: null,
      answerKey: null,
      verdict: "no_answer",
      verdictRule: truncated ? "truncated" : extracted.cause,
      verdictReason: truncated ? `Cut off by max_tokens (finish_reason length) before a final answer: ${extracted.detail}` : extracted.detail,
      boxedCount,
    };
  }
  const answerKey = answerKeyOf(extracted.answer);
  if (gold === null || gold.trim() === "") {
    return { extractedAnswer: extracted.answer, answerKey, verdict: "ungraded", verdictRule: "no-gold", verdictReason: "The problem has no gold answer yet (majority vote pending).", boxedCount };
  }
  const verdict = options.check ? options.check(gold, extracted.answer) : checkAnswer(gold, extracted.answer, options);
  return {
    extractedAnswer: extracted.answer,
    answerKey,
    verdict: verdict.outcome === "equal" ? "equal" : verdict.outcome === "not-equal" ? "not_equal" : "undecided",
    verdictRule: verdict.rule,
    verdictReason: verdict.reason,
    boxedCount,
  };
}
