// The grading fields of a generated solution, computed when it lands (pure). The recipe's rule:
// the answer is the content of the last \boxed{}; without one there is no answer (verdict
// no_answer), whatever else the text says. A reply cut by max_tokens says so in its reason.
import { checkAnswer, type Verdict } from "@/lib/grading/check";
import { countBoxed, extractAnswer } from "@/lib/grading/extract";
import { comparisonKey, normalizeAnswer } from "@/lib/grading/normalize";

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

const OUTCOME_VERDICT = { equal: "equal", "not-equal": "not_equal", undecided: "undecided" } as const;

/**
 * Verdicts by (gold, extracted answer). A problem's N samples mostly repeat a few answers, and
 * checkAnswer is pure, so a runner keeps one of these; timeouts are never kept (they may pass
 * on a quieter machine).
 */
export class VerdictCache {
  private readonly verdicts = new Map<string, Verdict>();
  constructor(private readonly size = 20_000) {}
  check(gold: string, answer: string): Verdict {
    const key = `${gold}\u0000${answer}`;
    const known = this.verdicts.get(key);
    if (known) return known;
    const verdict = checkAnswer(gold, answer);
    if (verdict.rule !== "timeout") {
      if (this.verdicts.size >= this.size) this.verdicts.delete(this.verdicts.keys().next().value as string);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}

/** `gold` null: no gold yet (label batches); the verdict waits for the majority vote. */
export function gradeSolution(text: string, gold: string | null, finishReason: string, cache?: VerdictCache): GradedSolution {
  const boxedCount = countBoxed(text);
  const base = { boxedCount, charLength: text.length };
  const extracted = extractAnswer(text);
  if (!extracted.ok) {
    const truncated = finishReason === "length" ? "cut off by max_tokens (finish_reason length); " : "";
    return { ...base, extractedAnswer: null, answerKey: null, verdict: "no_answer", verdictRule: "no-answer", verdictReason: `${truncated}${extracted.detail}` };
  }
  const answerKey = comparisonKey(normalizeAnswer(extracted.answer)).slice(0, 500);
  if (gold === null) return { ...base, extractedAnswer: extracted.answer, answerKey, verdict: "ungraded", verdictRule: null, verdictReason: null };
  const verdict = cache ? cache.check(gold, extracted.answer) : checkAnswer(gold, extracted.answer);
  return { ...base, extractedAnswer: extracted.answer, answerKey, verdict: OUTCOME_VERDICT[verdict.outcome], verdictRule: verdict.rule, verdictReason: verdict.reason };
}
