// String-level clean-up of an answer before it is compared or parsed: the rewrites NeMo-Skills'
// strip_string and Math-Verify's normaliser agree on (\left/\right, \dfrac, \frac12, \text{...}
// units, ^\circ, \%, $, thousands separators, trailing period). Each step is a linear scan or a
// regex without nested quantifiers, so a hostile answer cannot make this slow.
import { readArgument, rewriteCommandGroups } from "@/lib/grading/latex-groups";

export interface NormalizeOptions {
  /** Keep trailing unit words and \text{...}: only formatting is normalised. */
  strict?: boolean;
}

// A private-use character: blankUnusual() removes it from the input, so it can only be ours.
const UNIT_MARK = "\uE000";

const TEXT_COMMANDS = ["text", "textbf", "textit", "textrm", "textnormal", "mbox", "mathrm", "mathbf", "mathit", "mathcal", "mathsf", "mathtt", "mathbb", "boldsymbol", "bm", "operatorname", "hbox"];

// Words that, after an answer, only name its unit; "15 cm^2" and "15" are the same answer.
const UNIT_WORDS = new Set(
  "units unit square sq cubic cm mm km m meters meter metres metre inches inch in feet foot ft yards yard miles mile mi hours hour hrs hr minutes minute mins min seconds second secs sec s days day weeks week months month years year yrs grams gram g kg kilograms mg pounds pound lbs lb ounces ounce oz liters liter litres l ml gallons gallon dollars dollar cents cent people students apples marbles ways mph kmh points coins books cookies pages times".split(
    " ",
  ),
);

// Commands a test file wrote with a doubled backslash ("\\frac" for "\frac"); a real row break
// "\\" is never directly followed by one of these words.
const DOUBLED_COMMAND = /\\\\(?=(?:left|right|frac|dfrac|tfrac|sqrt|le|ge|leq|geq|neq|ne|cdot|times|pi|infty|in|cup|cap|text|mathrm|pm|circ|boxed|begin|end)(?![A-Za-z]))/g;

export function normalizeAnswer(raw: string, options: NormalizeOptions = {}): string {
  let s = blankUnusual(raw);
  s = s.replace(DOUBLED_COMMAND, "\\");
  s = unwrapAll(s, ["boxed", "fbox"], (c) => c);
  s = s
    .replace(/\\\$/g, " ")
    .replace(/\$/g, " ")
    .replace(/\\[()[\]]/g, " ")
    .replace(/\\(?:displaystyle|textstyle|scriptstyle|limits|nolimits)(?![A-Za-z])/g, "");
  s = s.replace(/\\(?:left|right)\s*\./g, "").replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![A-Za-z])/g, "");
  // "32,\! 349": a thousands separator typeset with a negative thin space.
  s = s.replace(/(\d)\s*,\s*\\!\s*(?=\d)/g, "$1");
  // (?<!\\) keeps a row break "\\" followed by a space or comma intact.
  s = s.replace(/(?<!\\)\\!/g, "").replace(/(?<!\\)\\[,:;> ]|~|\\q?quad(?![A-Za-z])/g, " ");
  s = s.replace(/\\[dtc]frac(?![A-Za-z])/g, "\\frac").replace(/\\[dt]binom(?![A-Za-z])/g, "\\binom");
  s = s.replace(/\\(?:varnothing)(?![A-Za-z])/g, "\\emptyset").replace(/\\(?:leqslant|leq)(?![A-Za-z])/g, "\\le");
  s = s.replace(/\\(?:geqslant|geq)(?![A-Za-z])/g, "\\ge").replace(/\\neq(?![A-Za-z])/g, "\\ne");
  s = s.replace(/\\(sin|cos|tan|sec|csc|cot)\s*\^\s*\{\s*-\s*1\s*\}/g, "\\arc$1");
  s = replaceUnicode(s);
  s = s.replace(/>=/g, "\\ge ").replace(/<=/g, "\\le ").replace(/!=/g, "\\ne ");
  s = braceArguments(s);
  // The reals as a set, and trigonometric arguments in degrees (\sin 45^\circ is \sin(\pi/4)).
  s = s.replace(/\\mathbb\s*\{?\s*R\s*\}?(?![A-Za-z^_])|ℝ/g, "(-\\infty, \\infty)");
  s = s.replace(/\\(sin|cos|tan|sec|csc|cot)\s*(?:\(\s*(\d+(?:\.\d+)?)\s*\^\s*\{?\s*\\circ\s*\}?\s*\)|(\d+(?:\.\d+)?)\s*\^\s*\{?\s*\\circ\s*\}?)/g, (_m, fn: string, a?: string, b?: string) => `\\${fn}(\\frac{${a ?? b}\\pi}{180})`);
  s = unwrapText(s, options.strict ?? false);
  s = s.replace(/\^\s*\{?\s*\\circ\s*\}?|\\circ(?![A-Za-z])|\\degree(?![A-Za-z])/g, "");
  s = s.replace(/\\%|%|\bper\s*cent\b|\bpercent\b|\bpct\b/g, "\\%");
  s = s.replace(/\\begin\{[bB]?matrix\}/g, "\\begin{pmatrix}").replace(/\\end\{[bB]?matrix\}/g, "\\end{pmatrix}");
  // "\approx 3.2" alone is 3.2; "3.21 \approx 3.2" keeps what was computed before the rounding.
  s = s.replace(/^\s*(?:\\approx|\\sim|\\simeq|about|approximately|approx\.?)\s*/i, "");
  s = dropApproximation(s);
  s = s.replace(/\s+/g, " ").trim();
  s = trimPunctuation(s);
  if (!options.strict) s = dropUnitWords(s);
  s = joinThousands(s);
  s = s.replace(/^\+\s*/, "");
  return s.trim();
}

