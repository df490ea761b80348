// Finds the math spans of a solution ($...$, $$...$$, \(...\), \[...\]) in one linear pass, so the
// answer locator can fall back to "the last formula" without regexes that could backtrack on
// adversarial text.

export interface MathSpan {
  /** Offsets of the content, without the delimiters. */
  start: number;
  end: number;
  /** Offset just past the closing delimiter. */
  outerEnd: number;
  /** Offset of the opening delimiter. */
  outerStart: number;
  display: boolean;
}

export function findMathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      const next = text[i + 1];
      if (next === "$") {
        i += 2;
        continue;
      }
      if (next === "[" || next === "(") {
        const close = next === "[" ? "\\]" : "\\)";
        const to = text.indexOf(close, i + 2);
        if (to < 0) {
          i += 2;
          continue;
        }
        // Inline \( \) must stay on one line: Math-Verify's extractor refuses the multi-line form
        // and we follow it so conformance verdicts agree.
        if (next === "(" && text.slice(i + 2, to).includes("\n")) {
          i += 2;
          continue;
        }
        spans.push({ outerStart: i, start: i + 2, end: to, outerEnd: to + 2, display: next === "[" });
        i = to + 2;
        continue;
      }
      i += 2;
      continue;
    }
    if (c === 36 /* $ */) {
      const display = text[i + 1] === "$";
      const open = display ? 2 : 1;
      const to = findClosingDollar(text, i + open, display);
      if (to < 0) {
        i += open;
        continue;
      }
      spans.push({ outerStart: i, start: i + open, end: to, outerEnd: to + open, display });
      i = to + open;
      continue;
    }
    i++;
  }
  return spans;
}

function findClosingDollar(text: string, from: number, display: boolean): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === "\\") {
      j++;
      continue;
    }
    if (c !== "$") continue;
    if (!display) return j;
    if (text[j + 1] === "$") return j;
  }
  return -1;
}
