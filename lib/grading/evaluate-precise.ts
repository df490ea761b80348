// High-precision evaluation of MathJSON with decimal.js, for exact inputs that are not plain
// rationals (12345π, e^{20x}, 1/2004!, √2·√8). Doubles cannot tell 12345π from 12346π within a
// 1e-4 tolerance, nor 1/2004! from 1/2005! (both underflow to 0); 40 and 70 significant digits,
// with an exponent range of ±9e15, can. Each operation charges the budget.
import Decimal from "decimal.js";
import type { Budget } from "@/lib/grading/budget";
import { NotNumericError, opaqueValue } from "@/lib/grading/evaluate";
import type { MathJson } from "@/lib/grading/latex-to-math-json";
import { readNode } from "@/lib/grading/math-json-node";

export type DecimalCtor = typeof Decimal;

/** The two working precisions: a true difference is the same in both, rounding noise is not. */
export const LOW_DIGITS = 30;
export const HIGH_DIGITS = 60;

const ctors = new Map<number, DecimalCtor>();

export function decimalContext(digits: number): DecimalCtor {
  let D = ctors.get(digits);
  if (!D) {
    D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21, minE: -9e15, maxE: 9e15 });
    ctors.set(digits, D);
  }
  return D;
}

// Factorials, binomials and sums iterate; past these sizes the value is not worth the time.
const MAX_FACTORIAL = 20_000;
const MAX_SERIES_TERMS = 20_000;

const constantsCache = new Map<number, { pi: Decimal; e: Decimal }>();

function constants(D: DecimalCtor): { pi: Decimal; e: Decimal } {
  let c = constantsCache.get(D.precision);
  if (!c) {
    c = { pi: D.acos(-1), e: D.exp(1) };
    constantsCache.set(D.precision, c);
  }
  return c;
}

export function evaluatePrecise(expr: MathJson, env: ReadonlyMap<string, Decimal>, budget: Budget, D: DecimalCtor): Decimal {
  // An operation at hundreds of digits costs far more than one step: charge by precision, so the
  // budget reads the clock often enough to stop near its deadline.
  budget.tick(weight(D));
  const node = readNode(expr);
  switch (node.type) {
    case "number":
      return numberValue(node.text, D);
    case "string":
      throw new NotNumericError(`the text "${node.text}"`);
    case "symbol": {
      const bound = env.get(node.name);
      if (bound !== undefined) return bound;
      const c = constants(D);
      if (node.name === "Pi") return c.pi;
      if (node.name === "e" || node.name === "ExponentialE") return c.e;
      if (node.name === "Half") return new D(0.5);
      if (node.name === "PositiveInfinity") return new D(Infinity);
      if (node.name === "NegativeInfinity") return new D(-Infinity);
      throw new NotNumericError(`the free symbol ${node.name}`);
    }
    case "call":
      return call(node.head, node.args, env, budget, D);
  }
}

function numberValue(text: string, D: DecimalCtor): Decimal {
  const repeating = /^([+-]?)(\d*)\.(\d*)\((\d+)\)$/.exec(text);
  if (repeating) {
    const [, sign, whole, fixed, cycle] = repeating;
    // 0.1(6) = (16 - 1) / 90: the digits with the cycle, minus those without, over 9..90..0.
    const all = BigInt(`${whole || "0"}${fixed}${cycle}`);
    const head = BigInt(`${whole || "0"}${fixed}`);
    const den = new D(`${"9".repeat(cycle.length)}${"0".repeat(fixed.length)}`);
    const v = new D((all - head).toString()).div(den);
    return sign === "-" ? v.neg() : v;
  }
  if (text === "+Infinity") return new D(Infinity);
  if (text === "-Infinity") return new D(-Infinity);
  if (text === "NaN") return new D(Number.NaN);
  return new D(text);
}

const UNARY: Record<string, (x: Decimal, D: DecimalCtor) => Decimal> = {
  Sqrt: (x, D) => (x.isNeg() ? new D(Number.NaN) : x.sqrt()),
  Exp: (x) => x.exp(),
  Ln: (x) => x.ln(),
  Lb: (x, D) => x.ln().div(new D(2).ln()),
  Lg: (x) => x.log(10),
  Sin: (x) => x.sin(),
  Cos: (x) => x.cos(),
  Tan: (x) => x.tan(),
  Sec: (x, D) => new D(1).div(x.cos()),
  Csc: (x, D) => new D(1).div(x.sin()),
  Cot: (x, D) => new D(1).div(x.tan()),
  Arcsin: (x) => x.asin(),
  Arccos: (x) => x.acos(),
  Arctan: (x) => x.atan(),
  Sinh: (x) => x.sinh(),
  Cosh: (x) => x.cosh(),
  Tanh: (x) => x.tanh(),
  Abs: (x) => x.abs(),
  Floor: (x) => x.floor(),
  Ceil: (x) => x.ceil(),
  Ceiling: (x) => x.ceil(),
  Round: (x) => x.round(),
  Degrees: (x) => x,
};

