// LaTeX -> MathJSON through the Compute Engine's standalone parser (no engine, no evaluation: a
// parse cannot explode). The parser recurses, so input size and nesting are capped before it runs.
import { LatexSyntax } from "@cortex-js/compute-engine/latex-syntax";
import type { MathJsonExpression } from "@cortex-js/compute-engine/latex-syntax";
import { fastParseLatex } from "@/lib/grading/fast-latex";
import { parseOnThread } from "@/lib/grading/parser-thread";
import { maxNesting } from "@/lib/grading/split-top-level";

export type MathJson = MathJsonExpression;

export const MAX_PARSE_CHARS = 1_000;
export const MAX_PARSE_NESTING = 40;
/** Our own reader is linear: it takes far longer inputs than the Compute Engine's parser. */
export const MAX_FAST_CHARS = 100_000;

let syntax: LatexSyntax | null = null;

export type ParsedLatex = { ok: true; json: MathJson } | { ok: false; why: string; timedOut?: boolean };

/**
 * Inputs the parser is known to handle in linear time stay on this thread; anything with
 * nested brackets (where its backtracking can go exponential) or of some length goes to the
 * parser thread, which can be stopped at the deadline.
 */
export function parseLatex(latex: string, deadline?: number): ParsedLatex {
  // The common forms are read by our own linear reader first; the Compute Engine gets the rest.
  if (latex.length <= MAX_FAST_CHARS) {
    const fast = fastParseLatex(latex);
    if (fast !== null) return { ok: true, json: fast };
  }
  if (latex.length > MAX_PARSE_CHARS) return { ok: false, why: `${latex.length} characters, over the ${MAX_PARSE_CHARS}-character parse limit` };
  const depth = maxNesting(latex);
  if (depth > MAX_PARSE_NESTING) return { ok: false, why: `nested ${depth} deep, over the ${MAX_PARSE_NESTING} limit` };
  let json: MathJson | null;
  if (isRisky(latex)) {
    const remaining = deadline === undefined ? 250 : deadline - performance.now();
    if (remaining <= 0) return { ok: false, why: "no time left to parse", timedOut: true };
    const reply = parseOnThread(latex, remaining);
    if (!reply.ok) return reply;
    json = reply.json;
  } else {
    syntax ??= new LatexSyntax();
    try {
      json = syntax.parse(latex);
    } catch (error) {
      return { ok: false, why: `the LaTeX parser failed (${(error as Error).message.slice(0, 80)})` };
    }
  }
  if (json === null) return { ok: false, why: "empty expression" };
  const error = findError(json, 0);
  if (error) {
    const lenient = latex.length <= MAX_FAST_CHARS ? fastParseLatex(latex, true) : null;
    if (lenient !== null) return { ok: true, json: lenient };
    return { ok: false, why: `LaTeX parse error: ${error}` };
  }
  return { ok: true, json };
}

// Measured: bracket nesting is what makes the parser backtrack ("([" five deep: 5 s); plain
// sums, fractions and roots of a few hundred characters parse in under 10 ms.
export const SAFE_BRACKET_DEPTH = 2;
export const SAFE_LENGTH = 200;

function isRisky(latex: string): boolean {
  if (latex.length > SAFE_LENGTH) return true;
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === "(" || c === "[") {
      depth++;
      if (depth > SAFE_BRACKET_DEPTH) return true;
    } else if (c === ")" || c === "]") depth = Math.max(0, depth - 1);
  }
  return false;
}

function findError(node: unknown, depth: number): string | null {
  if (depth > 200) return "too deep";
  if (Array.isArray(node)) {
    if (node[0] === "Error") return describeError(node);
    for (const child of node) {
      const e = findError(child, depth + 1);
      if (e) return e;
    }
    return null;
  }
  if (node && typeof node === "object" && "fn" in node) return findError((node as { fn: unknown }).fn, depth + 1);
  return null;
}

function describeError(node: unknown[]): string {
  const code = node[1];
  const text = typeof code === "string" ? code : code && typeof code === "object" && "str" in code ? String((code as { str: unknown }).str) : "error";
  return text.replace(/^'|'$/g, "");
}
