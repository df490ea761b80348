// Token counts for the length filters. The recipe counted Llama-3.1 tokens; that tokenizer is not
// available offline, so we count with gpt-tokenizer's cl100k_base, the vocabulary Llama 3's
// tokenizer was extended from. Counts are close but APPROXIMATE, and labelled so wherever shown.
//
// Grading counts every one of 14M solutions, so the count is cl100k-pieces.ts's, equal to the
// library's countTokens and several times cheaper.
import { isWithinTokenLimit } from "gpt-tokenizer/encoding/cl100k_base";
import { AS_TEXT, countPieces, countPiecesAround } from "@/lib/grading/filters/cl100k-pieces";

export const TOKENIZER_LABEL = "approximate Llama-3.1 tokens: cl100k_base via gpt-tokenizer";

export function countApproxTokens(text: string): number {
  return countPieces(text);
}

/**
 * Where the pieces of `text` and of its prefix `text.slice(0, prefixLength)` are known to agree,
 * or -1: the last position p < prefixLength right after a "\n", whose character is not
 * whitespace. No piece crosses such a p (a piece holds a "\n" only at its end, or among
 * whitespace only), and where a piece before p ends is decided by the characters up to p, which
 * the text and the prefix share. Nothing of the regex looks behind, so the pieces after p are
 * those of `text.slice(p)`: the prefix counts as the text's pieces before p plus the pieces of
 * `text.slice(p, prefixLength)`.
 */
export function safeSplitBefore(text: string, prefixLength: number): number {
  if (prefixLength < 2) return -1;
  for (let nl = text.lastIndexOf("\n", prefixLength - 2); nl >= 0; nl = nl === 0 ? -1 : text.lastIndexOf("\n", nl - 1)) {
    if (!WHITESPACE.test(text[nl + 1])) return nl + 1;
  }
  return -1;
}
const WHITESPACE = /\s/u;

/**
 * The counts of `text` and of its prefix `text.slice(0, prefixLength)` (what trim-after-boxed
 * keeps), tokenizing the text once: exactly countApproxTokens of each.
 */
export function countApproxTokensWithPrefix(text: string, prefixLength: number): { whole: number; prefix: number } {
  if (prefixLength >= text.length) {
    const whole = countApproxTokens(text);
    return { whole, prefix: whole };
  }
  const split = safeSplitBefore(text, prefixLength);
  const { whole, beforeSplit } = countPiecesAround(text, split);
  // No safe split (or, never, a piece across it): the prefix is counted on its own.
  const prefix = beforeSplit < 0 ? countPieces(text.slice(0, prefixLength)) : beforeSplit + countPieces(text.slice(split, prefixLength));
  return { whole, prefix };
}

/** True when `text` has more than `limit` tokens; stops tokenizing once the limit is passed. */
export function exceedsTokens(text: string, limit: number): boolean {
  // A token covers at least one character, so a short text cannot exceed the limit.
  if (text.length <= limit) return false;
  return isWithinTokenLimit(text, limit, AS_TEXT) === false;
}
