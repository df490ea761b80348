// Tokens of the arithmetic written in a solution, prose and LaTeX alike, for the arithmetic check.
// One linear pass. Every way solutions write an operation becomes the same token: `*` `×` `·`
// `\cdot` `\times` and `x` between numbers are "*"; `/` `÷` `\div` are "/"; `\frac{a}{b}` is
// "((a)/(b))" and `3\frac{2}{3}` the mixed number "(3 + (2)/(3))"; `%`, `\%` and "percent" are
// "%". Anything the check must not misread (a variable, `^`, `\sqrt`, a brace) is kept as an
// "other" token, so the claim finder sees it is there and refuses to guess what it binds to.
// The filter runs on millions of rows: the loop dispatches on char codes and every token has the
// same shape, which keeps the pass at a few tens of nanoseconds per character.

import { absorbUnits } from "@/lib/grading/filters/arithmetic-units";

export type ArithmeticOp = "+" | "-" | "*" | "/";

export type TokenKind =
  | "num"
  | "op"
  | "lp"
  | "rp"
  | "eq"
  | "pct"
  // a word of prose, or the text of `\text{...}`, lower-cased in `text`
  | "word"
  // sentence punctuation, math delimiters, line breaks, relations: things that end an expression
  | "stop"
  // anything else: it binds to its neighbours in ways the check does not model
  | "other"
  // prose words that are the unit of the value before them (arithmetic-units.ts)
  | "unit";

export interface Token {
  kind: TokenKind;
  /** The operator of an "op" token ("" otherwise). */
  op: ArithmeticOp | "";
  /** The value and the decimals written of a "num" token. */
  value: number;
  decimals: number;
  /** A word's lower-cased text, a stop's or an other's characters. */
  text: string;
  start: number;
  end: number;
  /** Whitespace stands before the token. */
  gap: boolean;
  /**
   * Consecutive prose words are one token (only the words next to arithmetic matter, and the
   * filter runs on millions of rows). Its words are cut from `src` only when needed (wordOf):
   * the first starts at `firstAt`, the last at `start`, the one before the last at `prevAt` (-1
   * for a single word). `src` is "" for `\text{...}`, whose lower-cased content is in `text`.
   */
  firstAt: number;
  prevAt: number;
  src: string;
  /** Inside $...$ or \[...\]: letters there are variables ("\frac12 bh"), never units. */
  math: boolean;
}

export interface TokenizeOptions {
  /** The problem defines its own "*" operation ("a * b = a^2 + b"): "*" is not multiplication. */
  starIsOperation?: boolean;
  /** How many \frac / \boxed groups enclose this text (internal: nesting is bounded). */
  nesting?: number;
}

// \frac inside \frac inside ... deeper than this stays an "other" token: bounded recursion, and
// each level rescans its group, so the work stays linear in practice.
const MAX_GROUP_NESTING = 6;

function token(kind: TokenKind, start: number, end: number, gap: boolean, text = "", op: ArithmeticOp | "" = "", value = 0, decimals = 0): Token {
  return { kind, op, value, decimals, text, start, end, gap, firstAt: -1, prevAt: -1, src: "", math: false };
}

// Numbers: thousands groups (1,000 and LaTeX 1{,}000) or plain decimals. "1,2" and "3.4.5" match
// nothing and become "other".
const NUMBER = /\d{1,3}(?:(?:,|\{,\}|,\\!)\d{3})+(?![\d,])|\d+(?:\.\d+)?(?![.,]\d)|\.\d+(?![.,]\d)/y;
const COMMAND = /\\([A-Za-z]+|[^A-Za-z])/y;

const OPERATOR_COMMANDS: Record<string, ArithmeticOp> = { cdot: "*", times: "*", div: "/" };
// Spacing commands are whitespace; \left( and \right) are plain parentheses.
const SPACE_COMMANDS = new Set([",", ";", ":", "!", " ", "quad", "qquad", "enspace", "thinspace", "displaystyle", "textstyle", "left", "right"]);
// Commands after which an expression is over; they bind looser than "=" does.
const STOP_COMMANDS = new Set([
  "\\", "[", "]", "(", ")", "le", "leq", "ge", "geq", "lt", "gt", "ne", "neq", "approx", "implies", "Rightarrow", "rightarrow",
  "Longrightarrow", "to", "iff", "therefore", "because", "end", "begin", "newline", "hline",
]);
const TEXT_COMMANDS = new Set(["text", "textrm", "textit", "textbf", "mbox", "mathrm", "mathit", "textnormal"]);
const FRACTION_COMMANDS = new Set(["frac", "dfrac", "tfrac", "cfrac"]);

