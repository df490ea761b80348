// Recipe section 5: drop a solution whose simple arithmetic is wrong - a cheap signal of a
// hallucinated computation even when the final answer happens to match. The check drops a row only
// when it is sure: it reads a claim "a = b" only when both sides are whole, plain arithmetic
// (arithmetic-claims.ts), accepts any reasonable reading of an ambiguous side and any rounding of
// the written result (arithmetic-value.ts), and keeps the row when in doubt. GSM8K's calculator
// notes "<<48/2=24>>" are checked as written, then removed so the prose around them reads as usual.
import { findArithmeticClaims } from "@/lib/grading/filters/arithmetic-claims";
import type { TokenizeOptions } from "@/lib/grading/filters/arithmetic-tokens";
import { tokenizeArithmetic } from "@/lib/grading/filters/arithmetic-tokens";
import type { Interval } from "@/lib/grading/filters/arithmetic-value";
import { isLoneNumber, sideReadings } from "@/lib/grading/filters/arithmetic-value";
import type { DropReason, SolutionRow } from "@/lib/grading/filters/solution-row";

const CALCULATOR_NOTE = /<<([^<>\n]{1,200})>>/g;
const HAS_CALCULATOR_NOTE = /<<[^<>\n]{1,200}>>/;
// Asymptote drawing code in MATH solutions: code, not arithmetic prose.
const ASY_BLOCK = /\[asy\][\s\S]*?\[\/asy\]/g;
// Problems that define their own operation written "*": "If a*b = a^2 + ab - b^2, find 3*2."
const STAR_OPERATION = /\\ast|[A-Za-z]\s*\*\s*[A-Za-z]/;
// Solutions that work modulo n say so; "7 \cdot 3 = 1" is then about units digits.
const MODULAR = /\\pmod|\\bmod|\\mod|\\equiv|\bmod(?:ulo)?\b|units digit|ones digit|last digit|remainder|parity/i;

export function incorrectArithmeticReason(row: SolutionRow): DropReason {
  const text = row.solution;
  // Cheap exit: most of 14M rows are checked in microseconds when nothing can be a claim.
  if (!text.includes("=")) return null;
  // A GSM8K-style solution records each computation in a calculator note; those are its
  // arithmetic, checked as written. The prose around them is a person's retelling (GSM8K's own
  // reference text has typos such as "2*8 = 24 hours" beside a correct note), so it is not checked.
  if (text.includes("<<")) {
    for (const m of text.matchAll(CALCULATOR_NOTE)) {
      const reason = wrongClaimIn(m[1], {});
      if (reason) return `calculator note <<${m[1]}>>: ${reason}`;
    }
    if (HAS_CALCULATOR_NOTE.test(text)) return null;
  }
  const prose = text.includes("[asy]") ? text.replace(ASY_BLOCK, " ") : text;
  const starIsOperation =
    (prose.includes("*") || prose.includes("\\ast")) && STAR_OPERATION.test(row.problem.includes("[asy]") ? row.problem.replace(ASY_BLOCK, " ") : row.problem);
  return wrongClaimIn(prose, { starIsOperation, modular: () => MODULAR.test(prose) });
}

function wrongClaimIn(text: string, options: TokenizeOptions & { modular?: () => boolean }): string | null {
  for (const claim of findArithmeticClaims(tokenizeArithmetic(text, 0, text.length, options))) {
    const left = sideReadings(claim.left);
    const right = sideReadings(claim.right);
    if (!left || !right) continue;
    const leftSlack = writtenSlack(claim.left, left, right);
    const rightSlack = writtenSlack(claim.right, right, left);
    if (left.some((a) => right.some((b) => overlap(a, b, Math.max(leftSlack, rightSlack))))) continue;
    // Working modulo n, whole numbers that differ are not a mistake.
    if (options.modular?.() && left.concat(right).every((v) => v.lo === v.hi && Number.isInteger(v.lo))) continue;
    return `arithmetic "${text.slice(claim.start, claim.end)}" is wrong (${formatValue(left[0])} vs ${formatValue(right[0])})`;
  }
  return null;
}

/**
 * How far a written result may be from the exact value: a lone number with d decimals may be
 * rounded or truncated in its last digit ("10 / 3 = 3.33"); a lone integer where the other side is
 * not a whole number may be rounded either way ("7 / 2 = 4" people, "7 / 2 = 3" full boxes).
 */
function writtenSlack(side: Parameters<typeof isLoneNumber>[0], own: Interval[], other: Interval[]): number {
  if (!isLoneNumber(side)) return 0;
  const num = side.find((t) => t.kind === "num");
  const decimals = num?.kind === "num" ? num.decimals : 0;
  if (decimals > 0) return 10 ** -decimals;
  const otherIsWhole = other.some((v) => v.lo === v.hi && Number.isInteger(v.lo));
  return otherIsWhole && own.every((v) => v.lo === v.hi) ? 0 : 1 - 1e-9;
}

function overlap(a: Interval, b: Interval, slack: number): boolean {
  const tolerance = slack + 1e-9 * Math.max(1, Math.abs(a.lo), Math.abs(b.lo));
  return a.lo <= b.hi + tolerance && b.lo <= a.hi + tolerance;
}

function formatValue(v: Interval): string {
  const mid = (v.lo + v.hi) / 2;
  return String(Number(mid.toPrecision(10)));
}

export function dropIncorrectArithmetic<T extends SolutionRow>(rows: Iterable<T>): T[] {
  return [...rows].filter((row) => incorrectArithmeticReason(row) === null);
}
