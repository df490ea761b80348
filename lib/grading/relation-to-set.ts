// Relations of one unknown read as the set of reals they describe, so equivalent relations are
// equal and a relation can match an interval: "y \ge 4", "-y \le -4" and "[4, \infty)" are one
// set; "2 \le |t| \le 5" is [-5,-2] ∪ [2,5]; "-1 < h(t) < 2" is (-1, 2). Each side of a chain is a
// constant, the unknown, a linear expression a·x + b of it, or the absolute value of one. The
// solved endpoints stay exact expressions ((c - b) / a built from the input's own MathJSON), so
// they are compared exactly later; doubles only order them.
import type { AnswerValue, RelationOp } from "@/lib/grading/answer-value";
import type { Budget } from "@/lib/grading/budget";
import { NotNumericError, evaluate, freeSymbols } from "@/lib/grading/evaluate";
import type { MathJson } from "@/lib/grading/latex-to-math-json";
import { readNode } from "@/lib/grading/math-json-node";

type Relation = Extract<AnswerValue, { kind: "relation" }>;
type Interval = Extract<AnswerValue, { kind: "interval" }>;
type Expr = Extract<AnswerValue, { kind: "expr" }>;

export interface VariableSet {
  variable: string;
  set: AnswerValue;
}

const VARIABLE = /^(?:[A-Za-z]|\\[a-z]+)(?:_\{?\w+\}?)?$/;

export function isVariable(value: AnswerValue): boolean {
  return value.kind === "expr" && VARIABLE.test(value.latex.trim()) && !/^\\(?:infty|pi)$/.test(value.latex.trim());
}

/** An endpoint: its exact expression and its double value for ordering. */
interface End {
  value: number;
  json: MathJson;
  latex: string;
  closed: boolean;
}
interface Piece {
  lo: End;
  hi: End;
}

const NEG_INF: End = { value: -Infinity, json: ["Negate", "PositiveInfinity"], latex: "-\\infty", closed: false };
const POS_INF: End = { value: Infinity, json: "PositiveInfinity", latex: "\\infty", closed: false };

export function relationToSet(rel: Relation, budget: Budget): VariableSet | null {
  const { ops, terms } = rel;
  if (ops.length === 1 && ops[0] === "\\in" && isVariable(terms[0])) return { variable: terms[0].latex.trim(), set: terms[1] };
  if (ops.some((o) => o === "=" || o === "\\in") || terms.some((t) => t.kind !== "expr")) return null;
  try {
    const unknown = findUnknown(terms as Expr[], budget);
    if (!unknown) return null;
    let pieces: Piece[] = [{ lo: NEG_INF, hi: POS_INF }];
    for (let i = 0; i < ops.length; i++) {
      const solved = solvePair(terms[i] as Expr, ops[i], terms[i + 1] as Expr, unknown, budget);
      if (!solved) return null;
      pieces = intersect(pieces, solved);
    }
    return { variable: unknown.name, set: toAnswer(pieces, rel.latex) };
  } catch (error) {
    if (error instanceof NotNumericError) return null;
    throw error;
  }
}

interface Unknown {
  name: string;
  /** A whole term named the unknown ("h(t)", "|PQ|"): matched by its text. */
  byText: boolean;
}

function findUnknown(terms: Expr[], budget: Budget): Unknown | null {
  const varying = terms.filter((t) => freeSymbols(t.json, new Set(), budget).size > 0);
  if (varying.length === 0) return null;
  const texts = new Set(varying.map((t) => t.latex.replace(/\s+/g, "")));
  const symbols = new Set<string>();
  for (const t of varying) freeSymbols(t.json, symbols, budget);
  if (symbols.size === 1) return { name: [...symbols][0], byText: false };
  // "h(t)" is h·t to the parser; a side that is the same name everywhere is the unknown itself.
  if (texts.size === 1) return { name: [...texts][0], byText: true };
  return null;
}

/** The set where `left op right` holds, with one side constant. */
function solvePair(left: Expr, op: RelationOp, right: Expr, unknown: Unknown, budget: Budget): Piece[] | null {
  const varies = (e: Expr) => freeSymbols(e.json, new Set(), budget).size > 0;
  if (varies(left) && varies(right)) return null;
  if (!varies(left) && !varies(right)) return null;
  const [side, constant, relation] = varies(left) ? [left, right, op] : [right, left, flip(op)];
  const c: End = { value: evaluate(constant.json, new Map(), budget), json: constant.json, latex: constant.latex, closed: false };
  if (Number.isNaN(c.value)) return null;
  if (unknown.byText) return solveLinear(["Add", 0, 1], 1, 0, relation, c);
  const node = readNode(side.json);
  if (node.type === "call" && node.head === "Abs" && node.args.length === 1) {
    const inner = linear(node.args[0], unknown.name, budget);
    if (!inner) return null;
    return solveAbs(inner, relation, c);
  }
  const lin = linear(side.json, unknown.name, budget);
  if (!lin) return null;
  return solveLinear(lin.json, lin.a, lin.b, relation, c, lin);
}

interface Linear {
  a: number;
  b: number;
  json: MathJson;
  aJson: MathJson;
  bJson: MathJson;
}

