// Equality of two scalar expressions. Where a decimal was written, within the relative tolerance
// (or rounded to the configured decimal places); otherwise exactly: BigInt rationals, or values at
// 30 and 60 significant digits. With free variables: randomized identity testing - both
// sides evaluated at the same pseudo-random points - which decides "difference is zero" for the
// polynomial, rational and elementary expressions answers contain, in bounded time, where a
// symbolic simplifier could run without limit.
import type { AnswerValue } from "@/lib/grading/answer-value";
import type { CompareContext, Decision } from "@/lib/grading/compare-context";
import { formatNumber, quote } from "@/lib/grading/compare-context";
import type Decimal from "decimal.js";
import { NotNumericError, evaluate, evaluateRational, formatRational, freeSymbols } from "@/lib/grading/evaluate";
import { HIGH_DIGITS, LOW_DIGITS, decimalContext, differenceIsZero, evaluatePrecise, extraDigits } from "@/lib/grading/evaluate-precise";
import type { MathJson } from "@/lib/grading/latex-to-math-json";
import { readNode } from "@/lib/grading/math-json-node";

type Expr = Extract<AnswerValue, { kind: "expr" }>;

const SAMPLE_POINTS = 6;
const MIN_VALID_POINTS = 3;
const PRECISE_POINTS = 2;

export function compareScalars(gold: Expr, pred0: Expr, ctx: CompareContext): Decision {
  const pred = ctx.looseVariables ? renameByPosition(gold, pred0, ctx) : pred0;
  const vars = freeSymbols(gold.json, new Set(), ctx.budget);
  freeSymbols(pred.json, vars, ctx.budget);
  try {
    return vars.size === 0 ? compareNumbers(gold, pred, ctx) : compareSymbolic(gold, pred, [...vars].sort(), ctx);
  } catch (error) {
    if (error instanceof NotNumericError) {
      return { equal: null, rule: "parse-failure", reason: `could not evaluate: ${error.what}` };
    }
    // decimal.js computes π (hence every trigonometric function) to about 1,000 digits: a value
    // that needs more (tan 15° beside 2^{4181}, whose 1,259 digits set the working precision) is
    // beyond what can be evaluated here, not a difference.
    if (error instanceof Error && error.message.startsWith("[DecimalError]")) {
      return { equal: null, rule: "out-of-range", reason: `could not evaluate at the precision these values need (${error.message})` };
    }
    throw error;
  }
}

/**
 * Math-Verify's strict: false. When both sides have the same number of variables, the
 * prediction's are renamed to the gold's in sorted order, so f(x) = x + 1 matches y + 1.
 */
function renameByPosition(gold: Expr, pred: Expr, ctx: CompareContext): Expr {
  const g = [...freeSymbols(gold.json, new Set(), ctx.budget)].sort();
  const p = [...freeSymbols(pred.json, new Set(), ctx.budget)].sort();
  if (g.length !== p.length || g.every((v, i) => v === p[i])) return pred;
  const map = new Map(p.map((v, i) => [v, g[i]] as const));
  const rename = (json: MathJson): MathJson => {
    const node = readNode(json);
    if (node.type === "symbol") return map.get(node.name) ?? json;
    if (node.type !== "call") return json;
    return [node.head, ...node.args.map(rename)] as MathJson;
  };
  return { ...pred, json: rename(pred.json) };
}

