// Numeric evaluation of MathJSON, in plain doubles and under a step budget. Doubles cannot hang:
// 9^{9^{9^9}} is simply Infinity, which the comparison reports as out of range. Exact rational
// arithmetic is used only where it is cheap and decides more than a tolerance could (integers and
// fractions), with operand sizes capped.
import type { Budget } from "@/lib/grading/budget";
import type { MathJson } from "@/lib/grading/latex-to-math-json";
import { readNode } from "@/lib/grading/math-json-node";

export class NotNumericError extends Error {
  constructor(readonly what: string) {
    super(`cannot evaluate ${what}`);
    this.name = "NotNumericError";
  }
}

const CONSTANTS: Record<string, number> = {
  Pi: Math.PI,
  e: Math.E,
  ExponentialE: Math.E,
  PositiveInfinity: Infinity,
  NegativeInfinity: -Infinity,
  Half: 0.5,
};

const UNARY: Record<string, (x: number) => number> = {
  Sqrt: Math.sqrt,
  Exp: Math.exp,
  Ln: Math.log,
  Lb: Math.log2,
  Lg: Math.log10,
  Sin: Math.sin,
  Cos: Math.cos,
  Tan: Math.tan,
  Sec: (x) => 1 / Math.cos(x),
  Csc: (x) => 1 / Math.sin(x),
  Cot: (x) => 1 / Math.tan(x),
  Arcsin: Math.asin,
  Arccos: Math.acos,
  Arctan: Math.atan,
  Sinh: Math.sinh,
  Cosh: Math.cosh,
  Tanh: Math.tanh,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Ceiling: Math.ceil,
  Round: Math.round,
  Degrees: (x) => x,
};

/**
 * Terms we cannot compute but can still name: an indexed quantity F_{n+1}, S_{\triangle ABC}, a
 * function value I(0), f'(x). Each is an opaque unknown, sampled like a variable; two are the same
 * unknown only when written the same way, so they never make different answers equal.
 */
export function opaqueKey(expr: MathJson): string | null {
  const node = readNode(expr);
  if (node.type !== "call") return null;
  const opaque = node.head === "Apply" || /^[A-Za-z]$/.test(node.head) || (node.head === "Subscript" && !isBaseTen(node.args));
  return opaque ? `#${canonical(expr, 0)}` : null;
}

/** The value `env` binds to a call that is an opaque unknown; undefined when the call is not one. */
export function opaqueValue<T>(head: string, args: MathJson[], env: ReadonlyMap<string, T>): T | undefined {
  const opaque = opaqueKey([head, ...args] as MathJson);
  if (!opaque) return undefined;
  const bound = env.get(opaque);
  if (bound === undefined) throw new NotNumericError(`the term ${opaque.slice(1, 40)}`);
  return bound;
}

function isBaseTen(args: MathJson[]): boolean {
  const base = args.length === 2 ? readNode(args[1]) : null;
  return base?.type === "number" && base.text === "10";
}

function canonical(expr: MathJson, depth: number): string {
  if (depth > 50) return "…";
  const node = readNode(expr);
  switch (node.type) {
    case "number":
      return node.text;
    case "symbol":
      return node.name;
    case "string":
      return `'${node.text}'`;
    case "call":
      return `${node.head}(${node.args.map((a) => canonical(a, depth + 1)).join(",")})`;
  }
}

/** Symbols that name a value or a function, never a free variable. */
export function isConstantSymbol(name: string): boolean {
  return name in CONSTANTS;
}

/** The free variables of an expression (symbols that are not constants). */
export function freeSymbols(expr: MathJson, into: Set<string>, budget: Budget): Set<string> {
  budget.tick();
  const node = readNode(expr);
  if (node.type === "symbol") {
    if (!isConstantSymbol(node.name)) into.add(node.name);
  } else if (node.type === "call") {
    const opaque = opaqueKey(expr);
    if (opaque) {
      into.add(opaque);
      return into;
    }
    if ((node.head === "Sum" || node.head === "Product") && node.args.length === 2) {
      // The index is bound: only the body's other symbols and the bounds are free.
      const limits = readNode(node.args[1]);
      const index = limits.type === "call" ? readNode(limits.args[0] ?? "") : null;
      const inner = freeSymbols(node.args[0], new Set(), budget);
      if (index?.type === "symbol") inner.delete(index.name);
      for (const v of inner) into.add(v);
      if (limits.type === "call") for (const b of limits.args.slice(1)) freeSymbols(b, into, budget);
      return into;
    }
    for (const arg of node.args) freeSymbols(arg, into, budget);
  }
  return into;
}

export function evaluate(expr: MathJson, env: ReadonlyMap<string, number>, budget: Budget): number {
  budget.tick();
  const node = readNode(expr);
  switch (node.type) {
    case "number":
      return node.value;
    case "string":
      throw new NotNumericError(`the text "${node.text}"`);
    case "symbol": {
      if (node.name in CONSTANTS) return CONSTANTS[node.name];
      const bound = env.get(node.name);
      if (bound === undefined) throw new NotNumericError(`the free symbol ${node.name}`);
      return bound;
    }
    case "call":
      return evaluateCall(node.head, node.args, env, budget);
  }
}