function call(head: string, args: MathJson[], env: ReadonlyMap<string, Decimal>, budget: Budget, D: DecimalCtor): Decimal {
  const ev = (e: MathJson) => evaluatePrecise(e, env, budget, D);
  const bound = opaqueValue(head, args, env);
  if (bound !== undefined) return bound;
  const unary = UNARY[head];
  if (unary && args.length === 1) return unary(ev(args[0]), D);
  switch (head) {
    case "Add":
      return args.reduce<Decimal>((sum, a) => sum.add(ev(a)), new D(0));
    case "Subtract":
      return args.length === 1 ? ev(args[0]).neg() : args.slice(1).reduce<Decimal>((d, a) => d.sub(ev(a)), ev(args[0]));
    case "Negate":
      return ev(args[0]).neg();
    case "Multiply":
    case "InvisibleOperator":
      return args.reduce<Decimal>((p, a) => p.mul(ev(a)), new D(1));
    case "Divide":
    case "Rational":
      return ev(args[0]).div(ev(args[1]));
    case "Power":
      return power(ev(args[0]), ev(args[1]), D);
    case "Root":
      return power(ev(args[0]), new D(1).div(ev(args[1])), D);
    case "Log":
      return args.length === 2 ? ev(args[0]).ln().div(ev(args[1]).ln()) : ev(args[0]).log(10);
    case "Delimiter":
      if (args.length === 1 || (args.length === 2 && readNode(args[1]).type === "string")) return ev(args[0]);
      throw new NotNumericError("a sequence");
    case "BaseForm":
      return ev(args[0]);
    case "Subscript": {
      const base = args.length === 2 ? readNode(args[1]) : null;
      if (base?.type === "number" && base.text === "10") return ev(args[0]);
      throw new NotNumericError("a subscripted expression");
    }
    case "Factorial":
      return factorial(ev(args[0]), budget, D);
    case "Binomial":
      return binomial(ev(args[0]), ev(args[1]), budget, D);
    case "Max":
      return D.max(...args.map(ev));
    case "Min":
      return D.min(...args.map(ev));
    case "Mod":
      return ev(args[0]).mod(ev(args[1]));
    case "Sum":
    case "Product":
      return series(head, args, env, budget, D);
    default:
      throw new NotNumericError(`the function ${head}`);
  }
}

// A negative base with an odd-denominator root (cube root of -8) is real.
function power(base: Decimal, exponent: Decimal, D: DecimalCtor): Decimal {
  if (base.isNeg() && !exponent.isInteger()) {
    const inverse = new D(1).div(exponent);
    const rounded = inverse.round();
    if (inverse.sub(rounded).abs().lt(new D(10).pow(-(D.precision - 5))) && !rounded.mod(2).isZero()) {
      return base.abs().pow(exponent).neg();
    }
    return new D(Number.NaN);
  }
  // Small integer exponents by squaring: exact to the working precision and far faster than
  // decimal.js's general pow (exp of a log).
  if (exponent.isInteger() && exponent.abs().lte(4096) && base.isFinite()) {
    let e = Math.abs(exponent.toNumber());
    let result = new D(1);
    let square = base;
    while (e > 0) {
      if (e & 1) result = result.mul(square);
      e >>= 1;
      if (e > 0) square = square.mul(square);
    }
    return exponent.isNeg() ? new D(1).div(result) : result;
  }
  return base.pow(exponent);
}

function factorial(n: Decimal, budget: Budget, D: DecimalCtor): Decimal {
  if (!n.isInteger() || n.isNeg()) return new D(Number.NaN);
  if (n.gt(MAX_FACTORIAL)) throw new NotNumericError(`${n.toString()}! (over ${MAX_FACTORIAL}!)`);
  let r = new D(1);
  const k = n.toNumber();
  for (let j = 2; j <= k; j++) {
    budget.tick(weight(D));
    r = r.mul(j);
  }
  return r;
}

function binomial(n: Decimal, k: Decimal, budget: Budget, D: DecimalCtor): Decimal {
  if (!n.isInteger() || !k.isInteger() || n.isNeg() || k.isNeg()) return new D(Number.NaN);
  if (k.gt(n)) return new D(0);
  const kk = D.min(k, n.sub(k));
  if (kk.gt(MAX_FACTORIAL)) throw new NotNumericError("a binomial with too many factors");
  let r = new D(1);
  for (let j = 1; j <= kk.toNumber(); j++) {
    budget.tick(weight(D));
    r = r.mul(n.sub(kk).add(j)).div(j);
  }
  return r.round();
}

