// Finds the "a = b" claims of plain arithmetic in a solution that the check can be sure it reads
// whole. A run of arithmetic tokens joined by "=" is a chain `a = b = c`; every two neighbouring
// sides are a claim. A side in the middle is bounded by "=" on both ends and so is whole. The first
// side is whole only when what stands before it cannot bind to it: "5 \cdot 16 - 16" must not be
// read as "16 - 16", nor "60 students x 2/3" as "2/3", nor "S + 143" as "143". The same holds for
// what follows the last side ("= 3 million", "= 2^5", "= 5x"). A side that is not whole is skipped;
// the rest of its chain is still checked.
import type { Token } from "@/lib/grading/filters/arithmetic-tokens";
import { wordOf } from "@/lib/grading/filters/arithmetic-tokens";
import { trailingUnit } from "@/lib/grading/filters/arithmetic-units";
import { BINDING_BEFORE, BINDING_WORDS, LABEL_NOUNS, RESCALING_AFTER } from "@/lib/grading/filters/arithmetic-words";

export interface ArithmeticClaim {
  left: Token[];
  right: Token[];
  /** Where the claim's text starts and ends in the solution, for the drop reason. */
  start: number;
  end: number;
}

// Words a solution can stand next to a number without changing it.
const LETTER_WORDS = new Set(["a", "i"]);

function isArithmetic(t: Token): boolean {
  const k = t.kind;
  return k === "num" || k === "op" || k === "lp" || k === "rp" || k === "pct" || k === "eq" || k === "unit";
}

