// Finds what the renderer typesets in a problem or solution, in one left-to-right pass:
// - formulas: $...$ (money excluded, see dollar-math.ts), $$...$$, \(...\), \[...\];
// - LaTeX environments written outside any formula, as MATH does ("\begin{align*} ... \end{align*}",
//   "\begin{tabular}", "\begin{array}", "\begin{eqnarray*}"): each becomes one display formula, so
//   its "\\" row breaks reach KaTeX instead of being read as markdown escapes;
// - Asymptote figures ([asy] ... [/asy]), shown as their source, not as text full of "$";
// - "\begin{center}" / "\end{center}" around a table, which only position it and are dropped;
// - GSM8K's calculator notes ("<<15+23=38>>"), kept as text but out of markdown's reach (their
//   "*" would otherwise pair up into italics across the sentence) and out of the dollar rule's.
// This is the renderer's own reading. Grading keeps lib/grading/math-spans.ts, which follows the
// recipe's extractor (Math-Verify) and must not change with how pages look.
import { CALCULATOR_NOTE, findInlineDollarClose } from "@/components/math/dollar-math";

export type RenderSpan =
  | { kind: "math"; outerStart: number; outerEnd: number; start: number; end: number; display: boolean; environment: boolean }
  | { kind: "figure"; outerStart: number; outerEnd: number; start: number; end: number }
  | { kind: "drop"; outerStart: number; outerEnd: number; start: number; end: number }
  | { kind: "calculator"; outerStart: number; outerEnd: number; start: number; end: number };

/** Environments typeset as a display formula when they stand outside one (see normalize-tex.ts). */
export const MATH_ENVIRONMENTS = new Set([
  "align", "align*", "aligned", "alignat", "alignat*", "alignedat", "equation", "equation*",
  "gather", "gather*", "gathered", "multline", "multline*", "flalign", "flalign*", "eqnarray",
  "eqnarray*", "split", "array", "tabular", "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix",
  "Vmatrix", "smallmatrix", "cases", "dcases", "rcases", "subarray", "CD", "displaymath", "math",
]);
/** Environments that only lay out what they hold: the markers are dropped, the content stays. */
const LAYOUT_ENVIRONMENTS = new Set(["center", "flushleft", "flushright", "quote"]);

const BEGIN = /^\\begin\s*\{([a-zA-Z]+\*?)\}/;

/**
 * Offset just past the "\end{name}" that closes the environment whose body starts at `from`
 * (same-name environments nest), or -1.
 */
function findEnvironmentEnd(text: string, name: string, from: number): number {
  const begin = `\\begin{${name}}`;
  const end = `\\end{${name}}`;
  let depth = 1;
  let at = from;
  while (depth > 0) {
    const nextEnd = text.indexOf(end, at);
    if (nextEnd < 0) return -1;
    const nextBegin = text.indexOf(begin, at);
    if (nextBegin >= 0 && nextBegin < nextEnd) {
      depth++;
      at = nextBegin + begin.length;
    } else {
      depth--;
      at = nextEnd + end.length;
    }
  }
  return at;
}

/** Offset of the "$$" closing display math opened at `from`, skipping escaped characters, or -1. */
function findDisplayDollarClose(text: string, from: number): number {
  for (let j = from; j < text.length - 1; j++) {
    const c = text[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c === "$" && text[j + 1] === "$") return j;
  }
  return -1;
}

export function findRenderSpans(text: string): RenderSpan[] {
  const spans: RenderSpan[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === "\\") {
      const next = text[i + 1];
      if (next === "[" || next === "(") {
        const to = text.indexOf(next === "[" ? "\\]" : "\\)", i + 2);
        if (to >= 0) {
          spans.push({ kind: "math", outerStart: i, start: i + 2, end: to, outerEnd: to + 2, display: next === "[", environment: false });
          i = to + 2;
          continue;
        }
      } else if (next === "b" || next === "e") {
        const begin = BEGIN.exec(text.slice(i, i + 40));
        if (begin && MATH_ENVIRONMENTS.has(begin[1])) {
          const to = findEnvironmentEnd(text, begin[1], i + begin[0].length);
          if (to >= 0) {
            spans.push({ kind: "math", outerStart: i, start: i, end: to, outerEnd: to, display: true, environment: true });
            i = to;
            continue;
          }
        }
        const layout = /^\\(?:begin|end)\s*\{([a-zA-Z]+)\}/.exec(text.slice(i, i + 40));
        if (layout && LAYOUT_ENVIRONMENTS.has(layout[1])) {
          const to = i + layout[0].length;
          spans.push({ kind: "drop", outerStart: i, start: i, end: to, outerEnd: to });
          i = to;
          continue;
        }
      }
      // Any other escaped character, "\$" included, is text.
      i += 2;
      continue;
    }
    if (c === "[" && text.startsWith("[asy]", i)) {
      const to = text.indexOf("[/asy]", i + 5);
      if (to >= 0) {
        spans.push({ kind: "figure", outerStart: i, start: i + 5, end: to, outerEnd: to + 6 });
        i = to + 6;
        continue;
      }
    }
    if (c === "<" && text[i + 1] === "<") {
      const note = CALCULATOR_NOTE.exec(text.slice(i, i + 202));
      if (note) {
        spans.push({ kind: "calculator", outerStart: i, start: i + 2, end: i + note[0].length - 2, outerEnd: i + note[0].length });
        i += note[0].length;
        continue;
      }
    }
    if (c === "$") {
      if (text[i + 1] === "$") {
        const to = findDisplayDollarClose(text, i + 2);
        if (to >= 0 && text.slice(i + 2, to).trim() !== "") {
          spans.push({ kind: "math", outerStart: i, start: i + 2, end: to, outerEnd: to + 2, display: true, environment: false });
          i = to + 2;
          continue;
        }
        i += 2;
        continue;
      }
      const to = findInlineDollarClose(text, i);
      if (to >= 0) {
        spans.push({ kind: "math", outerStart: i, start: i + 1, end: to, outerEnd: to + 1, display: false, environment: false });
        i = to + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}