/**
 * "3.21 \\approx 3.2" keeps what was computed before the rounding; "x \\approx 11" is a label
 * (letters only on the left) and gives its right side, as an "x = 11" would.
 */
function dropApproximation(s: string): string {
  const at = s.search(/\\approx(?![A-Za-z])/);
  if (at <= 0) return s;
  const left = s.slice(0, at).trim();
  const right = s.slice(at + "\\approx".length).trim();
  if (right !== "" && !/\d/.test(left) && /^[A-Za-z\\{}_ ()|,']+$/.test(left)) return dropApproximation(right);
  return left;
}

/** Control characters (a "\f" from an unescaped Python literal) and our marker become spaces. */
function blankUnusual(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    out += c < 32 || c === 127 || c === 0xe000 ? " " : raw[i];
  }
  return out;
}

/** The comparison key: the normalised form without any whitespace. */
export function comparisonKey(normalized: string): string {
  return normalized.replace(/\s+/g, "");
}

function unwrapAll(s: string, names: string[], inner: (content: string) => string): string {
  for (let pass = 0; pass < 4; pass++) {
    const next = rewriteCommandGroups(s, names, (g) => inner(g.content));
    if (next === s) break;
    s = next;
  }
  return s;
}

function replaceUnicode(s: string): string {
  return s
    .replace(/[−–—]/g, "-")
    .replace(/×/g, "\\times ")
    .replace(/÷/g, "\\div ")
    .replace(/·/g, "\\cdot ")
    .replace(/π/g, "\\pi ")
    .replace(/∅/g, "\\emptyset ")
    .replace(/∞/g, "\\infty ")
    .replace(/≤/g, "\\le ")
    .replace(/≥/g, "\\ge ")
    .replace(/≠/g, "\\ne ")
    .replace(/√/g, "\\sqrt ")
    .replace(/°/g, "\\circ ")
    .replace(/[²]/g, "^2")
    .replace(/[³]/g, "^3")
    .replace(/[€£¥]/g, " ");
}

/** \frac12 -> \frac{1}{2}, \sqrt3 -> \sqrt{3}, \binom52 -> \binom{5}{2}: TeX's one-token arguments. */
function braceArguments(s: string): string {
  if (!/\\(?:frac|sqrt|binom)/.test(s)) return s;
  let out = "";
  let at = 0;
  const pattern = /\\(frac|binom|sqrt)(?![A-Za-z])/g;
  for (let m = pattern.exec(s); m; m = pattern.exec(s)) {
    let i = m.index + m[0].length;
    let head = `\\${m[1]}`;
    if (m[1] === "sqrt") {
      const index = /^\s*\[([^\]]{0,40})\]/.exec(s.slice(i, i + 50));
      if (index) {
        head += `[${index[1]}]`;
        i += index[0].length;
      }
    }
    const arity = m[1] === "sqrt" ? 1 : 2;
    const args: string[] = [];
    for (let k = 0; k < arity; k++) {
      const a = readArgument(s, i);
      if (!a) break;
      args.push(a.arg);
      i = a.end;
    }
    if (args.length !== arity) continue;
    // Arguments may hold shorthand themselves (\frac{\sqrt3}{2}); the input length cap bounds
    // this recursion.
    out += s.slice(at, m.index) + head + args.map((a) => `{${braceArguments(a)}}`).join("");
    at = i;
    pattern.lastIndex = i;
  }
  return at === 0 ? s : out + s.slice(at);
}

