// The tiny grammar of "a op b = c" arithmetic in solutions: numbers, + - * / and parentheses.
// Tokenised once and evaluated step by step, so the same code can both check a chain and write
// out its intermediate steps. Nothing else (no powers, no names) is accepted, so evaluation is
// linear in the input and cannot explode.

export type ArithmeticToken = { type: "num"; value: number; text: string } | { type: "op"; op: "+" | "-" | "*" | "/" } | { type: "paren"; open: boolean };

export function tokenizeArithmetic(text: string): ArithmeticToken[] | null {
  const tokens: ArithmeticToken[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([+\-*/×÷])|([()]))/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return /^\s*$/.test(text.slice(at)) ? tokens : null;
    if (m[1] !== undefined) tokens.push({ type: "num", value: Number(m[1]), text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: "op", op: m[2] === "×" ? "*" : m[2] === "÷" ? "/" : (m[2] as "+" | "-" | "*" | "/") });
    else tokens.push({ type: "paren", open: m[3] === "(" });
    at = re.lastIndex;
  }
  return tokens;
}

/** Evaluates a token list with the usual precedence; null when it is not well formed. */
export function evaluateArithmetic(tokens: ArithmeticToken[]): number | null {
  let reduced: ArithmeticToken[] | null = tokens;
  for (let guard = 0; reduced && guard <= tokens.length; guard++) {
    if (reduced.length === 1 && reduced[0].type === "num") return reduced[0].value;
    reduced = reduceOnce(reduced);
  }
  return null;
}

/**
 * One step of evaluation, in the order a person writes it out: the innermost parenthesis first
 * (dropping parentheses around a lone number), then the leftmost * or /, then the leftmost + or -.
 */
export function reduceOnce(tokens: ArithmeticToken[]): ArithmeticToken[] | null {
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== "paren") continue;
    if (t.open) open = i;
    else {
      if (open < 0) return null;
      const inner = tokens.slice(open + 1, i);
      if (inner.length === 1 && inner[0].type === "num") return [...tokens.slice(0, open), inner[0], ...tokens.slice(i + 1)];
      const step = reduceFlat(inner);
      if (!step) return null;
      // "(1 + 7)" becomes "8" in one step, as a person would write it.
      if (step.length === 1) return [...tokens.slice(0, open), step[0], ...tokens.slice(i + 1)];
      return [...tokens.slice(0, open + 1), ...step, ...tokens.slice(i)];
    }
  }
  if (open >= 0) return null;
  return reduceFlat(tokens);
}

function reduceFlat(tokens: ArithmeticToken[]): ArithmeticToken[] | null {
  // A leading minus is part of the first number.
  if (tokens.length >= 2 && tokens[0].type === "op" && tokens[0].op === "-" && tokens[1].type === "num") {
    return [number(-tokens[1].value), ...tokens.slice(2)];
  }
  for (const ops of [["*", "/"], ["+", "-"]]) {
    for (let i = 1; i + 1 < tokens.length; i++) {
      const [a, op, b] = [tokens[i - 1], tokens[i], tokens[i + 1]];
      if (op.type !== "op" || !ops.includes(op.op)) continue;
      if (a.type !== "num" || b.type !== "num") return null;
      const value = op.op === "*" ? a.value * b.value : op.op === "/" ? a.value / b.value : op.op === "+" ? a.value + b.value : a.value - b.value;
      return [...tokens.slice(0, i - 1), number(value), ...tokens.slice(i + 2)];
    }
  }
  return null;
}

function number(value: number): ArithmeticToken {
  return { type: "num", value, text: Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12))) };
}

export function renderArithmetic(tokens: ArithmeticToken[]): string {
  let out = "";
  for (const t of tokens) {
    const piece = t.type === "num" ? t.text : t.type === "op" ? t.op : t.open ? "(" : ")";
    if (out === "" || out.endsWith("(") || piece === ")") out += piece;
    else out += ` ${piece}`;
  }
  return out;
}
