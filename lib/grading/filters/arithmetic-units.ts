// Units and words between numbers: "5 snakes/jaguar * 6 jaguars = 30 snakes", "60 students x 2/3 =
// 40", "$12/game", "2 hours per game". A short run of prose words right after a value, followed by
// an operator, "=" or ")", is the value's unit: it becomes a "unit" token the evaluator skips.
// What is not a plain unit stays a word and ends the arithmetic: an operator word ("3 times 4"),
// a scale ("3 dozen", "50 cents"), a single letter (a variable), or a long stretch of prose.
import type { Token } from "@/lib/grading/filters/arithmetic-tokens";
import { BINDING_WORDS, RESCALING_AFTER } from "@/lib/grading/filters/arithmetic-words";

const MAX_UNIT_CHARS = 32;

export function absorbUnits(tokens: Token[]): void {
  markMath(tokens);
  for (let i = 1; i < tokens.length; i++) {
    const value = tokens[i - 1].kind;
    if (value !== "num" && value !== "pct" && value !== "rp") continue;
    // The unit: words, joined by "/" ("feet/second", "$60/large painting").
    let j = i;
    let key = "";
    let afterSlash = false;
    while (j < tokens.length) {
      const t = tokens[j];
      // "snakes/jaguar", "$12/game": a slash between a value or unit and a word is "per".
      if (t.kind === "op" && t.op === "/" && !afterSlash && tokens[j + 1]?.kind === "word" && !tokens[j + 1].gap) {
        afterSlash = true;
        j++;
        continue;
      }
      if (t.kind !== "word" || !plainUnit(t, afterSlash)) break;
      afterSlash = false;
      key ||= unitKey(t);
      j++;
    }
    if (j === i || key === "") continue;
    const next = tokens[j];
    const ends = !next || next.kind === "op" || next.kind === "eq" || next.kind === "rp" || (isLetterX(next) && ["num", "lp"].includes(tokens[j + 1]?.kind ?? ""));
    if (!ends || next === undefined) continue;
    for (let k = i; k < j; k++) {
      tokens[k].kind = "unit";
      tokens[k].text = key;
    }
    i = j;
  }
}

/** Marks the words inside $...$, \[...\], \(...\) and environments: letters there are variables. */
function markMath(tokens: Token[]): void {
  let math = false;
  for (const t of tokens) {
    if (t.kind === "stop") {
      if (t.text === "$") math = !math;
      else if (t.text === "\\[" || t.text === "\\(" || t.text === "\\begin") math = true;
      else if (t.text === "\\]" || t.text === "\\)" || t.text === "\\end") math = false;
    } else if (t.kind === "word") t.math = math;
  }
}

function isLetterX(t: Token): boolean {
  return t.kind === "word" && t.end - t.start === 1 && (t.src[t.start] === "x" || t.src[t.start] === "X");
}

/** All words of the token are ordinary nouns: no operator, scale or variable, and few of them. */
export function plainUnit(t: Token, afterSlash = false): boolean {
  // "4ac", "3xyz", "2hrs": letters glued to a number are variables (or too unclear to read).
  if (t.src !== "" && ((!t.gap && !afterSlash) || t.math)) return false;
  const from = t.src === "" ? -1 : t.firstAt;
  const raw = from < 0 ? t.text : t.src.slice(from, t.end);
  if (raw.length > MAX_UNIT_CHARS) return false;
  const words = raw.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  if (words.length === 0) return false;
  return words.every((w) => w.length > 1 && !BINDING_WORDS.has(w) && !RESCALING_AFTER.has(w) && w !== "and" && w !== "or" && w !== "is");
}

/** "hours" and "hour" are one unit; units are compared by their first word. */
export function unitKey(t: Token): string {
  const raw = t.src === "" ? t.text : t.src.slice(t.firstAt, t.end);
  const first = raw.toLowerCase().split(/[^a-z]+/).find(Boolean) ?? "";
  return first.replace(/(es|s)$/, "");
}

/** The unit named by the first word of a prose token after a value ("= 1/3 foot and ..."), or "". */
export function trailingUnit(t: Token): string {
  if (t.kind !== "word" || (t.src !== "" && (!t.gap || t.math))) return "";
  const key = unitKey(t);
  return key.length > 1 && !BINDING_WORDS.has(key) && !RESCALING_AFTER.has(key) ? key : "";
}