function evaluateCall(head: string, args: MathJson[], env: ReadonlyMap<string, number>, budget: Budget): number {
  const ev = (e: MathJson) => evaluate(e, env, budget);
  const bound = opaqueValue(head, args, env);
  if (bound !== undefined) return bound;
  const unary = UNARY[head];
  if (unary && args.length === 1) return unary(ev(args[0]));
  switch (head) {
    case "Add":
      return args.reduce<number>((sum, a) => sum + ev(a), 0);
    case "Subtract":
      return args.length === 1 ? -ev(args[0]) : args.slice(1).reduce<number>((d, a) => d - ev(a), ev(args[0]));
    case "Negate":
      return -ev(args[0]);
    case "Multiply":
    case "InvisibleOperator":
      return args.reduce<number>((p, a) => p * ev(a), 1);
    case "Divide":
    case "Rational":
      return ev(args[0]) / ev(args[1]);
    case "Power":
      return power(ev(args[0]), ev(args[1]));
    case "Root":
      return power(ev(args[0]), 1 / ev(args[1]));
    case "Log":
      return args.length === 2 ? Math.log(ev(args[0])) / Math.log(ev(args[1])) : Math.log10(ev(args[0]));
    case "Delimiter":
      if (args.length === 1 || (args.length === 2 && isStringNode(args[1]))) return ev(args[0]);
      throw new NotNumericError("a sequence");
    case "BaseForm":
      // The parser has already read "4210_{7}" as BaseForm(1477, 7): the value, and its base.
      return ev(args[0]);
    case "Subscript":
      if (args.length === 2 && readNode(args[1]).type === "number" && ev(args[1]) === 10) return ev(args[0]);
      throw new NotNumericError("a subscripted expression");
    case "Factorial":
      return factorial(ev(args[0]));
    case "Binomial":
      return binomial(ev(args[0]), ev(args[1]), budget);
    case "Max":
      return Math.max(...args.map(ev));
    case "Min":
      return Math.min(...args.map(ev));
    case "Mod":
      return ev(args[0]) % ev(args[1]);
    case "GCD":
      return args.map(ev).reduce((a, b) => gcd(a, b, budget));
    case "LCM":
      return args.map(ev).reduce((a, b) => Math.abs(a * b) / gcd(a, b, budget));
    case "Sum":
    case "Product":
      return series(head, args, env, budget);
    default:
      throw new NotNumericError(`the function ${head}`);
  }
}

const MAX_SERIES_TERMS = 20_000;

/** \sum_{k=a}^{b} and \prod with bounds that evaluate to integers: iterated, term by term. */
function series(head: string, args: MathJson[], env: ReadonlyMap<string, number>, budget: Budget): number {
  const limits = args[1] === undefined ? null : readNode(args[1]);
  if (limits?.type !== "call" || limits.head !== "Tuple" || limits.args.length !== 3) throw new NotNumericError(`a ${head} without bounds`);
  const index = readNode(limits.args[0]);
  if (index.type !== "symbol") throw new NotNumericError(`a ${head} without an index`);
  const lo = evaluate(limits.args[1], env, budget);
  const hi = evaluate(limits.args[2], env, budget);
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) throw new NotNumericError(`a ${head} with non-integer bounds`);
  if (hi - lo > MAX_SERIES_TERMS) throw new NotNumericError(`a ${head} of more than ${MAX_SERIES_TERMS} terms`);
  const inner = new Map(env);
  let acc = head === "Sum" ? 0 : 1;
  for (let k = lo; k <= hi; k++) {
    inner.set(index.name, k);
    const term = evaluate(args[0], inner, budget);
    acc = head === "Sum" ? acc + term : acc * term;
  }
  return acc;
}

function isStringNode(e: MathJson): boolean {
  return readNode(e).type === "string";
}

// A negative base with an odd-denominator root (cube root of -8) is real; Math.pow says NaN.
function power(base: number, exponent: number): number {
  if (base < 0 && !Number.isInteger(exponent)) {
    const inverse = 1 / exponent;
    if (Number.isInteger(Math.round(inverse)) && Math.abs(inverse - Math.round(inverse)) < 1e-12 && Math.round(inverse) % 2 !== 0) {
      return -(Math.abs(base) ** exponent);
    }
  }
  return base ** exponent;
}

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) return Number.NaN;
  if (n > 170) return Infinity;
  let r = 1;
  for (let k = 2; k <= n; k++) r *= k;
  return r;
}

function binomial(n: number, k: number, budget: Budget): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0) return Number.NaN;
  if (k > n) return 0;
  const kk = Math.min(k, n - k);
  let r = 1;
  for (let j = 1; j <= kk; j++) {
    budget.tick();
    r = (r * (n - kk + j)) / j;
    if (!Number.isFinite(r)) return Infinity;
  }
  return Math.round(r);
}

function gcd(a: number, b: number, budget: Budget): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y > 0) {
    budget.tick();
    [x, y] = [y, x % y];
  }
  return x;
}

/** An exact rational [numerator, denominator > 0], or null when the expression is not one. */
export type Rational = readonly [bigint, bigint];

