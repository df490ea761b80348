// The stand-in can "really" solve one kind of problem: an explicit arithmetic expression after
// "What is", "Compute", "Calculate" or "Evaluate". That gives demos and tests problems whose correct
// answer is known without an answer map. Exact rational arithmetic, so 1/3 + 1/6 is \frac{1}{2}.

interface Fraction {
  n: number;
  d: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

function fraction(n: number, d: number): Fraction {
  if (d === 0) throw new Error("division by zero");
  const g = gcd(n, d) * Math.sign(d);
  return { n: n / g, d: d / g };
}

function parseExpression(source: string): Fraction {
  const tokens = source.match(/\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  if (tokens.join("") !== source.replace(/\s+/g, "")) throw new Error("unexpected character");
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = (): Fraction => {
    const token = tokens[pos++];
    if (token === undefined) throw new Error("unexpected end");
    if (token === "-") {
      const inner = primary();
      return { n: -inner.n, d: inner.d };
    }
    if (token === "(") {
      const inner = sum();
      if (tokens[pos++] !== ")") throw new Error("missing )");
      return inner;
    }
    if (!/^\d/.test(token)) throw new Error(`unexpected ${token}`);
    const [whole, decimals = ""] = token.split(".");
    const scale = 10 ** decimals.length;
    return fraction(Number(whole) * scale + Number(decimals || 0), scale);
  };
  const product = (): Fraction => {
    let left = primary();
    while (peek() === "*" || peek() === "/") {
      const op = tokens[pos++];
      const right = primary();
      left = op === "*" ? fraction(left.n * right.n, left.d * right.d) : fraction(left.n * right.d, left.d * right.n);
    }
    return left;
  };
  const sum = (): Fraction => {
    let left = product();
    while (peek() === "+" || peek() === "-") {
      const op = tokens[pos++];
      const right = product();
      const sign = op === "+" ? 1 : -1;
      left = fraction(left.n * right.d + sign * right.n * left.d, left.d * right.d);
    }
    return left;
  };
  const value = sum();
  if (pos !== tokens.length) throw new Error("trailing input");
  if (!Number.isSafeInteger(value.n) || !Number.isSafeInteger(value.d)) throw new Error("too large");
  return value;
}

export function formatFraction({ n, d }: Fraction): string {
  if (d === 1) return String(n);
  return `${n < 0 ? "-" : ""}\\frac{${Math.abs(n)}}{${d}}`;
}

export interface ArithmeticSolution {
  /** The expression as it will be shown, with * and / (e.g. "3 + 4 * 5"). */
  expression: string;
  answer: string;
}

const ASKS_FOR_VALUE = /(?:what is|compute|calculate|evaluate)\s*:?\s*\$?\s*((?:[-+*/().\d\s]|\\times|\\div|\\cdot|×|÷)+)/i;

/** The exact value of an explicit arithmetic question, or undefined when there is none. */
export function solveArithmetic(problem: string): ArithmeticSolution | undefined {
  const match = ASKS_FOR_VALUE.exec(problem);
  if (!match?.[1]) return undefined;
  const expression = match[1]
    .replace(/\\times|\\cdot|×/g, "*")
    .replace(/\\div|÷/g, "/")
    .replace(/[.\s]+$/, "")
    .trim();
  if (!/\d\s*[-+*/]\s*[-(\d]/.test(expression)) return undefined;
  try {
    return { expression: expression.replace(/\s+/g, " "), answer: formatFraction(parseExpression(expression)) };
  } catch {
    return undefined;
  }
}
