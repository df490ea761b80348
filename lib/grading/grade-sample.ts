// One grade of one stored solution (a `samples` row): its final answer, the class key it votes
// with, and our verdict against the problem's gold answer with its rule and reason. The single
// implementation behind every grader - the batch worker as samples land, the import grading job,
// the demo data - so that a solution is graded the same way whichever way it arrived. Pure.
//
// Two answer rules, chosen by who wrote the solution:
// - "last-box" (solutions a model wrote: batches, OMI2 rows, NeMo-Skills outputs): the recipe's
//   rule, the answer is the content of the last \boxed{}; without one there is no answer (verdict
//   no_answer, its cause as the rule: no-box, truncated, ...), whatever else the text says;
// - "anywhere" (reference solutions people wrote: GSM8K, MATH, generic files): the checker locates
//   the answer in the whole text (last box, else a "final answer" phrase, else the last number, as
//   in GSM8K's "#### 72").
// And two ways to treat a problem without a gold answer: "wait" (a label batch's majority vote
// will give one: the sample stays ungraded) or "settle" (an import: undecided, never left ungraded,
// since the grading job would pick the row again).
import { type CheckOptions, checkAnswer, type Verdict } from "@/lib/grading/check";
import { type BoxSpan, extractAnswer, findBoxes } from "@/lib/grading/extract";
import { comparisonKey, normalizeAnswer } from "@/lib/grading/normalize";
import type { VerdictCache } from "@/lib/grading/verdict-cache";

/** The verdict stored on a sample (the database's Verdict enum). */
export type SampleVerdict = "ungraded" | "equal" | "not_equal" | "undecided" | "no_answer";

export interface SampleGrade {
  /** The recipe's extraction (last \boxed{}, or what the checker located); null when there is none. */
  extractedAnswer: string | null;
  /** Normalised answer without spaces: samples with the same key are one answer class. */
  answerKey: string | null;
  verdict: SampleVerdict;
  /** Null only while waiting for a gold answer ("wait"). */
  verdictRule: string | null;
  verdictReason: string | null;
  boxedCount: number;
}

export interface GradeSampleOptions extends CheckOptions {
  answerRule?: "last-box" | "anywhere";
  withoutGold?: "wait" | "settle";
  /** The endpoint's finish_reason: "length" names a missing answer "truncated". */
  finishReason?: string | null;
  /** Verdicts by (gold, answer), kept across many samples of a run. */
  verdicts?: VerdictCache;
  /** findBoxes(text), when the caller has it already (the import grading job reads them once). */
  boxes?: readonly BoxSpan[];
}

// Answer keys by answer: a release problem's 23 solutions repeat a few answers, and grading
// normalises each of 14M of them. Pure, so remembering changes nothing; bounded, dropped when full.
const ANSWER_KEYS_REMEMBERED = 20_000;
const answerKeys = new Map<string, string>();

export function answerKeyOf(answer: string): string {
  let key = answerKeys.get(answer);
  if (key === undefined) {
    key = comparisonKey(normalizeAnswer(answer)).slice(0, 500);
    if (answerKeys.size >= ANSWER_KEYS_REMEMBERED) answerKeys.clear();
    answerKeys.set(answer, key);
  }
  return key;
}

const hasGold = (gold: string | null): gold is string => gold !== null && gold.trim() !== "";

export function gradeSample(text: string, gold: string | null, options: GradeSampleOptions = {}): SampleGrade {
  if (options.answerRule === "anywhere" || (!hasGold(gold) && options.withoutGold === "settle")) return gradeAnywhere(text, gold, options);
  const boxes = options.boxes ?? findBoxes(text);
  const boxedCount = boxes.length;
  const extracted = extractAnswer(text, { strict: options.strict }, boxes);
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
  if (!hasGold(gold)) return { extractedAnswer: extracted.answer, answerKey, verdict: "ungraded", verdictRule: null, verdictReason: null, boxedCount };
  const verdict: Verdict = options.verdicts ? options.verdicts.check(gold, extracted.answer) : checkAnswer(gold, extracted.answer, options);
  return {
    extractedAnswer: extracted.answer,
    answerKey,
    verdict: verdict.outcome === "equal" ? "equal" : verdict.outcome === "not-equal" ? "not_equal" : "undecided",
    verdictRule: verdict.rule,
    verdictReason: verdict.reason,
    boxedCount,
  };
}

/** The reference rule, and any solution of a problem without gold when the grade must settle. */
function gradeAnywhere(text: string, gold: string | null, options: GradeSampleOptions): SampleGrade {
  const boxes = options.boxes ?? findBoxes(text);
  const boxedCount = boxes.length;
  const extracted = extractAnswer(text, {}, boxes);
  const extractedAnswer = extracted.ok ? extracted.answer : null;
  if (!hasGold(gold)) {
    return { extractedAnswer, answerKey: null, verdict: "undecided", verdictRule: "no-gold", verdictReason: "the problem has no gold answer to compare with", boxedCount };
  }
  const result = checkAnswer(gold, text, options);
  const verdict: SampleVerdict =
    result.outcome === "equal" ? "equal" : result.outcome === "undecided" ? "undecided" : result.rule === "no-answer" ? "no_answer" : "not_equal";
  const answerKey = result.predictedNormalized ? comparisonKey(result.predictedNormalized) : null;
  return { extractedAnswer, answerKey, verdict, verdictRule: result.rule, verdictReason: result.reason, boxedCount };
}