function compareNumbers(gold: Expr, pred: Expr, ctx: CompareContext): Decision {
  const exactGold = evaluateRational(gold.json, ctx.budget);
  const exactPred = exactGold && evaluateRational(pred.json, ctx.budget);
  if (exactGold && exactPred) {
    // Cross-multiplied: large fractions are kept unreduced.
    const equal = exactGold[0] * exactPred[1] === exactPred[0] * exactGold[1];
    return { equal, rule: "numeric", reason: `exact: ${quote(gold.latex)} = ${formatRational(exactGold)} ${equal ? "equals" : "differs from"} ${quote(pred.latex)} = ${formatRational(exactPred)}` };
  }
  const literals = [decimalLiteral(gold.json), decimalLiteral(pred.json)];
  if (literals[0] && literals[1]) return compareDecimals(literals[0], literals[1], ctx);
  const empty = new Map<string, number>();
  const a = evaluate(gold.json, empty, ctx.budget);
  const b = evaluate(pred.json, empty, ctx.budget);
  const shown = `${quote(gold.latex)} = ${formatNumber(a)} vs ${quote(pred.latex)} = ${formatNumber(b)}`;
  const approximate = hasWrittenDecimal(gold.json) || hasWrittenDecimal(pred.json);
  if (mentionsInfinity(gold.json) || mentionsInfinity(pred.json)) {
    if (Number.isNaN(a) || Number.isNaN(b)) return { equal: null, rule: "numeric", reason: `numeric: ${shown}, not a real number` };
    const declared = mentionsInfinity(gold.json) && mentionsInfinity(pred.json);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return { equal: declared && a === b, rule: "numeric", reason: `numeric: ${shown}` };
  }
  if (!approximate) return compareExactly(gold, pred, a, b, ctx);
  if (Number.isNaN(a) || Number.isNaN(b)) return { equal: null, rule: "numeric", reason: `numeric: ${shown}, not a real number` };
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    // One side overflowed (|x| > 1.8e308) and the other did not: they cannot be equal.
    if (Number.isFinite(a) || Number.isFinite(b)) return { equal: false, rule: "numeric", reason: `numeric: ${shown}; one side exceeds the double range, the other does not` };
    return { equal: null, rule: "out-of-range", reason: `numeric: ${shown}; both beyond double precision, not decided` };
  }
  return withinTolerance(a, b, shown, ctx);
}

/** Where a decimal was written: equal within the relative tolerance, or rounded to `decimalPlaces`. */
function withinTolerance(a: number, b: number, shown: string, ctx: CompareContext): Decision {
  if (ctx.decimalPlaces !== undefined) {
    const [ra, rb] = [roundTo(a, ctx.decimalPlaces), roundTo(b, ctx.decimalPlaces)];
    const equal = ra === rb;
    return { equal, rule: "numeric", reason: `numeric: ${shown}, rounded to ${ctx.decimalPlaces} decimal places ${formatNumber(ra)} ${equal ? "=" : "≠"} ${formatNumber(rb)}` };
  }
  const diff = relativeDifference(a, b);
  const equal = diff <= ctx.relativeTolerance;
  return { equal, rule: "numeric", reason: `numeric: ${shown}, rel. diff ${formatNumber(diff)} ${equal ? "<=" : ">"} ${ctx.relativeTolerance} (a decimal was written)` };
}

function roundTo(x: number, places: number): number {
  return Number(x.toFixed(Math.min(places, 100)));
}

/**
 * No decimal was written: the two values must be the same number, not close numbers. Doubles
 * reject clear differences fast; anything closer than 1e-3 is decided at 30 and 60 digits.
 */
function compareExactly(gold: Expr, pred: Expr, a: number, b: number, ctx: CompareContext): Decision {
  const shown = `${quote(gold.latex)} = ${formatNumber(a)} vs ${quote(pred.latex)} = ${formatNumber(b)}`;
  if (Number.isFinite(a) && Number.isFinite(b) && relativeDifference(a, b) > CLEARLY_DIFFERENT && Math.abs(a - b) > 1e-9) {
    return { equal: false, rule: "numeric", reason: `numeric: ${shown}` };
  }
  const empty = new Map<string, Decimal>();
  const extra = Math.max(extraDigits(gold.json), extraDigits(pred.json));
  const at = (digits: number): [Decimal, Decimal] => {
    const D = decimalContext(digits + extra);
    return [evaluatePrecise(gold.json, empty, ctx.budget, D), evaluatePrecise(pred.json, empty, ctx.budget, D)];
  };
  const lo = at(LOW_DIGITS);
  if (lo[0].isNaN() || lo[1].isNaN()) return { equal: null, rule: "numeric", reason: `numeric: ${shown}, not a real number` };
  if (!lo[0].isFinite() || !lo[1].isFinite()) return { equal: lo[0].eq(lo[1]) ? null : false, rule: "out-of-range", reason: `numeric: ${shown}, beyond the exponent range` };
  const hi = at(HIGH_DIGITS);
  const test = differenceIsZero(lo, hi);
  const preciseShown = `${quote(gold.latex)} = ${shortDecimal(hi[0])} vs ${quote(pred.latex)} = ${shortDecimal(hi[1])}`;
  if (test === "unclear") return { equal: null, rule: "numeric", reason: `numeric: ${preciseShown}; the difference is below what ${HIGH_DIGITS} digits resolve, not decided` };
  const equal = test === "zero";
  return { equal, rule: "numeric", reason: `exact: ${preciseShown}, ${equal ? "equal" : "different"} at ${HIGH_DIGITS} significant digits` };
}

