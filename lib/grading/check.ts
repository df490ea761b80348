// checkAnswer(gold, predicted): the verdict every stored sample gets. Gold first, as in
// Math-Verify. Always synchronous and always in time: every stage charges a shared Budget, input
// sizes are capped before the recursive LaTeX parser runs, and any overrun becomes "undecided".
import { Budget, BudgetExceededError } from "@/lib/grading/budget";
import type { CompareContext, Decision } from "@/lib/grading/compare-context";
import { compareValues } from "@/lib/grading/compare-values";
import { locateAnswer } from "@/lib/grading/locate-answer";
import type { LocatedAnswer } from "@/lib/grading/locate-answer";
import { comparisonKey, normalizeAnswer } from "@/lib/grading/normalize";
import { listSeparator, parseAnswer } from "@/lib/grading/parse-answer";
import { splitTopLevel } from "@/lib/grading/split-top-level";

export interface CheckOptions {
  /** Numbers within this relative difference are equal (NeMo-Skills: 1e-4). */
  relativeTolerance?: number;
  /** The 2024 NeMo-Skills rule: "10%" also equals 0.1 (it always equals 10). Default true. */
  percentRule?: boolean;
  /**
   * Formatting-only normalisation: keep units and \text{}, keep "x =" prefixes, refuse
   * disagreeing boxes, and require the same variable in inequalities.
   */
  strict?: boolean;
  /** Wall-clock budget of one check; past it the verdict is "undecided" (rule "timeout"). */
  timeBudgetMs?: number;
  /** Let a bare number of a prose answer count as the answer (Math-Verify "expr"). Default true. */
  bareNumbers?: boolean;
  /** Compare "-2 \le x \le 7" with "[-2, 7]" (Math-Verify allow_set_relation_comp). Default true. */
  relationsAsIntervals?: boolean;
  /**
   * Math-Verify's `precision`: where a decimal was written, both values are rounded to this many
   * decimal places and compared (looser or tighter than the relative tolerance). Unset by default.
   */
  decimalPlaces?: number;
  /** Math-Verify's `strict: false`: variables matched by position (f(x) = f(y)), sets comparable with tuples. */
  looseVariables?: boolean;
  /**
   * Several boxes joined by words ("\boxed{3} and \boxed{4}") are one answer when the gold has
   * as many parts. Default true; false keeps the recipe's last-box rule everywhere.
   */
  joinBoxes?: boolean;
}

export type Outcome = "equal" | "not-equal" | "undecided";

export interface Verdict {
  outcome: Outcome;
  /** Short id of the deciding rule: string, numeric, symbolic, set, tuple, interval, union, matrix, equation, inequality, choice, percent, no-answer, timeout, parse-failure, out-of-range. */
  rule: string;
  /** One sentence with the evidence, for a reviewer. */
  reason: string;
  goldNormalized: string;
  predictedNormalized: string;
}

export const DEFAULT_CHECK_OPTIONS: Required<Omit<CheckOptions, "decimalPlaces">> & Pick<CheckOptions, "decimalPlaces"> = {
  relativeTolerance: 1e-4,
  percentRule: true,
  strict: false,
  timeBudgetMs: 250,
  bareNumbers: true,
  relationsAsIntervals: true,
  decimalPlaces: undefined,
  looseVariables: false,
  joinBoxes: true,
};

/** Answers longer than this are only compared as strings. Below it, work is linear in the length. */
export const MAX_ANSWER_CHARS = 200_000;

