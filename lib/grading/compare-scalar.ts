// Equality of two scalar expressions. Without free variables: exact for integers and fractions,
// else within the relative tolerance. With free variables: randomized identity testing - both
// sides evaluated at the same pseudo-random points - which decides "difference is zero" for the
// polynomial, rational and elementary expressions answers contain, in bounded time, where a
// symbolic simplifier could run without limit.
import type { AnswerValue } from "@/lib/grading/answer-value";
import type { CompareContext, Decision } from "@/lib/grading/compare-context";
import { formatNumber, quote } from "@/lib/grading/compare-context";
import { NotNumericError, evaluate, evaluateRational, formatRational, freeSymbols } from "@/lib/grading/evaluate";
import type { MathJson } from "@/lib/grading/latex-to-math-json";
import { readNode } from "@/lib/grading/math-json-node";

type Expr = Extract<AnswerValue, { kind: "expr" }>;

const SAMPLE_POINTS = 6;
const MIN_VALID_POINTS = 3;

export function compareScalars(gold: Expr, pred: Expr, ctx: CompareContext): Decision {
  const vars = freeSymbols(gold.json, new Set(), ctx.budget);
  freeSymbols(pred.json, vars, ctx.budget);
  try {
    return vars.size === 0 ? compareNumbers(gold, pred, ctx) : compareSymbolic(gold, pred, [...vars].sort(), ctx);
  } catch (error) {
    if (error instanceof NotNumericError) {
      return { equal: null, rule: "parse-failure", reason: `could not evaluate: ${error.what}` };
    }
    throw error;
  }
}

function compareNumbers(gold: Expr, pred: Expr, ctx: CompareContext): Decision {
  const exactGold = evaluateRational(gold.json, ctx.budget);
  const exactPred = exactGold && evaluateRational(pred.json, ctx.budget);
  if (exactGold && exactPred) {
    const equal = exactGold[0] === exactPred[0] && exactGold[1] === exactPred[1];
    return { equal, rule: "numeric", reason: `exact: ${quote(gold.latex)} = ${formatRational(exactGold)} ${equal ? "equals" : "differs from"} ${quote(pred.latex)} = ${formatRational(exactPred)}` };
  }
  const literals = [decimalLiteral(gold.json), decimalLiteral(pred.json)];
  if (literals[0] && literals[1]) return compareDecimals(literals[0], literals[1]);
  const empty = new Map<string, number>();
  const a = evaluate(gold.json, empty, ctx.budget);
  const b = evaluate(pred.json, empty, ctx.budget);
  const shown = `${quote(gold.latex)} = ${formatNumber(a)} vs ${quote(pred.latex)} = ${formatNumber(b)}`;
  if (Number.isNaN(a) || Number.isNaN(b)) return { equal: null, rule: "numeric", reason: `numeric: ${shown}, not a real number` };
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    const declared = mentionsInfinity(gold.json) && mentionsInfinity(pred.json);
    if (declared) return { equal: a === b, rule: "numeric", reason: `numeric: ${shown}` };
    if (mentionsInfinity(gold.json) || mentionsInfinity(pred.json)) return { equal: false, rule: "numeric", reason: `numeric: ${shown}` };
    // One side overflowed (|x| > 1.8e308) and the other did not: they cannot be equal.
    if (Number.isFinite(a) || Number.isFinite(b)) return { equal: false, rule: "numeric", reason: `numeric: ${shown}; one side exceeds the double range, the other does not` };
    return { equal: null, rule: "out-of-range", reason: `numeric: ${shown}; both beyond double precision, not decided` };
  }
  const diff = relativeDifference(a, b);
  const equal = diff <= ctx.relativeTolerance;
  return { equal, rule: "numeric", reason: `numeric: ${shown}, rel. diff ${formatNumber(diff)} ${equal ? "<=" : ">"} ${ctx.relativeTolerance}` };
}

function compareSymbolic(gold: Expr, pred: Expr, vars: string[], ctx: CompareContext): Decision {
  const random = seededRandom(0x5eed);
  let valid = 0;
  let firstPoint = "";
  for (let k = 0; k < SAMPLE_POINTS * 3 && valid < SAMPLE_POINTS; k++) {
    const env = new Map(vars.map((v) => [v, 0.5 + 2.5 * random()] as const));
    const a = evaluate(gold.json, env, ctx.budget);
    const b = evaluate(pred.json, env, ctx.budget);
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const point = vars.map((v) => `${v}=${formatNumber(Number(env.get(v)?.toFixed(3)))}`).join(", ");
    if (relativeDifference(a, b) > ctx.relativeTolerance) {
      return { equal: false, rule: "symbolic", reason: `symbolic: at ${point}, ${quote(gold.latex)} = ${formatNumber(a)} but ${quote(pred.latex)} = ${formatNumber(b)}` };
    }
    if (valid === 0) firstPoint = point;
    valid++;
  }
  if (valid < MIN_VALID_POINTS) {
    return { equal: null, rule: "symbolic", reason: `symbolic: only ${valid} of the sample points are in both domains, not decided` };
  }
  return { equal: true, rule: "symbolic", reason: `symbolic: ${quote(gold.latex)} − (${quote(pred.latex)}) vanishes at ${valid} random points (e.g. ${firstPoint})` };
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
function compareDecimals(a: DecimalLiteral, b: DecimalLiteral): Decision {
  const places = Math.min(a.decimals, b.decimals);
  const round = (x: number) => Number(x.toFixed(Math.min(places, 20)));
  const equal = places === 0 ? a.value === b.value : round(a.value) === round(b.value);
  const how = places === 0 ? "exactly" : `at ${places} decimal place${places > 1 ? "s" : ""}`;
  return { equal, rule: "numeric", reason: `numeric: ${a.text} ${equal ? "equals" : "differs from"} ${b.text}, compared ${how}` };
}

export function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  // Near zero a relative difference is meaningless; treat rounding noise as equality.
  if (Math.abs(a - b) < 1e-12) return 0;
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
