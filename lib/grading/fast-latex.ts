// A small recursive-descent reader for the LaTeX most answers are written in: numbers, letters,
// + - \cdot \times / \div, implicit products, ^, !, \frac, \sqrt, parentheses, |x|, \pi, \infty
// and a few functions with parenthesised arguments. It emits the same MathJSON the Compute
// Engine's parser does for these forms, several times faster, in linear time and without a depth
// limit of its own beyond MAX_DEPTH (a \frac nested 200 deep is read). Anything else - subscripts,
// unknown commands, ambiguous forms like "\sin x" - returns null and goes to the full parser.
// The type straight from the Compute Engine (latex-to-math-json.ts names it MathJson and imports this file).
import type { MathJsonExpression as MathJson } from "@cortex-js/compute-engine/latex-syntax";

const MAX_DEPTH = 600;

const GREEK = new Set(["alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "sigma", "tau", "omega", "rho", "eta", "kappa", "nu", "xi", "zeta"]);
const FUNCTIONS: Record<string, string> = { sin: "Sin", cos: "Cos", tan: "Tan", sec: "Sec", csc: "Csc", cot: "Cot", arcsin: "Arcsin", arccos: "Arccos", arctan: "Arctan", sinh: "Sinh", cosh: "Cosh", tanh: "Tanh", ln: "Ln", exp: "Exp" };

/** Brackets that group a sum, by their opening character. */
const GROUP_CLOSE = new Map([
  ["(", ")"],
  ["{", "}"],
  ["[", "]"],
]);

class Bail extends Error {}

/**
 * `lenient`: a letter before "(" multiplies ("k(d-k)" is k·(d-k)); used only after the full
 * parser has failed, since "f(x)" usually applies a function.
 */
export function fastParseLatex(latex: string, lenient = false): MathJson | null {
  const reader = new Reader(latex, lenient);
  try {
    reader.skip();
    if (reader.done()) return null;
    const value = reader.sum(0);
    reader.skip();
    return reader.done() ? value : null;
  } catch (error) {
    if (error instanceof Bail || error instanceof RangeError) return null;
    throw error;
  }
}

class Reader {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly lenient: boolean,
  ) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  skip(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === " " || c === "\t" || c === "\n") this.i++;
      else if (this.s.startsWith("\\,", this.i) || this.s.startsWith("\\;", this.i) || this.s.startsWith("\\!", this.i)) this.i += 2;
      else break;
    }
  }

  private peek(): string {
    this.skip();
    return this.s[this.i] ?? "";
  }

  private command(): string | null {
    this.skip();
    if (this.s[this.i] !== "\\") return null;
    const m = /^\\([A-Za-z]+)/.exec(this.s.slice(this.i, this.i + 20));
    return m ? m[1] : null;
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw new Bail();
    this.i++;
  }

  sum(depth: number): MathJson {
    if (depth > MAX_DEPTH) throw new Bail();
    const terms: MathJson[] = [this.product(depth)];
    for (;;) {
      const c = this.peek();
      if (c === "+") {
        this.i++;
        terms.push(this.product(depth));
      } else if (c === "-") {
        this.i++;
        terms.push(["Negate", this.product(depth)]);
      } else break;
    }
    return terms.length === 1 ? terms[0] : ["Add", ...terms];
  }

  private product(depth: number): MathJson {
    let left = this.implicitProduct(depth);
    for (;;) {
      const c = this.peek();
      const cmd = this.command();
      if (c === "*" || cmd === "cdot" || cmd === "times") {
        this.i += c === "*" ? 1 : (cmd as string).length + 1;
        left = ["Multiply", left, this.implicitProduct(depth)];
      } else if (c === "/" || cmd === "div") {
        this.i += c === "/" ? 1 : 4;
        // As the Compute Engine reads it: a/bc is a/(bc).
        left = ["Divide", left, this.implicitProduct(depth)];
      } else break;
    }
    return left;
  }

  private implicitProduct(depth: number): MathJson {
    const factors: MathJson[] = [this.unary(depth)];
    while (this.startsFactor()) factors.push(this.power(depth));
    return factors.length === 1 ? factors[0] : ["InvisibleOperator", ...factors];
  }

  private startsFactor(): boolean {
    const c = this.peek();
    if (/[A-Za-z0-9.({[|]/.test(c)) {
      // "|" closes an absolute value as often as it opens one: only the reader of |...| decides.
      return c !== "|";
    }
    const cmd = this.command();
    return cmd !== null && (cmd === "frac" || cmd === "dfrac" || cmd === "sqrt" || cmd === "pi" || cmd === "infty" || GREEK.has(cmd) || cmd in FUNCTIONS);
  }

  private unary(depth: number): MathJson {
    const c = this.peek();
    if (c === "-") {
      this.i++;
      return ["Negate", this.unary(depth + 1)];
    }
    if (c === "+") {
      this.i++;
      return this.unary(depth + 1);
    }
    return this.power(depth);
  }

  private power(depth: number): MathJson {
    let base = this.postfix(depth);
    if (this.peek() === "^") {
      this.i++;
      const exponent = this.argument(depth + 1, true);
      base = ["Power", base, exponent];
      if (this.peek() === "^") throw new Bail(); // x^2^3: ambiguous
    }
    return base;
  }

  private postfix(depth: number): MathJson {
    let value = this.primary(depth);
    while (this.peek() === "!") {
      this.i++;
      if (this.s[this.i] === "!") throw new Bail(); // double factorial
      value = ["Factorial", value];
    }
    if (this.peek() === "_" || this.peek() === "'") throw new Bail();
    return value;
  }

  /** 4210_{7}: digits in base 7, read as the Compute Engine does (BaseForm of the value). */
  private baseForm(digits: string, base: RegExpExecArray): MathJson {
    const b = Number(base[1]);
    if (b < 2 || b > 36 || digits.includes(".") || [...digits].some((d) => Number(d) >= b)) throw new Bail();
    this.i += base[0].length;
    let value = 0n;
    for (const d of digits) value = value * BigInt(b) + BigInt(d);
    return ["BaseForm", { num: value.toString() }, b];
  }

  /** A bracketed sum: the opening bracket at i, the sum, then `close`. */
  private group(close: string, depth: number): MathJson {
    this.i++;
    const v = this.sum(depth + 1);
    this.expect(close);
    return v;
  }

  /** A TeX argument: a {group}, or one token (a digit, a letter, a command). */
  private argument(depth: number, allowSigned = false): MathJson {
    const c = this.peek();
    if (c === "{") return this.group("}", depth);
    if (/\d/.test(c)) {
      this.i++;
      return { num: c };
    }
    if (/[A-Za-z]/.test(c)) {
      this.i++;
      return c;
    }
    if (allowSigned && c === "-") throw new Bail();
    const cmd = this.command();
    if (cmd === "pi" || cmd === "infty" || (cmd && GREEK.has(cmd))) return this.primary(depth);
    throw new Bail();
  }

  private primary(depth: number): MathJson {
    if (depth > MAX_DEPTH) throw new Bail();
    const c = this.peek();
    if (/[\d.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(this.s.slice(this.i, this.i + 4000));
      if (!m) throw new Bail();
      this.i += m[0].length;
      // "2.5.3" or a digit right after a decimal: not a number we can read safely.
      if (/[\d.]/.test(this.s[this.i] ?? "")) throw new Bail();
      const base = /^_\{?(\d{1,2})\}?/.exec(this.s.slice(this.i, this.i + 6));
      if (base) return this.baseForm(m[0], base);
      return { num: m[0] };
    }
    if (/[A-Za-z]/.test(c)) {
      this.i++;
      // x_0, x_{10}, a_n: one symbol, named as the Compute Engine names it ("x_10").
      const sub = /^_(?:\{([A-Za-z0-9]{1,8})\}|([A-Za-z0-9]))/.exec(this.s.slice(this.i, this.i + 12));
      if (sub) {
        this.i += sub[0].length;
        if (this.peek() === "(" || this.peek() === "_") throw new Bail();
        return `${c}_${sub[1] ?? sub[2]}`;
      }
      // "f(x)" may apply a function or multiply: the full parser decides.
      if (this.peek() === "(" && !this.lenient) throw new Bail();
      // "e" followed by a digit may be a scientific exponent: leave to the full parser.
      if (c === "e" && /^\s*[+-]?\d/.test(this.s.slice(this.i, this.i + 4)) && /\d\s*$/.test(this.s.slice(0, this.i - 1))) throw new Bail();
      return c;
    }
    // Square brackets inside an expression group like parentheses ("\lambda^5 [e^x - 1]"); an
    // interval "[a, b]" has a comma and never gets here as a whole.
    const close = GROUP_CLOSE.get(c);
    if (close) return this.group(close, depth);
    if (c === "|") return ["Abs", this.group("|", depth)];
    const cmd = this.command();
    if (!cmd) throw new Bail();
    this.i += cmd.length + 1;
    if (cmd === "pi") return "Pi";
    if (cmd === "infty") return "PositiveInfinity";
    if (GREEK.has(cmd)) return cmd;
    if (cmd === "frac" || cmd === "dfrac") {
      const num = this.argument(depth + 1);
      const den = this.argument(depth + 1);
      return ["Divide", num, den];
    }
    if (cmd === "sqrt") {
      if (this.peek() === "[") {
        const index = this.group("]", depth);
        return ["Root", this.argument(depth + 1), index];
      }
      return ["Sqrt", this.argument(depth + 1)];
    }
    const fn = FUNCTIONS[cmd];
    if (fn && this.peek() === "(") return [fn, this.group(")", depth)];
    throw new Bail();
  }
}