export function checkAnswer(gold: string | number, predicted: string | number, options: CheckOptions = {}): Verdict {
  const opts = { ...DEFAULT_CHECK_OPTIONS, ...definedOnly(options) };
  const budget = new Budget({ timeBudgetMs: opts.timeBudgetMs });
  let goldNormalized = "";
  let predictedNormalized = "";
  const verdict = (d: Decision): Verdict => ({
    outcome: d.equal === true ? "equal" : d.equal === false ? "not-equal" : "undecided",
    rule: d.rule,
    reason: d.reason,
    goldNormalized,
    predictedNormalized,
  });
  try {
    const goldText = asText(gold);
    const predText = asText(predicted);
    if (goldText === null) return verdict({ equal: null, rule: "parse-failure", reason: "gold is not a string or a number" });
    if (predText === null) return verdict({ equal: false, rule: "no-answer", reason: "the prediction is not a string or a number" });
    const locateOptions = { bareNumbers: opts.bareNumbers, strict: opts.strict };
    const goldAnswer = locateAnswer(goldText, locateOptions);
    const predAnswer = locateAnswer(predText, locateOptions);
    budget.checkDeadline();
    if (!goldAnswer.ok) return verdict({ equal: null, rule: "parse-failure", reason: `no answer found in gold: ${goldAnswer.cause}` });
    if (!predAnswer.ok) return verdict({ equal: false, rule: "no-answer", reason: `no answer found in the prediction: ${predAnswer.cause}` });
    if (goldAnswer.answer.length > MAX_ANSWER_CHARS || predAnswer.answer.length > MAX_ANSWER_CHARS) {
      return verdict(compareOversized(goldAnswer, predAnswer));
    }
    goldNormalized = normalizeAnswer(severalOrOne(goldAnswer), { strict: opts.strict });
    // Several boxes joined by words are one answer when the gold has several parts; otherwise the
    // recipe's rule stands and the last box is the answer.
    // ... and only when the last box alone holds fewer parts than the gold: "$\boxed{1}$ ... the
    // solutions are $\boxed{1, 2}$" is answered by its last box.
    const joinPred =
      opts.joinBoxes && predAnswer.several !== undefined && !opts.strict && partCount(goldNormalized) >= 2 && partCount(normalizeAnswer(predAnswer.answer, { strict: opts.strict })) < partCount(goldNormalized);
    predictedNormalized = normalizeAnswer(joinPred ? severalOrOne(predAnswer) : predAnswer.answer, { strict: opts.strict });
    if (predictedNormalized === "") return verdict({ equal: false, rule: "no-answer", reason: `the prediction's answer ${JSON.stringify(predAnswer.answer)} is empty after normalisation` });
    if (comparisonKey(goldNormalized) === comparisonKey(predictedNormalized)) {
      return verdict({ equal: true, rule: "string", reason: `string: normalised forms are identical (${shorten(goldNormalized)})${sourceNote(predAnswer)}` });
    }
    budget.checkDeadline();
    const ctx: CompareContext = { budget, relativeTolerance: opts.relativeTolerance, percentRule: opts.percentRule, strict: opts.strict, relationsAsIntervals: opts.relationsAsIntervals, decimalPlaces: opts.decimalPlaces, looseVariables: opts.looseVariables };
    const goldValue = parseAnswer(goldNormalized, budget);
    const predValue = parseAnswer(predictedNormalized, budget);
    const decision = compareValues(goldValue, predValue, ctx);
    return verdict({ ...decision, reason: decision.reason + sourceNote(predAnswer) });
  } catch (error) {
    if (error instanceof BudgetExceededError) {
      return verdict({ equal: null, rule: "timeout", reason: `${error.message} (${opts.timeBudgetMs} ms); not decided` });
    }
    if (error instanceof RangeError) {
      return verdict({ equal: null, rule: "parse-failure", reason: `input too deeply nested to analyse (${error.message})` });
    }
    // Any other failure of the checker on one answer (a library's limit it reached, a case it does
    // not know) leaves that answer undecided, with the cause: a grading job over millions of
    // solutions must not stop on one of them, and the sample page shows why.
    if (error instanceof Error) {
      return verdict({ equal: null, rule: "parse-failure", reason: `the checker could not decide: ${error.message}` });
    }
    throw error;
  }
}

function compareOversized(gold: Extract<LocatedAnswer, { ok: true }>, pred: Extract<LocatedAnswer, { ok: true }>): Decision {
  const same = gold.answer.replace(/\s+/g, "") === pred.answer.replace(/\s+/g, "");
  if (same) return { equal: true, rule: "string", reason: "string: identical (too long to analyse further)" };
  const longest = Math.max(gold.answer.length, pred.answer.length);
  return { equal: null, rule: "parse-failure", reason: `an answer of ${longest} characters exceeds the ${MAX_ANSWER_CHARS}-character limit; not analysed` };
}

function severalOrOne(answer: Extract<LocatedAnswer, { ok: true }>): string {
  return answer.several ? answer.several.join(", ") : answer.answer;
}

/** How many parts an answer lists: "1, 2" and "\\{1, 2\\}" have two. */
function partCount(normalized: string): number {
  const inner = normalized.startsWith("\\{") && normalized.endsWith("\\}") ? normalized.slice(2, -2) : normalized;
  return splitTopLevel(inner, listSeparator).parts.filter((p) => p.trim() !== "").length;
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function sourceNote(answer: Extract<LocatedAnswer, { ok: true }>): string {
  return answer.source === "whole" || answer.source === "boxed" ? "" : ` [prediction answer taken from its ${answer.source === "phrase" ? '"final answer is" phrase' : answer.source === "math" ? "last formula" : answer.source === "number" ? "last number" : answer.source}]`;
}

function shorten(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function definedOnly(options: CheckOptions): CheckOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as CheckOptions;
}