// Char classes for codes below 128.
const SPACE = 1;
const DIGIT = 2;
const LETTER = 3;
const STOP = 4;
const CLASS = new Uint8Array(128);
for (const c of " \t\r~") CLASS[c.charCodeAt(0)] = SPACE;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER;
for (const c of '.,;:?"<>&') CLASS[c.charCodeAt(0)] = STOP;
const UNICODE_OPS: Record<string, ArithmeticOp> = { "−": "-", "×": "*", "·": "*", "⋅": "*", "÷": "/" };
const UNICODE_STOPS = new Set(["≤", "≥", "≠", "≈", "→", "⇒"]);

export function tokenizeArithmetic(text: string, from = 0, to = text.length, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  let sawLetterX = false;
  let at = from;
  let gap = true;
  while (at < to) {
    const code = text.charCodeAt(at);
    const cls = code < 128 ? CLASS[code] : 0;
    if (cls === SPACE) {
      at++;
      gap = true;
      continue;
    }
    if (cls === LETTER) {
      let end = at + 1;
      while (end < to) {
        const c = text.charCodeAt(end);
        if (c >= 128 || CLASS[c] !== LETTER) break;
        end++;
      }
      const last = tokens[tokens.length - 1];
      if (end - at === 7 && text.slice(at, end).toLowerCase() === "percent") tokens.push(token("pct", at, end, gap));
      else if (last?.kind === "word" && last.src !== "" && gap && !(end - at === 1 && (code === 120 || code === 88))) {
        // Another prose word: the token now ends with it (its text is cut only if needed).
        last.prevAt = last.start;
        last.start = at;
        last.end = end;
      } else {
        const t = token("word", at, end, gap);
        t.src = text;
        t.firstAt = at;
        if (end - at === 1) sawLetterX ||= code === 120 || code === 88;
        tokens.push(t);
      }
      at = end;
      gap = false;
      continue;
    }
    if (cls === DIGIT || (code === 46 && isDigit(text.charCodeAt(at + 1)))) {
      at = readNumber(text, at, to, gap, tokens);
      gap = false;
      continue;
    }
    if (code === 10) {
      tokens.push(token("stop", at, at + 1, gap, "\n"));
      at++;
      gap = true;
      continue;
    }
    if (cls === STOP) {
      tokens.push(token("stop", at, at + 1, gap, text[at]));
      at++;
      gap = false;
      continue;
    }
    if (code === 92) {
      at = readCommand(text, at, to, gap, tokens, options);
      gap = gapAfterCommand;
      continue;
    }
    at = readSymbol(text, at, gap, tokens, options);
    gap = false;
  }
  absorbUnits(tokens);
  if (sawLetterX) markLetterTimes(tokens);
  return tokens;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function readNumber(text: string, at: number, to: number, gap: boolean, tokens: Token[]): number {
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(text);
  const raw = m ? m[0] : "";
  // A leading-zero integer such as 0900 is a clock time or a code, not a quantity.
  if (!m || at + raw.length > to || (raw.length > 1 && raw[0] === "0" && raw[1] !== "." && !raw.includes("."))) {
    let end = at + 1;
    while (end < to && (isDigit(text.charCodeAt(end)) || text[end] === "." || text[end] === ",")) end++;
    tokens.push(token("other", at, end, gap, text.slice(at, end)));
    return end;
  }
  const clean = raw.includes(",") ? raw.replace(/\{,\}|,\\!|,/g, "") : raw;
  const dot = clean.indexOf(".");
  tokens.push(token("num", at, at + raw.length, gap, "", "", Number(clean), dot < 0 ? 0 : clean.length - dot - 1));
  return at + raw.length;
}

function readSymbol(text: string, at: number, gap: boolean, tokens: Token[], options: TokenizeOptions): number {
  const c = text[at];
  const next = text[at + 1];
  switch (c) {
    case "+":
    case "-":
      tokens.push(token("op", at, at + 1, gap, "", c));
      return at + 1;
    case "*":
    case "/":
      // "**" and "//" are code; "*" is not multiplication where the problem defines its own.
      if (next === c || (c === "*" && options.starIsOperation)) {
        const end = next === c ? at + 2 : at + 1;
        tokens.push(token("other", at, end, gap, text.slice(at, end)));
        return end;
      }
      tokens.push(token("op", at, at + 1, gap, "", c));
      return at + 1;
    case "(":
      tokens.push(token("lp", at, at + 1, gap));
      return at + 1;
    case ")":
      tokens.push(token("rp", at, at + 1, gap));
      return at + 1;
    case "%":
      tokens.push(token("pct", at, at + 1, gap));
      return at + 1;
    case "=": {
      // "==", "=>", "<=", "!=", ":=" are code, arrows or relations.
      const prev = text[at - 1];
      if (next === "=" || next === ">") {
        tokens.push(token("stop", at, at + 2, gap, `=${next}`));
        return at + 2;
      }
      if (prev === "<" || prev === ">" || prev === "!" || prev === ":") {
        tokens.push(token("stop", at, at + 1, gap, `${prev}=`));
        return at + 1;
      }
      tokens.push(token("eq", at, at + 1, gap));
      return at + 1;
    }
    case "$": {
      // "$5" after an operator or "=" is money; elsewhere "$" delimits math.
      const last = tokens[tokens.length - 1];
      const money = isDigit(text.charCodeAt(at + 1)) && (last?.kind === "op" || last?.kind === "eq" || last?.kind === "lp");
      if (!money) tokens.push(token("stop", at, at + 1, gap, "$"));
      return at + 1;
    }
  }
  if (c in UNICODE_OPS) {
    tokens.push(token("op", at, at + 1, gap, "", UNICODE_OPS[c]));
    return at + 1;
  }
  tokens.push(token(UNICODE_STOPS.has(c) ? "stop" : "other", at, at + 1, gap, c));
  return at + 1;
}

// Set by readCommand: whether the command was spacing (so the next token has a gap before it).
let gapAfterCommand = false;

function readCommand(text: string, at: number, to: number, gap: boolean, tokens: Token[], options: TokenizeOptions): number {
  COMMAND.lastIndex = at;
  const m = COMMAND.exec(text);
  const name = m ? m[1] : "";
  const end = Math.min(to, at + 1 + name.length);
  gapAfterCommand = false;
  if (name === "$") {
    gapAfterCommand = gap;
    return end; // "\$5": money, never a delimiter
  }
  if (name === "%") {
    tokens.push(token("pct", at, end, gap));
    return end;
  }
  if (SPACE_COMMANDS.has(name)) {
    if (name === "left" || name === "right") {
      gapAfterCommand = gap;
      return text[end] === "." ? end + 1 : end; // \left. is nothing
    }
    gapAfterCommand = true;
    return end;
  }
  if (name === "ast") {
    tokens.push(options.starIsOperation ? token("other", at, end, gap, "\\ast") : token("op", at, end, gap, "", "*"));
    return end;
  }
  if (name in OPERATOR_COMMANDS) {
    tokens.push(token("op", at, end, gap, "", OPERATOR_COMMANDS[name]));
    return end;
  }
  if (STOP_COMMANDS.has(name)) {
    tokens.push(token("stop", at, end, gap, `\\${name}`));
    return end;
  }
  if (TEXT_COMMANDS.has(name)) {
    const group = readGroup(text, end, to);
    if (group) {
      tokens.push(token("word", at, group.end, gap, text.slice(group.innerStart, group.innerEnd).trim().toLowerCase()));
      return group.end;
    }
  }
  const last = tokens[tokens.length - 1];
  const gluedToNumber = last?.kind === "num" && !gap;
  if ((options.nesting ?? 0) < MAX_GROUP_NESTING && (FRACTION_COMMANDS.has(name) || (name === "boxed" && !gluedToNumber))) {
    // "3\frac{2}{3}" is a mixed number; "355\boxed{680}" is a number written in two pieces.
    const whole = FRACTION_COMMANDS.has(name) && gluedToNumber && last.decimals === 0 && properFraction(text, end, to) ? (tokens.pop() as Token) : null;
    const consumed = pushGroups(text, name === "boxed" ? 1 : 2, end, to, at, whole ? whole.gap : gap, tokens, whole, options);
    if (consumed > 0) return consumed;
    if (whole) tokens.push(whole);
    if (consumed < 0) {
      // Not plain arithmetic inside: the whole command, groups and all, is one "other" token,
      // so nested \frac are not scanned again from every level.
      tokens.push(token("other", at, -consumed, gap, `\${name}`));
      return -consumed;
    }
  }
  tokens.push(token("other", at, end, gap, `\\${name}`));
  return end;
}

/**
 * `\frac{a}{b}` (or `\frac12`) becomes "((a)/(b))" and `\boxed{a}` becomes "(a)" when every part
 * is plain arithmetic; returns where the command ends, or 0 to leave it as an "other" token.
 */
function pushGroups(
  text: string,
  count: number,
  from: number,
  to: number,
  start: number,
  gap: boolean,
  out: Token[],
  whole: Token | null,
  options: TokenizeOptions,
): number {
  const parts: Token[][] = [];
  let at = from;
  for (let i = 0; i < count; i++) {
    while (text[at] === " ") at++;
    const group = readGroup(text, at, to);
    if (group) {
      const inner = tokenizeArithmetic(text, group.innerStart, group.innerEnd, { ...options, nesting: (options.nesting ?? 0) + 1 });
      if (inner.length === 0 || inner.some((t) => t.kind !== "num" && t.kind !== "op" && t.kind !== "lp" && t.kind !== "rp" && t.kind !== "pct")) {
        return -skipGroups(text, group.end, to, count - i - 1);
      }
      parts.push(inner);
      at = group.end;
    } else if (at < to && isDigit(text.charCodeAt(at))) {
      // \frac12: single-digit arguments
      parts.push([token("num", at, at + 1, false, "", "", Number(text[at]))]);
      at++;
    } else return 0;
  }
  if (count === 1) {
    out.push(token("lp", start, start, gap), ...parts[0], token("rp", at, at, false));
    return at;
  }
  // A mixed number 3\frac{2}{3} is (3 + (2)/(3)); a sign before it applies to the whole.
  if (whole) out.push(token("lp", whole.start, whole.start, gap), whole, token("op", start, start, false, "", "+"));
  out.push(token("lp", start, start, whole ? false : gap), token("lp", start, start, false), ...parts[0], token("rp", start, start, false));
  out.push(token("op", start, start, false, "", "/"), token("lp", at, at, false), ...parts[1], token("rp", at, at, false), token("rp", at, at, false));
  if (whole) out.push(token("rp", at, at, false));
  return at;
}

/** Where `count` more brace groups (or single digits) after `at` end, without reading them. */
function skipGroups(text: string, at: number, to: number, count: number): number {
  let end = at;
  for (let i = 0; i < count; i++) {
    let next = end;
    while (text[next] === " ") next++;
    const group = readGroup(text, next, to);
    if (group) end = group.end;
    else if (next < to && isDigit(text.charCodeAt(next))) end = next + 1;
    else break;
  }
  return end;
}

/** "{2}{3}" or "23" after \frac: an integer numerator below the denominator, as in a mixed number. */
function properFraction(text: string, at: number, to: number): boolean {
  const m = /^\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d))/.exec(text.slice(at, Math.min(to, at + 40)));
  return m !== null && Number(m[1] ?? m[2]) < Number(m[3] ?? m[4]);
}