/**
 * \text{...} and friends: the whole answer wrapped -> its content ("\text{odd}" is "odd"); a
 * trailing one after a value is a unit and dropped ("17\text{ any text}" is 17); elsewhere the
 * content stays ("12\text{ and }13").
 */
function unwrapText(s: string, strict: boolean): string {
  for (let pass = 0; pass < 4; pass++) {
    const next = rewriteCommandGroups(s, TEXT_COMMANDS, (g, text) => {
      const before = text.slice(0, g.outerStart).trim();
      const after = text.slice(g.outerEnd).trim();
      const trailing = after === "" || /^(?:\^\s*\{?\d\}?)?\s*[.,;]?$/.test(after);
      if (!strict && trailing && /\d/.test(before) && !/[=<>]$|\\(?:le|ge|ne|in)$/.test(before) && !/^\s*\(?[A-Ea-e]\)?\s*$/.test(g.content)) return UNIT_MARK;
      return ` ${g.content} `;
    });
    if (next === s) break;
    s = next;
  }
  // A dropped unit takes its exponent with it: "15\mbox{ cm}^2" is 15.
  return s.replace(/\uE000\s*(?:\^\s*\{?\d\}?)?/g, " ");
}

function trimPunctuation(s: string): string {
  let t = s;
  for (let k = 0; k < 4; k++) {
    const before = t;
    t = t.replace(/(?:\s|\\\\)+$/, "").replace(/[.,;:]+$/, "").replace(/\\$/, "").trim();
    if (t === before) break;
  }
  return t;
}

function dropUnitWords(s: string): string {
  let t = s;
  for (let k = 0; k < 4; k++) {
    const m = /\s*\b([A-Za-z]+)(?:\s*\^\s*\{?[23]\}?)?$/.exec(t);
    if (!m || !UNIT_WORDS.has(m[1].toLowerCase())) break;
    const rest = t.slice(0, m.index).trim();
    // Only after a value: a lone "m" or "in" is an answer, not a unit.
    if (!/[\d}%)]$|\\%$|\\pi$/.test(rest)) break;
    t = rest;
  }
  return t;
}

/** 1,000 and 1 000 are one thousand; "1,22" is left for the decimal-comma rule to judge. */
function joinThousands(s: string): string {
  // Not inside a pair like "(0,100)" or a list: there the comma separates values.
  let t = s.replace(/(?<![\d.,([{])([1-9]\d{0,2})((?:,\d{3})+)(?![\d,)\]}])/g, (_m, head: string, groups: string) => head + groups.replace(/,/g, ""));
  if (/^-?\d{1,3}(?: \d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/ /g, "");
  return t;
}
