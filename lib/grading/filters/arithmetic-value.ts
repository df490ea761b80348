// Evaluates one side of an arithmetic claim, written as tokens, to every value it can reasonably
// mean. A side is read only when it is plain arithmetic (numbers, + - * /, parentheses, percent,
// implied multiplication "2(3)"); anything else returns null and the claim is not checked.
// Where the writing is ambiguous the side gets several readings, and the check accepts any of them:
// "a / b/c" (a/(b/c) or (a/b)/c); "20%" (0.2, or 20 when a solution multiplies by 100 itself).
// Each reading is an interval: a number written with 2+ decimals may be rounded ("0.33" for 1/3),
// so it stands for [0.32, 0.34] and what is computed from it carries that uncertainty.
import type { Token } from "@/lib/grading/filters/arithmetic-tokens";

export interface Interval {
  lo: number;
  hi: number;
}

type Node =
  | { kind: "num"; value: number; decimals: number }
  | { kind: "pct"; of: Node }
  | { kind: "neg"; of: Node }
  | { kind: "bin"; op: "+" | "-" | "*" | "/"; left: Node; right: Node; loose?: boolean };

const MAX_READINGS = 8;
// What a person writes as one side of "=" is short. Longer or deeper input (machine output, an
// attack) is not read: it keeps recursion and the two readings of "a / b/c" bounded.
const MAX_SIDE_TOKENS = 300;
const MAX_DEPTH = 24;
const MAX_LOOSE_DIVISIONS = 3;

/** The readings of a side, or null when it is not plain arithmetic. */
export function sideReadings(side: Token[]): Interval[] | null {
  if (side.length > MAX_SIDE_TOKENS || mixesUnits(side)) return null;
  const tokens = side.filter((t) => t.kind !== "unit");
  const parser = new Parser(tokens);
  const node = parser.parse();
  if (!node) return null;
  const readings: Interval[] = [];
  for (const pctScale of parser.sawPercent ? [0.01, 1] : [1]) {
    for (const v of evaluate(node, pctScale)) {
      if (readings.length < MAX_READINGS && Number.isFinite(v.lo) && Number.isFinite(v.hi)) readings.push(v);
    }
  }
  return readings.length > 0 ? readings : null;
}

/**
 * "1 hour + 20 minutes": terms added or subtracted in different units need a conversion the
 * check does not know, so such a side is not read.
 */
function mixesUnits(side: Token[]): boolean {
  let depth = 0;
  let termUnit = "";
  let seen = "";
  for (let i = 0; i <= side.length; i++) {
    const t = side[i];
    const termEnds = !t || (depth === 0 && t.kind === "op" && (t.op === "+" || t.op === "-") && i > 0 && side[i - 1].kind !== "op");
    if (termEnds) {
      if (termUnit !== "" && seen !== "" && termUnit !== seen) return true;
      seen ||= termUnit;
      termUnit = "";
      continue;
    }
    if (t.kind === "lp") depth++;
    else if (t.kind === "rp") depth--;
    else if (t.kind === "unit" && termUnit === "") termUnit = t.text;
  }
  return false;
}

/** True when the side is a single number (possibly negative or a percent): a written result. */
export function isLoneNumber(tokens: Token[]): boolean {
  const core = tokens.filter((t) => t.kind !== "lp" && t.kind !== "rp" && t.kind !== "unit");
  const nums = core.filter((t) => t.kind === "num");
  return nums.length === 1 && core.every((t) => t.kind === "num" || t.kind === "pct" || (t.kind === "op" && t.op === "-" && t === core[0]));
}

class Parser {
  private at = 0;
  private depth = 0;
  private looseLeft: number;
  sawPercent = false;
  constructor(private readonly tokens: Token[]) {
    let divisions = 0;
    for (const t of tokens) if (t.kind === "op" && t.op === "/") divisions++;
    this.looseLeft = divisions <= 1 + MAX_LOOSE_DIVISIONS ? MAX_LOOSE_DIVISIONS : 0;
  }

  parse(): Node | null {
    const node = this.sum();
    return node && this.at === this.tokens.length ? node : null;
  }