// Digits beyond this are not worth exact arithmetic; the float path decides instead.
const MAX_DIGITS = 20_000;

/**
 * Exact value of an expression built from integers with + - * / and small integer powers.
 * Decimal literals return null on purpose: "0.0833333" is an approximation of 1/12 and must be
 * judged with the tolerance, not exactly.
 */
export function evaluateRational(expr: MathJson, budget: Budget): Rational | null {
  budget.tick();
  const node = readNode(expr);
  if (node.type === "number") {
    // "4e33" is an integer too; "1.5e3" has a written decimal and is left to the tolerance.
    const m = /^([+-]?\d+)(?:e\+?(\d{1,4}))?$/i.exec(node.text);
    if (!m || node.text.length > MAX_DIGITS || Number(m[2] ?? 0) > MAX_DIGITS) return null;
    return [BigInt(m[1]) * 10n ** BigInt(m[2] ?? 0), 1n];
  }
  if (node.type !== "call") return null;
  if (node.head === "Delimiter") return node.args.length >= 1 && node.args.slice(1).every(isStringNode) ? evaluateRational(node.args[0], budget) : null;
  const args = node.args.map((a) => evaluateRational(a, budget));
  if (args.some((a) => a === null)) return null;
  const r = args as Rational[];
  let result: Rational | null;
  switch (node.head) {
    case "Add":
      result = r.reduce((a, b) => add(a, b));
      break;
    case "Subtract":
      result = r.length === 1 ? [-r[0][0], r[0][1]] : r.slice(1).reduce((a, b) => add(a, [-b[0], b[1]]), r[0]);
      break;
    case "Negate":
      result = [-r[0][0], r[0][1]];
      break;
    case "Multiply":
    case "InvisibleOperator":
      result = r.reduce((a, b) => [a[0] * b[0], a[1] * b[1]] as const);
      break;
    case "Divide":
    case "Rational":
      if (r[1][0] === 0n) return null;
      result = [r[0][0] * r[1][1], r[0][1] * r[1][0]];
      break;
    case "Power": {
      const [[en, ed], [bn, bd]] = [r[1], r[0]];
      if (ed !== 1n || en > 10_000n || en < -10_000n) return null;
      const e = Number(en);
      // Refuse before computing: 9^{387420489} would take BigInt minutes and gigabytes.
      if (Math.abs(e) * Math.max(log10(bn), log10(bd)) > MAX_DIGITS) return null;
      if (e < 0 && bn === 0n) return null;
      result = e >= 0 ? [bn ** BigInt(e), bd ** BigInt(e)] : [bd ** BigInt(-e), bn ** BigInt(-e)];
      break;
    }
    case "BaseForm":
      result = r[0];
      break;
    case "Factorial": {
      const n = r[0][1] === 1n ? r[0][0] : -1n;
      if (n < 0n || n > 5_000n) return null;
      result = [bigFactorial(Number(n), budget), 1n];
      break;
    }
    case "Binomial": {
      const [n, k] = [r[0][1] === 1n ? r[0][0] : -1n, r[1]?.[1] === 1n ? r[1][0] : -1n];
      if (n < 0n || k < 0n || n > 20_000n) return null;
      const value = bigBinomial(n, k, budget);
      if (value === null) return null;
      result = [value, 1n];
      break;
    }
    default:
      return null;
  }
  return reduce(result);
}

// 5000! has 16,326 digits, within MAX_DIGITS.
function bigFactorial(n: number, budget: Budget): bigint {
  let r = 1n;
  for (let k = 2; k <= n; k++) {
    budget.tick();
    r *= BigInt(k);
  }
  return r;
}

function bigBinomial(n: bigint, k: bigint, budget: Budget): bigint | null {
  if (k > n) return 0n;
  const kk = k < n - k ? k : n - k;
  let r = 1n;
  for (let j = 1n; j <= kk; j++) {
    budget.tick();
    r = (r * (n - kk + j)) / j;
    if (j % 64n === 0n && r.toString().length > MAX_DIGITS) return null;
  }
  return r;
}

function log10(x: bigint): number {
  const s = (x < 0n ? -x : x).toString();
  const lead = Math.min(15, s.length);
  return s.length - lead + Math.log10(Math.max(1, Number(s.slice(0, lead))));
}

function add(a: Rational, b: Rational): Rational {
  return [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
}

function reduce([n, d]: Rational): Rational | null {
  if (d === 0n) return null;
  if (d < 0n) [n, d] = [-n, -d];
  const digits = Math.max(n.toString().length, d.toString().length);
  if (digits > MAX_DIGITS) return null;
  // Euclid on numbers of thousands of digits costs milliseconds per call; past 600 digits the
  // fraction stays unreduced (still exact: comparisons cross-multiply).
  if (digits > 600) return [n, d];
  let x = n < 0n ? -n : n;
  let y = d;
  while (y > 0n) [x, y] = [y, x % y];
  return x > 1n ? [n / x, d / x] : [n, d];
}

export function formatRational([n, d]: Rational): string {
  return d === 1n ? n.toString() : `${n}/${d}`;
}
