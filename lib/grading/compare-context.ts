// What every comparison needs: the budget it spends and the options that change verdicts.
import type { Budget } from "@/lib/grading/budget";

export interface CompareContext {
  budget: Budget;
  relativeTolerance: number;
  percentRule: boolean;
  strict: boolean;
  relationsAsIntervals: boolean;
  /** Math-Verify's `precision`: where a decimal was written, both sides rounded to this many places. */
  decimalPlaces?: number;
  /** Math-Verify's `strict: false`: variables matched by position, sets comparable with tuples. */
  looseVariables?: boolean;
}

/** A comparison's result: equal, not equal, or undecided (null), with the rule and its evidence. */
export interface Decision {
  equal: boolean | null;
  rule: string;
  reason: string;
}

export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return String(Number(x.toPrecision(10)));
}

/** Shortens quoted LaTeX so a reason stays one readable sentence. */
export function quote(latex: string): string {
  return latex.length > 60 ? `${latex.slice(0, 57)}...` : latex;
}
