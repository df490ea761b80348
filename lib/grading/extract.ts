// The final answer of a solution, as the recipe defines it: the content of the last \boxed{...}
// (or \fbox{...}), braces matched. Offsets are kept so a reviewer UI can highlight the answer.
import { findMathSpans } from "@/lib/grading/math-spans";

export type ExtractResult =
  | { ok: true; answer: string; source: "boxed" | "fbox" | "phrase" | "math"; start: number; end: number }
  | { ok: false; cause: "no-box" | "unbalanced-braces" | "empty-box" | "several-different-boxes"; detail: string };

export interface ExtractOptions {
  /** What to use when the text holds no box at all. The recipe uses none. */
  fallback?: "none" | "final-answer-phrase" | "last-math";
  /** Refuse a solution whose boxes disagree, instead of taking the last one. */
  strict?: boolean;
}

export interface BoxSpan {
  kind: "boxed" | "fbox";
  /** Offset of the backslash of \boxed. */
  outerStart: number;
  /** Offsets of the content; `end` is where the closing brace is (or would be). */
  start: number;
  end: number;
  /** Offset just past the closing brace; -1 when the braces never balance. */
  outerEnd: number;
}

const BOX_COMMAND = /\\(boxed|fbox)(?![A-Za-z])/g;

/** Every \boxed / \fbox of the text, in order, with brace-matched content. */
export function findBoxes(text: string): BoxSpan[] {
  const boxes: BoxSpan[] = [];
  BOX_COMMAND.lastIndex = 0;
  for (let m = BOX_COMMAND.exec(text); m; m = BOX_COMMAND.exec(text)) {
    const kind = m[1] as "boxed" | "fbox";
    let i = m.index + m[0].length;
    while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
    if (text[i] === "{") {
      const close = matchBrace(text, i);
      boxes.push({ kind, outerStart: m.index, start: i + 1, end: close < 0 ? text.length : close, outerEnd: close < 0 ? -1 : close + 1 });
      if (close < 0) break;
      BOX_COMMAND.lastIndex = close + 1;
    } else if (i > m.index + m[0].length) {
      // "\boxed 5$": the argument is a single token, as TeX reads it.
      let j = i;
      while (j < text.length && !/[\s$.,;]/.test(text[j])) j++;
      boxes.push({ kind, outerStart: m.index, start: i, end: j, outerEnd: j });
    }
  }
  return boxes;
}

/**
 * Index of the brace closing the one at `open`, or -1. Every { and } counts, escaped or not,
 * because that is how the recipe's extractor (and so every MATH `boxed_answer`) was computed;
 * iterative so 10,000 nested braces cost nothing.
 */
export function matchBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function countBoxed(text: string): number {
  return findBoxes(text).length;
}

/** `boxes`: findBoxes(text), when the caller has it already (grading reads a text's boxes once). */
export function extractAnswer(text: string, options: ExtractOptions = {}, boxes: readonly BoxSpan[] = findBoxes(text)): ExtractResult {
  if (boxes.length > 0) {
    const last = boxes[boxes.length - 1];
    if (last.outerEnd < 0) {
      return { ok: false, cause: "unbalanced-braces", detail: `the \\${last.kind}{ at offset ${last.outerStart} is never closed` };
    }
    const answer = text.slice(last.start, last.end);
    if (answer.trim() === "") {
      return { ok: false, cause: "empty-box", detail: `the last \\${last.kind} at offset ${last.outerStart} is empty` };
    }
    if (options.strict) {
      const distinct = new Set(boxes.map((b) => text.slice(b.start, b.end).trim()));
      if (distinct.size > 1) {
        const shown = [...distinct].slice(0, 3).map((s) => JSON.stringify(s.slice(0, 40)));
        return { ok: false, cause: "several-different-boxes", detail: `${distinct.size} different boxed answers: ${shown.join(", ")}` };
      }
    }
    return { ok: true, answer, source: last.kind, start: last.start, end: last.end };
  }
  const fallback = options.fallback ?? "none";
  if (fallback === "final-answer-phrase") {
    const phrase = findFinalAnswerPhrase(text);
    if (phrase) return { ok: true, answer: text.slice(phrase.start, phrase.end), source: "phrase", ...phrase };
  }
  if (fallback === "last-math") {
    const spans = findMathSpans(text).filter((s) => text.slice(s.start, s.end).trim() !== "");
    const last = spans[spans.length - 1];
    if (last) return { ok: true, answer: text.slice(last.start, last.end), source: "math", start: last.start, end: last.end };
  }
  return { ok: false, cause: "no-box", detail: fallback === "none" ? "no \\boxed{} in the text" : `no \\boxed{} and no ${fallback === "last-math" ? "math span" : '"final answer is" phrase'}` };
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** True for the Minerva form "The final answer is X. I hope it is correct." */
  anchored: boolean;
}

const FINAL_ANSWER = /final answer is\s*:?\s*/gi;
// Bounded look-ahead: the phrase content is short, and a bound keeps huge inputs linear.
const PHRASE_WINDOW = 400;

/** The last "final answer is X" of the text; X stops at "I hope", the end of its line or text. */
export function findFinalAnswerPhrase(text: string): PhraseMatch | null {
  let last: RegExpExecArray | null = null;
  FINAL_ANSWER.lastIndex = 0;
  for (let m = FINAL_ANSWER.exec(text); m; m = FINAL_ANSWER.exec(text)) last = m;
  if (!last) return null;
  const from = last.index + last[0].length;
  const window = text.slice(from, from + PHRASE_WINDOW);
  const hope = window.search(/\s*I hope/i);
  let end = hope >= 0 ? hope : window.search(/\n|$/);
  let piece = window.slice(0, end);
  // Trailing sentence punctuation is not part of the answer; a full stop inside a number is.
  while (/[.\s]$/.test(piece)) piece = piece.slice(0, -1);
  end = piece.length;
  let start = 0;
  // Quotes around the answer, sometimes escaped (\"$12$\"), are not part of it.
  start = /^(?:\s|\\?["'])*/.exec(piece)?.[0].length ?? 0;
  end -= /(?:\\?["'])*$/.exec(piece)?.[0].length ?? 0;
  if (end <= start) return null;
  return { start: from + start, end: from + end, anchored: hope >= 0 };
}