const CLEARLY_DIFFERENT = 1e-3;

function shortDecimal(x: Decimal): string {
  return x.toSignificantDigits(12).toString();
}

function compareSymbolic(gold: Expr, pred: Expr, vars: string[], ctx: CompareContext): Decision {
  const random = seededRandom(0x5eed);
  const approximate = hasWrittenDecimal(gold.json) || hasWrittenDecimal(pred.json);
  const integerVars = integerVariables(gold.json, integerVariables(pred.json, new Set()));
  const points: Map<string, number>[] = [];
  for (let k = 0; k < SAMPLE_POINTS * 4 && points.length < SAMPLE_POINTS; k++) {
    const env = new Map(vars.map((v) => [v, samplePoint(k, random, integerVars.has(v))] as const));
    const a = evaluate(gold.json, env, ctx.budget);
    const b = evaluate(pred.json, env, ctx.budget);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const diff = relativeDifference(a, b);
    if (diff > (approximate ? ctx.relativeTolerance : CLEARLY_DIFFERENT) && (approximate || Math.abs(a - b) > 1e-9)) {
      return { equal: false, rule: "symbolic", reason: `symbolic: at ${describePoint(env)}, ${quote(gold.latex)} = ${formatNumber(a)} but ${quote(pred.latex)} = ${formatNumber(b)}` };
    }
    points.push(env);
  }
  if (points.length < MIN_VALID_POINTS) {
    return { equal: null, rule: "symbolic", reason: `symbolic: only ${points.length} of the sample points are in both domains, not decided` };
  }
  if (!approximate) {
    // Two points at high precision: the doubles already checked all six for clear differences,
    // and two independent random points where a non-zero difference vanishes are improbable.
    const extra = Math.max(extraDigits(gold.json), extraDigits(pred.json));
    for (const env of points.slice(0, PRECISE_POINTS)) {
      const at = (digits: number): [Decimal, Decimal] => {
        const D = decimalContext(digits + extra);
        const denv = new Map([...env].map(([k, v]) => [k, new D(v)] as const));
        return [evaluatePrecise(gold.json, denv, ctx.budget, D), evaluatePrecise(pred.json, denv, ctx.budget, D)];
      };
      const lo = at(LOW_DIGITS);
      if (!lo[0].isFinite() || !lo[1].isFinite()) continue;
      const hi = at(HIGH_DIGITS);
      const test = differenceIsZero(lo, hi);
      if (test === "nonzero") {
        return { equal: false, rule: "symbolic", reason: `symbolic: at ${describePoint(env)}, ${quote(gold.latex)} = ${shortDecimal(hi[0])} but ${quote(pred.latex)} = ${shortDecimal(hi[1])} (${HIGH_DIGITS} digits)` };
      }
      if (test === "unclear") return { equal: null, rule: "symbolic", reason: `symbolic: at ${describePoint(env)} the difference is below what ${HIGH_DIGITS} digits resolve, not decided` };
    }
  }
  const how = approximate ? `within ${ctx.relativeTolerance} (a decimal was written)` : `to ${HIGH_DIGITS} digits`;
  return { equal: true, rule: "symbolic", reason: `symbolic: ${quote(gold.latex)} − (${quote(pred.latex)}) vanishes ${how} at ${points.length} random points (e.g. ${describePoint(points[0])})` };
}

function describePoint(env: Map<string, number>): string {
  return [...env].map(([v, x]) => `${v}=${formatNumber(Number(x.toFixed(3)))}`).join(", ");
}

/**
 * Points spread over several ranges, so a step function (floor) or a narrow domain (√(x-3)) is
 * not sampled only where it happens to be flat or undefined: [0.5, 3], [3, 12], [-3, -0.5].
 */