/** \sum_{k=a}^{b} body and \prod: numeric bounds are iterated (at most MAX_SERIES_TERMS terms). */
function series(head: string, args: MathJson[], env: ReadonlyMap<string, Decimal>, budget: Budget, D: DecimalCtor): Decimal {
  const limits = args[1] === undefined ? null : readNode(args[1]);
  if (limits?.type !== "call" || limits.head !== "Tuple" || limits.args.length !== 3) throw new NotNumericError(`a ${head} without bounds`);
  const index = readNode(limits.args[0]);
  if (index.type !== "symbol") throw new NotNumericError(`a ${head} without an index`);
  const lo = evaluatePrecise(limits.args[1], env, budget, D);
  const hi = evaluatePrecise(limits.args[2], env, budget, D);
  if (!lo.isInteger() || !hi.isInteger()) throw new NotNumericError(`a ${head} with non-integer bounds`);
  if (hi.sub(lo).gt(MAX_SERIES_TERMS)) throw new NotNumericError(`a ${head} of more than ${MAX_SERIES_TERMS} terms`);
  const inner = new Map(env);
  let acc = new D(head === "Sum" ? 0 : 1);
  for (let k = lo.toNumber(); k <= hi.toNumber(); k++) {
    inner.set(index.name, new D(k));
    const term = evaluatePrecise(args[0], inner, budget, D);
    acc = head === "Sum" ? acc.add(term) : acc.mul(term);
  }
  return acc;
}

/**
 * Extra digits an expression needs: a difference of 1 between values near 2^{2009} is only seen
 * with more than 605 digits. Estimated from the largest integer, power, factorial or binomial
 * written with numbers; rounded up to a multiple of 50 and capped at 900 (decimal.js knows π to 1,025 digits).
 */
export function extraDigits(json: MathJson): number {
  let most = 0;
  const visit = (e: MathJson, depth: number) => {
    if (depth > 200) return;
    const node = readNode(e);
    if (node.type === "number") most = Math.max(most, node.text.replace(/\D/g, "").length);
    if (node.type !== "call") return;
    const nums = node.args.map((a) => readNode(a)).map((n) => (n.type === "number" ? Math.abs(n.value) : Number.NaN));
    if (node.head === "Power" && nums.length === 2 && Number.isFinite(nums[0]) && Number.isFinite(nums[1])) most = Math.max(most, Math.abs(nums[1]) * Math.log10(Math.max(2, nums[0])));
    if (node.head === "Factorial" && Number.isFinite(nums[0])) most = Math.max(most, nums[0] * Math.log10(Math.max(2, nums[0])));
    if (node.head === "Binomial" && Number.isFinite(nums[0])) most = Math.max(most, nums[0] * 0.302);
    for (const a of node.args) visit(a, depth + 1);
  };
  visit(json, 0);
  return Math.min(900, Math.ceil(most / 50) * 50);
}

function weight(D: DecimalCtor): number {
  return Math.ceil(D.precision / 20);
}

export type ZeroTest = "zero" | "nonzero" | "unclear";

/**
 * Whether a - b is zero, from their values at two precisions: a true difference is the same at
 * 30 and 60 digits, rounding noise shrinks by about 30 orders of magnitude. Differences below
 * about 1e-50 of the largest intermediate value are not resolved (a documented limit).
 */
export function differenceIsZero(lo: [Decimal, Decimal], hi: [Decimal, Decimal]): ZeroTest {
  const dHi = hi[0].sub(hi[1]);
  const dLo = lo[0].sub(lo[1]);
  if (dHi.isNaN() || dLo.isNaN()) return "unclear";
  if (dHi.isZero()) return dLo.isZero() || dLo.abs().lt(scaleOf(lo).mul("1e-25")) ? "zero" : "unclear";
  if (dLo.isZero()) return dHi.abs().lt(scaleOf(hi).mul("1e-25")) ? "zero" : "unclear";
  const shrink = dHi.abs().div(dLo.abs());
  if (shrink.lt("1e-20")) return "zero";
  if (shrink.sub(1).abs().lt("1e-6")) return "nonzero";
  return "unclear";
}

function scaleOf([a, b]: [Decimal, Decimal]): Decimal {
  const m = Decimal.max(a.abs(), b.abs());
  return m.isZero() ? new Decimal(1) : m;
}

export function isFiniteDecimal(x: Decimal): boolean {
  return x.isFinite();
}
