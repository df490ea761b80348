// What the recipe's per-solution export filters need to know about a solution, computed ONCE when
// it is graded and stored on `samples`, so an export decides every default filter in SQL instead
// of tokenizing and checking 14M texts again (docs/datasets.md, "Export"). Pure.
//
// Everything here describes the solution AFTER trim-after-boxed (the default), because the length
// and arithmetic filters run on the trimmed text; the box count is of the whole text, as the
// box filters read it. An export with trimming off decides those filters from the text instead.
import { type BoxSpan, findBoxes } from "@/lib/grading/extract";
import { countApproxTokens, countApproxTokensWithPrefix } from "@/lib/grading/filters/count-tokens";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";

/** Bump when any function below changes what it returns: rows stored with another version are
 * decided from their text again, as rows graded before these columns existed are. */
export const FILTER_INPUTS_VERSION = 1;

export interface SolutionFilterInputs {
  /** \boxed{} / \fbox{} in the whole solution (no-boxed, multi-boxed). */
  boxedCount: number;
  /** Code points kept by trim-after-boxed (what SQL's left() counts); null when trimming changes nothing. */
  trimmedChars: number | null;
  /** UTF-16 length of the trimmed solution (JavaScript's length: solution-too-short). */
  trimmedLength: number;
  /** Approximate tokens of the solution as the solution-too-long filter measures them: "more than
   * N tokens" is exactly `trimmedTokens > N` (untrimmed: the full count, as grading stores it in
   * token_count; trimmed: filterTokens of the trimmed text). */
  trimmedTokens: number;
  /** Why the arithmetic check drops the trimmed solution; null when it passes. */
  arithmeticError: string | null;
  /** filterTokens(problem): the problem-too-long filter, stored with each solution so a row's inputs are all in one place. */
  problemTokens: number;
}

/**
 * The token measure a length bound compares with. `exceedsTokens(text, n)` is
 * `text.length > n && tokens > n`, i.e. `min(length, tokens) > n`: storing the minimum lets one
 * stored number answer the bound for every n.
 */
export function filterTokens(text: string): number {
  return Math.min(text.length, countApproxTokens(text));
}

/** Counts the code points of `text` (astral characters are one, as in PostgreSQL). */
export function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * The filter inputs of one solution of `problem` (the arithmetic check reads the problem).
 * `known` passes what the caller computed already: the untrimmed solution's token count (grading
 * counts it for the browser) and the problem's filterTokens (the same for all its solutions).
 */
export function solutionFilterInputs(problem: string, solution: string, known: { untrimmedTokens?: number; problemTokens?: number } = {}): SolutionFilterInputs {
  return measureSolution(problem, solution, known).inputs;
}

/**
 * The solution's whole token count (what grading stores in token_count) with its filter inputs,
 * reading the text once: its boxes once (`known.boxes`, when the caller found them already) and
 * its tokens in one pass, the trimmed text's count taken from the whole one's pieces
 * (countApproxTokensWithPrefix). The same values as countApproxTokens and solutionFilterInputs.
 */
export function measureSolution(
  problem: string,
  solution: string,
  known: { untrimmedTokens?: number; problemTokens?: number; boxes?: readonly BoxSpan[] } = {},
): { tokenCount: number; inputs: SolutionFilterInputs } {
  const boxes = known.boxes ?? findBoxes(solution);
  const trimmed = trimAfterBoxed(solution, boxes);
  const same = trimmed === solution;
  // Untrimmed, the export compared grading's stored count itself; trimmed, it counted the trimmed
  // text with exceedsTokens. Both measures are kept as they were, so no decision changes.
  let tokenCount = known.untrimmedTokens;
  let trimmedTokens: number;
  if (same) trimmedTokens = tokenCount ??= countApproxTokens(solution);
  else if (tokenCount !== undefined) trimmedTokens = filterTokens(trimmed);
  else {
    const counts = countApproxTokensWithPrefix(solution, trimmed.length);
    tokenCount = counts.whole;
    trimmedTokens = Math.min(trimmed.length, counts.prefix);
  }
  const inputs = {
    boxedCount: boxes.length,
    trimmedChars: same ? null : codePoints(trimmed),
    trimmedLength: trimmed.length,
    trimmedTokens,
    arithmeticError: incorrectArithmeticReason({ problem, solution: trimmed }),
    problemTokens: known.problemTokens ?? filterTokens(problem),
  };
  return { tokenCount, inputs };
}