function samplePoint(k: number, random: () => number, integer: boolean): number {
  const r = random();
  if (integer) return 2 + Math.floor(r * (k % 2 === 0 ? 9 : 20));
  switch (k % 3) {
    case 0:
      return 0.5 + 2.5 * r;
    case 1:
      return 3 + 9 * r;
    default:
      return -3 + 2.5 * r;
  }
}

/**
 * Variables that must be integers for the expression to mean anything: bounds of \sum and
 * \prod, arguments of factorials and binomials, exponents of negative bases ((-2)^k).
 */
export function integerVariables(json: MathJson, into: Set<string>): Set<string> {
  const node = readNode(json);
  if (node.type !== "call") return into;
  const integerArgs: MathJson[] = [];
  if ((node.head === "Sum" || node.head === "Product") && node.args[1] !== undefined) {
    const limits = readNode(node.args[1]);
    if (limits.type === "call") integerArgs.push(...limits.args.slice(1));
  }
  if (node.head === "Factorial" || node.head === "Binomial") integerArgs.push(...node.args);
  if (node.head === "Power" && node.args.length === 2 && isNegativeConstant(node.args[0])) integerArgs.push(node.args[1]);
  for (const a of integerArgs) collectSymbols(a, into);
  for (const arg of node.args) integerVariables(arg, into);
  return into;
}

function isNegativeConstant(json: MathJson): boolean {
  let node = readNode(json);
  while (node.type === "call" && node.head === "Delimiter" && node.args.length === 1) node = readNode(node.args[0]);
  if (node.type === "number") return node.value < 0;
  return node.type === "call" && node.head === "Negate" && readNode(node.args[0]).type === "number";
}

function collectSymbols(json: MathJson, into: Set<string>): void {
  const node = readNode(json);
  if (node.type === "symbol") into.add(node.name);
  else if (node.type === "call") for (const a of node.args) collectSymbols(a, into);
}

/** A decimal point written anywhere in the expression: the author gave an approximation. */
export function hasWrittenDecimal(json: MathJson): boolean {
  const node = readNode(json);
  if (node.type === "number") return node.text.includes(".") && !node.text.includes("(");
  if (node.type === "call") return node.args.some(hasWrittenDecimal);
  return false;
}

interface DecimalLiteral {
  text: string;
  value: number;
  decimals: number;
}

/** A number written out ("920.25", "-0.5", "5"), as opposed to one computed by an expression. */
function decimalLiteral(json: MathJson): DecimalLiteral | null {
  let node = readNode(json);
  let sign = 1;
  if (node.type === "call" && node.head === "Negate" && node.args.length === 1) {
    node = readNode(node.args[0]);
    sign = -1;
  }
  if (node.type !== "number" || !/^\d*\.?\d+$|^\d+\.$/.test(node.text)) return null;
  return { text: sign < 0 ? `-${node.text}` : node.text, value: sign * node.value, decimals: node.text.split(".")[1]?.length ?? 0 };
}

/**
 * Two written-out numbers: a relative tolerance would call 920.25 and 920.26 equal, so they are
 * compared at the precision of the less precise one instead (16386.2 = 16386.16 rounded; 5 and
 * 5.001 differ; 0.185 = .185).
 */
function compareDecimals(a: DecimalLiteral, b: DecimalLiteral, ctx: CompareContext): Decision {
  if (ctx.decimalPlaces !== undefined) return withinTolerance(a.value, b.value, `${a.text} vs ${b.text}`, ctx);
  const places = Math.min(a.decimals, b.decimals);
  const round = (x: number) => Number(x.toFixed(Math.min(places, 20)));
  const equal = places === 0 ? a.value === b.value : round(a.value) === round(b.value);
  const how = places === 0 ? "exactly" : `at ${places} decimal place${places > 1 ? "s" : ""}`;
  return { equal, rule: "numeric", reason: `numeric: ${a.text} ${equal ? "equals" : "differs from"} ${b.text}, compared ${how}` };
}

export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  // Against an exact zero a relative difference is meaningless; rounding noise counts as zero.
  // Two non-zero values are always compared relatively: 1.325e-27 is not 1.325e-28.
  if ((a === 0 || b === 0) && Math.abs(a - b) < 1e-12) return 0;
  return Math.abs(a - b) / scale;
}

function mentionsInfinity(json: MathJson): boolean {
  return JSON.stringify(json).includes("Infinity");
}

/** Mulberry32: deterministic, so a verdict never changes between runs. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
