// Splits a normalised answer at separators that sit outside every bracket, brace and environment,
// so "(0,1) \cup [2,3]" splits at \cup but not at the commas. Brackets are counted without
// pairing their types because half-open intervals like "[0,1)" pair "[" with ")".
import type { Budget } from "@/lib/grading/budget";

export interface TopLevelSplit {
  parts: string[];
  separators: string[];
}

/** `separator` returns the length of a separator starting at i (0 when there is none). */
export function splitTopLevel(s: string, separator: (s: string, i: number) => number, budget?: Budget): TopLevelSplit {
  const parts: string[] = [];
  const separators: string[] = [];
  let depth = 0;
  let from = 0;
  /** Cuts at a separator starting at i and returns its length (0 when there is none). */
  const cut = (i: number): number => {
    const len = separator(s, i);
    if (len > 0) {
      parts.push(s.slice(from, i));
      separators.push(s.slice(i, i + len));
      from = i + len;
    }
    return len;
  };
  for (let i = 0; i < s.length; i++) {
    budget?.tick();
    const c = s[i];
    if (c === "\\") {
      const word = /^\\(begin|end|langle|rangle)(?![A-Za-z])/.exec(s.slice(i, i + 8));
      if (word) {
        depth += word[1] === "begin" || word[1] === "langle" ? 1 : -1;
        i += word[0].length - 1;
        continue;
      }
      const len = depth === 0 ? cut(i) : 0;
      if (len > 0) {
        i += len - 1;
        continue;
      }
      // Skip the escaped character so "\{" counts as a brace but "\," never separates.
      if (s[i + 1] === "{" || s[i + 1] === "}") continue;
      i++;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
    else if (depth === 0) i += Math.max(0, cut(i) - 1);
  }
  parts.push(s.slice(from));
  return { parts, separators };
}

/** Index of the bracket closing the one at `open` (any bracket type), or -1. */
export function matchingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "\\" && s[i + 1] !== "{" && s[i + 1] !== "}") {
      i++;
      continue;
    }
    if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Deepest bracket nesting, to refuse pathological input before a recursive parser sees it. */
export function maxNesting(s: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 123 || c === 40 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 41 || c === 93) depth--;
  }
  return max;
}
