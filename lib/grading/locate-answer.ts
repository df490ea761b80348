// Where the answer sits in what the checker was given: a bare answer, a formula with or without
// $ delimiters, or a whole solution. The order follows Math-Verify's extractor (which the current
// NeMo-Skills grader wraps), so verdicts on whole solutions agree with it: an anchored
// "final answer is X. I hope" or the last box, whichever comes last; then a looser phrase; then,
// for prose, the rightmost formula or number; otherwise the text itself.
import { findBoxes, findFinalAnswerPhrase } from "@/lib/grading/extract";
import { findMathSpans } from "@/lib/grading/math-spans";

export type AnswerSource = "boxed" | "fbox" | "phrase" | "math" | "number" | "whole";

export type LocatedAnswer =
  /** `several`: the last boxes joined by words ("\\boxed{3} and \\boxed{4}"), when there are two or more. */
  | { ok: true; answer: string; source: AnswerSource; several?: string[] }
  | { ok: false; cause: string };

export interface LocateOptions {
  /** Allow a bare number of the prose as the answer (Math-Verify's "expr" extraction). */
  bareNumbers: boolean;
  /** Refuse texts whose boxes disagree. */
  strict: boolean;
}

// Unit and filler words that may follow an answer without making the text prose.
const ANSWER_WORDS = new Set(
  "and or pct percent per cent approx approximately about array pmatrix bmatrix vmatrix degrees degree units unit square cubic dollars dollar cents cm mm km meters meter metres inches inch feet foot ft miles mile hours hour minutes minute seconds sec days day weeks years year grams gram kg pounds lbs mph sqrt frac text mbox mathrm mathbf textbf mathit infty cup cap pmatrix bmatrix matrix begin end left right cdot times div approx leq geq neq pm mp circ pi sin cos tan log ln".split(
    " ",
  ),
);

// A decimal comma ("2,5 kg") counts as one number when a unit word or the sentence end follows.
// A mixed number "4 4/9" (spaces only, no line break) is one number too.
const NUMBER = /(?<![A-Za-z\d.,])-?(?:\d+[ \t]+\d+[ \t]*\/[ \t]*\d+(?!\d|\.\d|\/)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,?\d)|\d+,\d{1,2}(?=\s*[A-Za-z]{1,6}\b|\s*[.!]?\s*$)|\d+(?:\.\d+)?|\.\d+)(?:\s*\/\s*\d+)?/g;

export function locateAnswer(text: string, options: LocateOptions): LocatedAnswer {
  const boxes = findBoxes(text).filter((b) => b.outerEnd >= 0 && text.slice(b.start, b.end).trim() !== "");
  const phrase = findFinalAnswerPhrase(text);
  if (boxes.length > 0) {
    const last = boxes[boxes.length - 1];
    if (phrase?.anchored && phrase.start > last.outerEnd) return fromPhrase(text, phrase.start, phrase.end, options);
    if (options.strict) {
      const distinct = new Set(boxes.map((b) => text.slice(b.start, b.end).trim()));
      if (distinct.size > 1) return { ok: false, cause: `${distinct.size} different boxed answers (strict)` };
    }
    // "\boxed{1}\boxed{2}" or "\boxed{1}, \boxed{2}" is one answer given in pieces (Math-Verify
    // joins them). Boxes separated by words ("... and \boxed{1}", "either ... or") are
    // alternatives, and the recipe's rule applies: the last one is the answer.
    const parts = [text.slice(last.start, last.end)];
    for (let k = boxes.length - 2; k >= 0; k--) {
      const gap = text.slice(boxes[k].outerEnd, boxes[k + 1].outerStart);
      if (!/^[\s,;$]*$/.test(gap)) break;
      parts.unshift(text.slice(boxes[k].start, boxes[k].end));
    }
    const several = wordJoinedBoxes(text, boxes);
    return { ok: true, answer: parts.join(", "), source: last.kind, ...(several.length > parts.length ? { several } : {}) };
  }
  if (phrase) return fromPhrase(text, phrase.start, phrase.end, options);
  return fromUnanchored(text, 0, text.length, options);
}

// Between boxes that give one answer in parts: a few words, commas, \quad, $ and \text{...}
// ("$\boxed{3}$ cats and $\boxed{4}$ dogs", "$x = \boxed{-2}$ or $x = \boxed{1}$"), but no
// sentence with numbers of its own.
const WORD_GAP = /^(?:[\s,;.&$=]|\\q?quad|\\[,;:! ]|\\text\s*\{[^{}\d=]*\}|[A-Za-z]+)*$/;

/** The trailing run of boxes separated only by such gaps (at most 80 characters each). */
function wordJoinedBoxes(text: string, boxes: { start: number; end: number; outerStart: number; outerEnd: number }[]): string[] {
  const last = boxes[boxes.length - 1];
  const run = [text.slice(last.start, last.end)];
  for (let k = boxes.length - 2; k >= 0; k--) {
    const gap = text.slice(boxes[k].outerEnd, boxes[k + 1].outerStart);
    if (gap.length > 80 || /\n\s*\n/.test(gap) || !WORD_GAP.test(gap)) break;
    run.unshift(text.slice(boxes[k].start, boxes[k].end));
  }
  return run;
}

function fromPhrase(text: string, start: number, end: number, options: LocateOptions): LocatedAnswer {
  const found = fromUnanchored(text, start, end, options);
  return found.ok ? { ...found, source: "phrase" } : found;
}

/** A text with no box and no phrase: itself if it reads as an answer, else its last formula. */
function fromUnanchored(text: string, from: number, to: number, options: LocateOptions): LocatedAnswer {
  const piece = text.slice(from, to);
  const spans = findMathSpans(piece).filter((s) => piece.slice(s.start, s.end).trim() !== "");
  const outside = spans.length === 0 ? piece : stripSpans(piece, spans);
  const hasDelimiters = /\\[[(]|(?<!\\)\$/.test(outside);
  if (!hasDelimiters && proseWords(outside) < (spans.length > 0 ? 1 : 2)) {
    return { ok: true, answer: piece.trim(), source: "whole" };
  }
  const lastSpan = spans[spans.length - 1];
  let lastNumber: RegExpExecArray | null = null;
  if (options.bareNumbers) {
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(piece); m; m = NUMBER.exec(piece)) lastNumber = m;
  }
  if (lastNumber && (!lastSpan || lastNumber.index >= lastSpan.outerEnd)) {
    return { ok: true, answer: lastNumber[0], source: "number" };
  }
  if (lastSpan) return { ok: true, answer: piece.slice(lastSpan.start, lastSpan.end), source: "math" };
  if (hasDelimiters) return { ok: false, cause: "math delimiters enclose no usable formula" };
  return { ok: true, answer: piece.trim(), source: "whole" };
}

function stripSpans(text: string, spans: { outerStart: number; outerEnd: number }[]): string {
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += `${text.slice(at, s.outerStart)} `;
    at = s.outerEnd;
  }
  return out + text.slice(at);
}

/** Words that make a text prose rather than an answer; \text{...} contents do not count. */
function proseWords(text: string): number {
  const bare = text.slice(0, 2000).replace(/\\(?:text|mbox|textbf|mathrm)\s*\{[^{}]*\}/g, " ");
  let count = 0;
  for (const m of bare.matchAll(/(?<!\\)\b[A-Za-z]{3,}\b/g)) {
    if (!ANSWER_WORDS.has(m[0].toLowerCase())) count++;
    if (count >= 2) break;
  }
  return count;
}
