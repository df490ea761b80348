// Normalised LaTeX -> AnswerValue. Structure (lists, relations, unions, intervals, sets, tuples,
// matrices, percentages) is read here from the top level of the string, where we control how
// ambiguous forms like "(a,b)" are kept open; only the leaves go to the LaTeX parser.
import type { AnswerValue, RelationOp } from "@/lib/grading/answer-value";
import { BudgetExceededError } from "@/lib/grading/budget";
import type { Budget } from "@/lib/grading/budget";
import { SAFE_LENGTH, parseLatex } from "@/lib/grading/latex-to-math-json";
import type { MathJson } from "@/lib/grading/latex-to-math-json";
import { matchingBracket, splitTopLevel } from "@/lib/grading/split-top-level";

// Elements are paired by their text first (linear), so big collections are affordable.
const MAX_ITEMS = 10_000;
const MAX_DEPTH = 12;

const FUNCTION_WORDS = new Set(["sin", "cos", "tan", "sec", "csc", "cot", "log", "ln", "exp", "sqrt", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh"]);

export function parseAnswer(latex: string, budget: Budget, depth = 0): AnswerValue {
  budget.tick();
  const s = latex.trim();
  if (s === "") return { kind: "unparsed", latex: s, why: "empty answer" };
  if (depth > MAX_DEPTH) return { kind: "unparsed", latex: s, why: "structure nested too deep" };
  const next = (part: string) => parseAnswer(part, budget, depth + 1);

  if (/^\\emptyset$/.test(s)) return { kind: "set", latex: s, items: [] };
  const choice = /^\(?\s*([A-E])\s*\)?$/.exec(s);
  if (choice) return { kind: "choice", latex: s, letter: choice[1] };
  // A choice with its content: "C. x = 42", "(B) 17", "D) \\frac12".
  // What follows the label is content, not an operator: "(C) + 1" is not choice C.
  const labelled = /^(?:\(\s*([A-E])\s*\)|([A-E])\s*[.)])\s+[^\s+\-*/^=<>]/.exec(s);
  if (labelled) return { kind: "choice", latex: s, letter: labelled[1] ?? labelled[2] };
  if (isText(s)) return { kind: "text", latex: s, text: s.replace(/\s+/g, " ").toLowerCase() };

  const list = splitTopLevel(s, listSeparator, budget);
  if (list.parts.length > 1) {
    const items = list.parts.map((p) => p.trim()).filter((p) => p !== "");
    if (items.length > MAX_ITEMS) return { kind: "unparsed", latex: s, why: `${items.length} items, over the ${MAX_ITEMS} limit` };
    // "2,5" may be 2.5 written with a decimal comma; "3,0" is not (nobody writes 3.0 that way
    // without a unit), and "1,000" was joined as a thousands separator already.
    const decimalComma = /^-?\d+,\d*[1-9]\d*$/.test(s) ? s.replace(",", ".") : undefined;
    return { kind: "list", latex: s, items: items.map(next), decimalComma };
  }

  const relation = splitTopLevel(s, relationSeparator, budget);
  if (relation.parts.length > 1) {
    if (relation.parts.some((p) => p.trim() === "")) return { kind: "unparsed", latex: s, why: "a relation with an empty side" };
    return { kind: "relation", latex: s, ops: relation.separators.map(relationOp), terms: relation.parts.map(next) };
  }

  // "3:1" is a ratio; kept as an ordered pair so 3:1 and 3:2 differ (and 6:2 is not 3:1).
  const ratio = splitTopLevel(s, (t, i) => (t[i] === ":" ? 1 : 0), budget);
  if (ratio.parts.length > 1 && ratio.parts.every((p) => p.trim() !== "")) return { kind: "tuple", latex: s, items: ratio.parts.map((p) => next(p.trim())) };

  const union = splitTopLevel(s, (t, i) => (t.startsWith("\\cup", i) && !/[A-Za-z]/.test(t[i + 4] ?? "") ? 4 : 0), budget);
  if (union.parts.length > 1) return { kind: "union", latex: s, parts: union.parts.map(next) };

  const pm = splitTopLevel(s, (t, i) => (/^\\(?:pm|mp)(?![A-Za-z])/.test(t.slice(i, i + 4)) ? 3 : 0), budget);
  if (pm.parts.length === 2) {
    const [a, b] = pm.parts.map((p) => p.trim());
    const plus = a === "" ? `{${b}}` : `{${a}}+{${b}}`;
    const minus = a === "" ? `-{${b}}` : `{${a}}-{${b}}`;
    return { kind: "list", latex: s, items: [next(plus), next(minus)] };
  }

  if (/\\%$/.test(s)) return { kind: "percent", latex: s, value: next(s.slice(0, -2)) };

  const bracketed = parseBracketed(s, next);
  if (bracketed) return bracketed;

  const matrix = parseMatrix(s, next);
  if (matrix) return matrix;

  return parseScalar(s, budget);
}

export function listSeparator(s: string, i: number): number {
  const c = s[i];
  if (c === "," || c === ";") return 1;
  if ((c === "a" || c === "o") && /^(?:and|or)(?![A-Za-z])/.test(s.slice(i, i + 4)) && (i === 0 || /\s/.test(s[i - 1]))) return c === "a" ? 3 : 2;
  return 0;
}

function relationSeparator(s: string, i: number): number {
  const c = s[i];
  if (c === "=" || c === "<" || c === ">") return 1;
  if (c === "\\") {
    const m = /^\\(?:le|ge|ne|in|lt|gt)(?![A-Za-z])/.exec(s.slice(i, i + 4));
    if (m) return m[0].length;
  }
  return 0;
}

function relationOp(sep: string): RelationOp {
  if (sep === "\\lt") return "<";
  if (sep === "\\gt") return ">";
  return sep as RelationOp;
}

// Pure words ("odd", "no solution") compare as text; short letter groups like "xy" stay algebra.
// Two-letter answers that are words, not the product of two variables.
const SHORT_WORDS = new Set(["no", "ok"]);

function isText(s: string): boolean {
  if (!/^[A-Za-z][A-Za-z ']*$/.test(s)) return false;
  if (SHORT_WORDS.has(s.trim().toLowerCase())) return true;
  return s.split(/\s+/).some((w) => w.replace(/'/g, "").length >= 3 && !FUNCTION_WORDS.has(w.toLowerCase()));
}

function parseBracketed(s: string, next: (part: string) => AnswerValue): AnswerValue | null {
  const escapedSet = s.startsWith("\\{") && s.endsWith("\\}");
  if (escapedSet) {
    const close = matchingBracket(s, 1);
    if (close === s.length - 1) {
      const inner = s.slice(2, -2).trim();
      const items = inner === "" ? [] : splitItems(inner);
      if (items.length > MAX_ITEMS) return { kind: "unparsed", latex: s, why: `${items.length} items, over the ${MAX_ITEMS} limit` };
      return { kind: "set", latex: s, items: items.map(next) };
    }
  }
  if (s.startsWith("\\langle") && s.endsWith("\\rangle")) {
    return { kind: "tuple", latex: s, items: splitItems(s.slice(7, -7)).map(next) };
  }
  const open = s[0];
  if (open !== "(" && open !== "[" && open !== "{") return null;
  if (matchingBracket(s, 0) !== s.length - 1) return null;
  const inner = s.slice(1, -1);
  const items = splitItems(inner);
  if (items.length > MAX_ITEMS) return { kind: "unparsed", latex: s, why: `${items.length} items, over the ${MAX_ITEMS} limit` };
  // A plain TeX group "{1,3}" only groups; what it holds decides the shape.
  if (open === "{") return next(inner);
  const close = s[s.length - 1] as ")" | "]";
  if (items.length === 1) return open === "(" && close === ")" ? next(inner) : null;
  const unbounded = items.some((i) => /^[-+]?\\infty$/.test(i));
  if (items.length === 2 && (!(open === "(" && close === ")") || unbounded)) {
    return { kind: "interval", latex: s, left: open as "(" | "[", right: close, lo: next(items[0]), hi: next(items[1]) };
  }
  if (open === "(" && close === ")") return { kind: "tuple", latex: s, items: items.map(next) };
  return null;
}

function splitItems(inner: string): string[] {
  return splitTopLevel(inner, (t, i) => (t[i] === "," ? 1 : 0)).parts.map((p) => p.trim());
}

function parseMatrix(s: string, next: (part: string) => AnswerValue): AnswerValue | null {
  if (!s.includes("\\begin{")) return null;
  // "[\begin{array}{cc}...\end{array}]": the brackets only draw the matrix.
  const wrapped = /^[([]\s*(\\begin\{(\w+)\}[\s\S]*\\end\{\2\})\s*[)\]]$/.exec(s);
  if (wrapped) return parseMatrix(wrapped[1], next);
  return readMatrixEnvironment(s, next) ?? matrixExpression(s, next);
}

function readMatrixEnvironment(s: string, next: (part: string) => AnswerValue): Extract<AnswerValue, { kind: "matrix" }> | null {
  const m = /^\\begin\{(pmatrix|array)\}(?:\{[^}]*\})?([\s\S]*)\\end\{\1\}$/.exec(s);
  if (!m || m[2].includes("\\begin{")) return null;
  const rows = m[2]
    .split(/\\\\/)
    .map((r) => r.trim())
    .filter((r) => r !== "")
    .map((r) => r.split("&").map((c) => next(c.trim())));
  if (rows.length === 0 || rows.some((r) => r.length !== rows[0].length)) return null;
  return { kind: "matrix", latex: s, rows };
}

const MATRIX_ENV = /\\begin\{(pmatrix|array)\}(?:\{[^}]*\})?[\s\S]*?\\end\{\1\}/g;

/**
 * Sums, differences, scalar multiples and products of written-out matrices ("A + B", "2A",
 * "A \cdot B"), multiplied out cell by cell; the cells stay exact MathJSON.
 */
function matrixExpression(s: string, next: (part: string) => AnswerValue): AnswerValue | null {
  const split = splitTopLevel(s, (t, i) => ((t[i] === "+" || t[i] === "-") && i > 0 ? 1 : 0));
  if (split.parts.length > 8) return null;
  let total: Cells | null = null;
  for (let k = 0; k < split.parts.length; k++) {
    const term = matrixTerm(split.parts[k].trim(), next);
    if (!term) return null;
    const signed = k > 0 && split.separators[k - 1] === "-" ? scale(term, -1) : term;
    if (total && (total.length !== signed.length || total[0].length !== signed[0].length)) return null;
    total = total ? total.map((row, i) => row.map((cell, j) => ["Add", cell, signed[i][j]] as MathJson)) : signed;
  }
  if (!total) return null;
  return { kind: "matrix", latex: s, rows: total.map((row) => row.map((json): AnswerValue => ({ kind: "expr", latex: s, json }))) };
}

type Cells = MathJson[][];

function matrixTerm(term: string, next: (part: string) => AnswerValue): Cells | null {
  const found = [...term.matchAll(MATRIX_ENV)];
  if (found.length === 0 || found.length > 4) return null;
  const prefix = term.slice(0, found[0].index).replace(/\\(?:cdot|times)\s*$/, "").trim();
  for (let k = 1; k < found.length; k++) {
    const between = term.slice((found[k - 1].index ?? 0) + found[k - 1][0].length, found[k].index);
    if (!/^\s*(?:\\cdot|\\times)?\s*$/.test(between)) return null;
  }
  const last = found[found.length - 1];
  if (term.slice((last.index ?? 0) + last[0].length).trim() !== "") return null;
  let product: Cells | null = null;
  for (const f of found) {
    const m = readMatrixEnvironment(f[0], next);
    if (!m?.rows.every((r) => r.every((c) => c.kind === "expr"))) return null;
    const cells = m.rows.map((r) => r.map((c) => (c as Extract<AnswerValue, { kind: "expr" }>).json));
    if (product && product[0].length !== cells.length) return null;
    product = product ? multiply(product, cells) : cells;
  }
  if (!product) return null;
  if (prefix === "" || prefix === "+") return product;
  if (prefix === "-") return scale(product, -1);
  const factor = next(prefix);
  if (factor.kind !== "expr") return null;
  return product.map((row) => row.map((cell) => ["Multiply", factor.json, cell] as MathJson));
}

function multiply(a: Cells, b: Cells): Cells {
  return a.map((row) => b[0].map((_, j) => ["Add", ...row.map((cell, k) => ["Multiply", cell, b[k][j]] as MathJson)] as MathJson));
}

function scale(m: Cells, by: number): Cells {
  return m.map((row) => row.map((cell) => ["Multiply", by, cell] as MathJson));
}


function parseScalar(s: string, budget: Budget): AnswerValue {
  // Plain numbers need no parser: a 3,000-digit integer is read directly (exactly, as text).
  if (/^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) {
    const text = s.replace(/^-/, "");
    const json: MathJson = { num: text };
    return { kind: "expr", latex: s, json: s.startsWith("-") ? ["Negate", json] : json };
  }
  // A long sum is parsed term by term: each term is short (inline, linear), and a 1,000-term
  // sum costs 1,000 small parses instead of one the parser may not finish.
  if (s.length > SAFE_LENGTH) {
    const sum = splitSum(s, budget);
    if (sum) return sum;
  }
  // Mixed numbers: "3128 1/2" and "918\frac{1}{2}" (NeMo-Skills reads both as n + a/b).
  const mixed = /^(-?)(\d+)\s*\\frac\{(\d+)\}\{(\d+)\}$/.exec(s) ?? /^(-?)(\d+)\s+(\d+)\/(\d+)$/.exec(s);
  if (mixed) {
    const [, sign, whole, num, den] = mixed;
    if (Number(num) < Number(den)) {
      const body: MathJson = ["Add", Number(whole), ["Divide", Number(num), Number(den)]];
      return { kind: "expr", latex: s, json: sign ? ["Negate", body] : body };
    }
  }
  return parseLeaf(s, budget);
}

function parseLeaf(s: string, budget: Budget): AnswerValue {
  // A parse is far more than one step: look at the clock before each, so 150 leaves cannot
  // overrun the deadline between two of the budget's periodic clock reads.
  budget.checkDeadline();
  const parsed = parseLatex(s, budget.deadline);
  if (!parsed.ok && parsed.timedOut) throw new BudgetExceededError("deadline");
  if (!parsed.ok) return { kind: "unparsed", latex: s, why: parsed.why };
  return { kind: "expr", latex: s, json: parsed.json };
}

/** Splits at top-level + and - (not a sign after ^, _, an operator or the start). */
function splitSum(s: string, budget: Budget): AnswerValue | null {
  const split = splitTopLevel(
    s,
    (t, i) => {
      if (t[i] !== "+" && t[i] !== "-") return 0;
      const before = t.slice(0, i).trimEnd();
      if (before === "" || /[\^_+\-*/=(,{[]$|\\(?:cdot|times|div|pm|mp)$|\de$/i.test(before)) return 0;
      return 1;
    },
    budget,
  );
  if (split.parts.length < 2) return null;
  const terms: MathJson[] = [];
  for (let i = 0; i < split.parts.length; i++) {
    const part = split.parts[i].trim();
    if (part === "") return null;
    const term = parseScalar(part, budget);
    if (term.kind !== "expr") return term.kind === "unparsed" ? term : null;
    terms.push(i > 0 && split.separators[i - 1] === "-" ? ["Negate", term.json] : term.json);
  }
  return { kind: "expr", latex: s, json: ["Add", ...terms] };
}