export function findArithmeticClaims(tokens: Token[]): ArithmeticClaim[] {
  const claims: ArithmeticClaim[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isArithmetic(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    let eq = false;
    for (; j < tokens.length && isArithmetic(tokens[j]); j++) if (tokens[j].kind === "eq") eq = true;
    if (eq) collectChain(tokens, i, j, claims);
    i = j;
  }
  return claims;
}

/** Tokens [from, to) are a maximal arithmetic run; split it at "=" and pair up whole sides. */
function collectChain(tokens: Token[], from: number, to: number, claims: ArithmeticClaim[]): void {
  const sides: { tokens: Token[]; whole: boolean }[] = [];
  let start = from;
  for (let k = from; k <= to; k++) {
    if (k < to && tokens[k].kind !== "eq") continue;
    sides.push({ tokens: tokens.slice(start, k), whole: true });
    start = k + 1;
  }
  if (sides.length < 2) return;
  const first = sides[0];
  const last = sides[sides.length - 1];
  first.whole = first.tokens.length > 0 && safeBefore(tokens, from, first.tokens);
  last.whole = last.whole && last.tokens.length > 0 && safeAfter(tokens, to, last.tokens[last.tokens.length - 1]);
  for (let k = 1; k < sides.length; k++) {
    const a = sides[k - 1];
    const b = sides[k];
    if (!a.whole || !b.whole || a.tokens.length === 0 || b.tokens.length === 0) continue;
    if (!computes(a.tokens) && !computes(b.tokens)) continue; // "x = 5 = 5": nothing computed
    if (hyphenLabel(a.tokens) && hyphenLabel(b.tokens)) continue; // "the 6-8-10 = 3-4-5 triangle"
    // "420 minutes = 420/60 hours", "4 inches = 1/3 foot": a conversion, not arithmetic.
    const unitA = unitOf(a.tokens, k - 1 === sides.length - 1 ? tokens[to] : undefined);
    const unitB = unitOf(b.tokens, k === sides.length - 1 ? tokens[to] : undefined);
    if (unitA !== "" && unitB !== "" && unitA !== unitB) continue;
    claims.push({ left: a.tokens, right: b.tokens, start: a.tokens[0].start, end: b.tokens[b.tokens.length - 1].end });
  }
}

/** The first unit written in a side, or the plain word right after the chain's last side. */
function unitOf(side: Token[], after: Token | undefined): string {
  const unit = side.find((t) => t.kind === "unit");
  if (unit) return unit.text;
  return after ? trailingUnit(after) : "";
}

/** "6-8-10": integers joined by tight hyphens, a label (a triangle, a date, a score) as often as a sum. */
function hyphenLabel(side: Token[]): boolean {
  return side.length >= 5 && side.every((t, n) => (n % 2 === 0 ? t.kind === "num" : t.kind === "op" && t.op === "-" && !t.gap && !side[n + 1]?.gap));
}

function computes(side: Token[]): boolean {
  return side.some((t, n) => (t.kind === "op" && !(n === 0 && t.op === "-")) || (t.kind === "lp" && n > 0 && !t.gap && side[n - 1].kind !== "op"));
}

/** Can the token before the run (index from-1) leave the run's first side whole? */
function safeBefore(tokens: Token[], from: number, side: Token[]): boolean {
  const firstOfSide = side[0];
  const opening = firstOfSide.kind === "op";
  // "for 5 friends = 250/5", "2 kg = 2 * 1000": a count with its unit, then "=", names what the
  // right side computes; it is not a value equal to it.
  if (firstOfSide.kind === "num" && side.length > 1 && side.slice(1).every((t) => t.kind === "unit")) return false;
  // A side may open with a sign only; "+ 5" or "* 5" continues something to its left.
  if (opening && firstOfSide.op !== "-") return false;
  // "- 5 + 3" with a space after the dash is a bullet or a dash, not a negative number.
  if (opening && side[1]?.gap) return false;
  let at = from - 1;
  let gap = firstOfSide.gap;
  // A line break or a math delimiter is a boundary only if the text on its other side is over:
  // "1 - \frac12 -\n\frac15 = ..." and "\log_{2002}\n\frac{1}{2002}" continue across it.
  while (at >= 0 && isSoftBoundary(tokens[at])) {
    // A bullet "- 5 + 3" at the start of a line is not a minus sign; after "$" it is.
    if (opening && tokens[at].text === "\n") return false;
    const prev = tokens[at - 1];
    if (!prev || prev.kind === "stop") return true;
    if (opening) return prev.kind === "word";
    if (prev.kind === "num" || prev.kind === "pct") return !opening; // the line before ended with a value
    if (prev.kind !== "word") return false; // it ended with an operator, "=", a brace, "^"...
    at--;
    gap = true;
  }
  const before = tokens[at];
  if (!before) return true;
  if (before.kind === "stop") {
    // "3:4", "1,2": punctuation inside a number-like run is a ratio or a list, not a boundary;
    // "2/6, 2/8 = 1/3, 1/4" pairs up list items, not a sum.
    if ((before.text === ":" || before.text === "," || before.text === ".") && !gap) return false;
    if (before.text === "," && ["num", "rp", "pct"].includes(tokens[at - 1]?.kind ?? "")) return false;
    // ".8 + . 84": punctuation right after an operator is a typo inside one expression.
    if (tokens[at - 1]?.kind === "op" || tokens[at - 1]?.kind === "eq") return false;
    return true;
  }
  if (opening) return false; // "x - 3 = 2": the minus is binary
  if (!gap) return false; // glued to a word, a brace, a "^": "2x", "x^2", "}3"
  if (before.kind !== "word") return false;
  // "Remaining 10 = 62,300/10": a lone number right after a word may be a label, not a value.
  if (side.length === 1) return false;
  // "1 and 1/4 cups": a number, "and", a fraction is one mixed quantity.
  if (tokens[at - 1]?.kind === "num" && before.prevAt < 0 && (wordOf(before, "last") === "and" || wordOf(before, "last") === "or")) return false;
  const neighbour = before.prevAt >= 0 ? wordOf(before, "prev") : tokens[at - 1]?.kind === "word" ? wordOf(tokens[at - 1], "last") : "";
  return wordIsProse(before, neighbour, "before");
}

/** A line break or a "$": the expression may go on across it (LaTeX ignores both). */
function isSoftBoundary(t: Token): boolean {
  return t.kind === "stop" && (t.text === "\n" || t.text === "$");
}

/** Can the token after the run (index to) leave the run's last side whole? */
function safeAfter(tokens: Token[], to: number, lastOfSide: Token): boolean {
  if (lastOfSide.kind === "op") return false;
  let at = to;
  let gap = tokens[to]?.gap ?? true;
  while (at < tokens.length && isSoftBoundary(tokens[at])) {
    const next = tokens[at + 1];
    if (!next || next.kind === "stop" || next.kind === "num") return true;
    if (next.kind !== "word" && next.kind !== "pct") return false; // "= 24\n- 4"
    at++;
    gap = true;
  }
  const after = tokens[at];
  if (!after) return true;
  if (after.kind === "stop") {
    if ((after.text === ":" || after.text === ",") && !tokens[at + 1]?.gap && tokens[at + 1]?.kind === "num") return false;
    if (after.text === "," && ["num", "lp"].includes(tokens[at + 1]?.kind ?? "")) return false; // a list: "= 1/3, 1/4"
    // "= 8.333...%": a repeating decimal, and whatever follows it, is not read.
    if (after.text === "." && !after.gap && tokens[at + 1]?.kind === "stop" && tokens[at + 1].text === ".") return false;
    return true;
  }
  if (after.kind === "pct") return false;
  if (!gap) return false; // "= 5x", "= 2^5", "= 3\sqrt{2}", "= 4!"
  if (after.kind === "word") return wordIsProse(after, "", "after");
  return false;
}

function wordIsProse(word: Token, neighbour: string, side: "before" | "after"): boolean {
  // A merged run of words: the one next to the arithmetic; \text{...} may hold several.
  const words = wordOf(word, side === "before" ? "last" : "first").split(/[^a-z]+/).filter(Boolean);
  if (words.length === 0) return true;
  if (words.some((w) => BINDING_WORDS.has(w))) return false;
  const nearest = side === "before" ? words[words.length - 1] : words[0];
  if (side === "before" && (LABEL_NOUNS.has(nearest) || LABEL_NOUNS.has(nearest.replace(/s$/, "")))) return false;
  if (side === "before" && BINDING_BEFORE.has(nearest)) {
    // "a total of 5 + 3" is prose; "half of 5 + 3", "20% of 5 + 3", "2/3 of" are not.
    return nearest !== "per" && neighbour !== "" && !BINDING_WORDS.has(neighbour);
  }
  if (side === "after" && RESCALING_AFTER.has(nearest)) return false;
  // A single letter next to a number is a variable ("5 y"), except the article and pronoun.
  if (nearest.length === 1 && !LETTER_WORDS.has(nearest)) return false;
  return true;
}