/** f(x) = a·x + b, checked at a third point; a and b stay exact as f(1) - f(0) and f(0). */
function linear(json: MathJson, name: string, budget: Budget): Linear | null {
  const at = (x: number) => evaluate(json, new Map([[name, x]]), budget);
  const [f0, f1, f3] = [at(0), at(1), at(3)];
  if (![f0, f1, f3].every(Number.isFinite)) return null;
  const a = f1 - f0;
  if (Math.abs(a) < 1e-12 || Math.abs(f0 + 3 * a - f3) > 1e-9 * Math.max(1, Math.abs(f3))) return null;
  const bJson = substitute(json, name, 0);
  const aJson: MathJson = ["Subtract", substitute(json, name, 1), bJson];
  return { a, b: f0, json, aJson, bJson };
}

function substitute(json: MathJson, name: string, value: number): MathJson {
  const node = readNode(json);
  if (node.type === "symbol") return node.name === name ? value : json;
  if (node.type !== "call") return json;
  return [node.head, ...node.args.map((a) => substitute(a, name, value))] as MathJson;
}

/** a·x + b op c  ->  x op' (c - b)/a, the inequality flipped when a < 0. */
function solveLinear(_json: MathJson, a: number, b: number, op: RelationOp, c: End, lin?: Linear): Piece[] | null {
  const json: MathJson = lin ? ["Divide", ["Subtract", c.json, lin.bJson], lin.aJson] : c.json;
  const bound: End = { value: (c.value - b) / a, json, latex: lin && (a !== 1 || b !== 0) ? `\\frac{${c.latex} - (${String(Number(b.toPrecision(8)))})}{${String(Number(a.toPrecision(8)))}}` : c.latex, closed: false };
  const rel = a < 0 ? flip(op) : op;
  switch (rel) {
    case "<":
      return [{ lo: NEG_INF, hi: bound }];
    case "\\le":
      return [{ lo: NEG_INF, hi: { ...bound, closed: true } }];
    case ">":
      return [{ lo: bound, hi: POS_INF }];
    case "\\ge":
      return [{ lo: { ...bound, closed: true }, hi: POS_INF }];
    case "\\ne":
      return [
        { lo: NEG_INF, hi: bound },
        { lo: bound, hi: POS_INF },
      ];
    default:
      return null;
  }
}

/** |a·x + b| op c: between the two roots of a·x + b = ±c, or outside them. */
function solveAbs(lin: Linear, op: RelationOp, c: End): Piece[] | null {
  if (c.value < 0) return op === ">" || op === "\\ge" || op === "\\ne" ? [{ lo: NEG_INF, hi: POS_INF }] : [];
  const root = (sign: 1 | -1): End => {
    const target: MathJson = sign > 0 ? c.json : ["Negate", c.json];
    return { value: (sign * c.value - lin.b) / lin.a, json: ["Divide", ["Subtract", target, lin.bJson], lin.aJson], latex: "root", closed: false };
  };
  let [r1, r2] = [root(-1), root(1)];
  if (r1.value > r2.value) [r1, r2] = [r2, r1];
  switch (op) {
    case "<":
      return [{ lo: r1, hi: r2 }];
    case "\\le":
      return [{ lo: { ...r1, closed: true }, hi: { ...r2, closed: true } }];
    case ">":
      return [
        { lo: NEG_INF, hi: r1 },
        { lo: r2, hi: POS_INF },
      ];
    case "\\ge":
      return [
        { lo: NEG_INF, hi: { ...r1, closed: true } },
        { lo: { ...r2, closed: true }, hi: POS_INF },
      ];
    default:
      return null;
  }
}

function intersect(a: Piece[], b: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of a) {
    for (const q of b) {
      const lo = later(p.lo, q.lo);
      const hi = earlier(p.hi, q.hi);
      if (lo.value < hi.value || (lo.value === hi.value && lo.closed && hi.closed)) out.push({ lo, hi });
    }
  }
  return out.sort((x, y) => x.lo.value - y.lo.value);
}

function later(x: End, y: End): End {
  if (x.value !== y.value) return x.value > y.value ? x : y;
  return x.closed ? y : x;
}

function earlier(x: End, y: End): End {
  if (x.value !== y.value) return x.value < y.value ? x : y;
  return x.closed ? y : x;
}

function toAnswer(pieces: Piece[], latex: string): AnswerValue {
  const parts: AnswerValue[] = pieces.map((p) => {
    if (p.lo.value === p.hi.value) {
      const point: AnswerValue = { kind: "expr", latex: p.lo.latex, json: p.lo.json };
      return { kind: "set", latex: `\\{${p.lo.latex}\\}`, items: [point] };
    }
    return interval(p.lo.closed ? "[" : "(", endValue(p.lo), endValue(p.hi), p.hi.closed ? "]" : ")");
  });
  if (parts.length === 0) return { kind: "set", latex: "\\emptyset", items: [] };
  if (parts.length === 1) return parts[0];
  return { kind: "union", latex, parts };
}

function endValue(e: End): AnswerValue {
  return { kind: "expr", latex: e.latex, json: e.json };
}

function flip(op: RelationOp): RelationOp {
  const flipped: Partial<Record<RelationOp, RelationOp>> = { "<": ">", ">": "<", "\\le": "\\ge", "\\ge": "\\le" };
  return flipped[op] ?? op;
}

function interval(left: "(" | "[", lo: AnswerValue, hi: AnswerValue, right: ")" | "]"): Interval {
  return { kind: "interval", latex: `${left}${lo.latex}, ${hi.latex}${right}`, left, right, lo, hi };
}