// A brace group is looked for this far at most: \text{...}, \frac{..}{..} and \boxed{...} in
// solutions are short, and unclosed braces repeated through a text must not make the pass quadratic.
const MAX_GROUP_CHARS = 2_000;

/** A brace group starting at `at` (balanced, `\{` `\}` skipped), or null. */
function readGroup(text: string, at: number, to: number): { innerStart: number; innerEnd: number; end: number } | null {
  if (text[at] !== "{") return null;
  let depth = 0;
  const limit = Math.min(to, at + MAX_GROUP_CHARS);
  for (let i = at; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return { innerStart: at + 1, innerEnd: i, end: i + 1 };
  }
  return null;
}

/** "x" (or "X") between two numbers is a multiplication sign: "60 x 2/3", "4x5". */
function markLetterTimes(tokens: Token[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || t.end - t.start !== 1 || t.firstAt !== t.start || (t.src[t.start] !== "x" && t.src[t.start] !== "X")) continue;
    const before = tokens[i - 1].kind;
    const after = tokens[i + 1].kind;
    if ((before === "num" || before === "rp" || before === "pct" || before === "unit") && (after === "num" || after === "lp")) {
      t.kind = "op";
      t.op = "*";
      t.src = "";
    }
  }
}

/** The word of a "word" token next to its end ("last"), its start ("first"), or before the last. */
export function wordOf(t: Token, which: "first" | "last" | "prev"): string {
  if (t.src === "") return which === "prev" ? "" : t.text; // \text{...}: its whole content
  const at = which === "first" ? t.firstAt : which === "last" ? t.start : t.prevAt;
  if (at < 0) return "";
  let end = at;
  while (end < t.src.length && /[A-Za-z]/.test(t.src[end])) end++;
  return t.src.slice(at, end).toLowerCase();
}