  private sum(): Node | null {
    let left = this.product();
    while (left) {
      const t = this.tokens[this.at];
      if (t?.kind !== "op" || (t.op !== "+" && t.op !== "-")) break;
      this.at++;
      const right = this.product();
      if (!right) return null;
      left = { kind: "bin", op: t.op as "+" | "-", left, right };
    }
    return left;
  }

  private product(): Node | null {
    let left = this.unary();
    while (left) {
      const t = this.tokens[this.at];
      if (t?.kind === "op" && (t.op === "*" || t.op === "/")) {
        this.at++;
        const right = this.unary();
        if (!right) return null;
        // "25 / 1/3": a division written tight after a spaced one may be a fraction.
        const loose = t.op === "/" && left.kind === "bin" && left.op === "/" && this.looseLeft-- > 0;
        left = { kind: "bin", op: t.op as "*" | "/", left, right, loose };
      } else if (t?.kind === "lp" && !t.gap) {
        // "2(3 + 4)" and "(2)(3)": implied multiplication, only when written tight.
        const right = this.unary();
        if (!right) return null;
        left = { kind: "bin", op: "*", left, right };
      } else break;
    }
    return left;
  }

  private unary(): Node | null {
    // Signs in a loop, not by recursion: "- - - 5" of any length costs no stack.
    let negative = false;
    for (let t = this.tokens[this.at]; t?.kind === "op" && (t.op === "-" || t.op === "+"); t = this.tokens[++this.at]) {
      if (t.op === "-") negative = !negative;
    }
    const of = this.postfix();
    return of && negative ? { kind: "neg", of } : of;
  }

  private postfix(): Node | null {
    let node = this.primary();
    while (node && this.tokens[this.at]?.kind === "pct") {
      this.at++;
      this.sawPercent = true;
      node = { kind: "pct", of: node };
    }
    return node;
  }

  private primary(): Node | null {
    const t = this.tokens[this.at];
    if (!t) return null;
    if (t.kind === "num") {
      this.at++;
      return { kind: "num", value: t.value, decimals: t.decimals };
    }
    if (t.kind === "lp") {
      if (++this.depth > MAX_DEPTH) return null;
      this.at++;
      const inner = this.sum();
      this.depth--;
      if (!inner || this.tokens[this.at]?.kind !== "rp") return null;
      this.at++;
      return inner;
    }
    return null;
  }
}

function evaluate(node: Node, pctScale: number): Interval[] {
  switch (node.kind) {
    case "num": {
      // A number with 2+ decimals may be a rounded or truncated intermediate result.
      const slack = node.decimals >= 2 ? 10 ** -node.decimals : 0;
      return [{ lo: node.value - slack, hi: node.value + slack }];
    }
    case "pct":
      return evaluate(node.of, pctScale).map((v) => scale(v, pctScale));
    case "neg":
      return evaluate(node.of, pctScale).map((v) => ({ lo: -v.hi, hi: -v.lo }));
    case "bin": {
      const out: Interval[] = [];
      for (const a of evaluate(node.left, pctScale)) for (const b of evaluate(node.right, pctScale)) {
        const v = combine(node.op, a, b);
        if (v) out.push(v);
      }
      if (node.loose && node.left.kind === "bin") {
        // a / b/c read as a / (b/c)
        const regrouped: Node = { kind: "bin", op: "/", left: node.left.left, right: { kind: "bin", op: "/", left: node.left.right, right: node.right } };
        out.push(...evaluate(regrouped, pctScale));
      }
      return out.slice(0, MAX_READINGS);
    }
  }
}

function scale(v: Interval, k: number): Interval {
  return { lo: v.lo * k, hi: v.hi * k };
}

function combine(op: "+" | "-" | "*" | "/", a: Interval, b: Interval): Interval | null {
  if (op === "+") return { lo: a.lo + b.lo, hi: a.hi + b.hi };
  if (op === "-") return { lo: a.lo - b.hi, hi: a.hi - b.lo };
  if (op === "/" && b.lo <= 0 && b.hi >= 0) return null; // division by (possibly) zero: no reading
  const products = op === "*" ? [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi] : [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
  return { lo: Math.min(...products), hi: Math.max(...products) };
}
