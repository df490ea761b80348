// Token counts for the length filters. The recipe counted Llama-3.1 tokens; that tokenizer is not
// available offline, so we count with gpt-tokenizer's cl100k_base, the vocabulary Llama 3's
// tokenizer was extended from. Counts are close but APPROXIMATE, and labelled so wherever shown.
//
// Grading counts every one of 14M solutions, so counting is done here rather than by the
// library's countTokens, with the same result. cl100k_base cuts a text into pieces with one regex
// (the library's own, imported below) and byte-pair encodes each piece on its own, so a text's
// count is the sum of its pieces' counts. Pieces repeat (words, numbers of 1-3 digits, LaTeX
// commands): each distinct piece is counted once by the library and remembered, which halves the
// cost against the library's per-piece rank lookup and LRU merge cache (bench -- grade-rows).
import { countTokens, isWithinTokenLimit } from "gpt-tokenizer/encoding/cl100k_base";
import { CL100K_TOKEN_SPLIT_REGEX } from "gpt-tokenizer/encodingParams/constants";

export const TOKENIZER_LABEL = "approximate Llama-3.1 tokens: cl100k_base via gpt-tokenizer";

// Model outputs may contain text like "<|endoftext|>"; count it as text instead of throwing.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

// A copy, so its lastIndex is ours alone.
const PIECES = new RegExp(CL100K_TOKEN_SPLIT_REGEX.source, CL100K_TOKEN_SPLIT_REGEX.flags);
// Distinct pieces remembered; the release has a few hundred thousand, and a full map is dropped.
const PIECES_REMEMBERED = 200_000;
const pieceTokens = new Map<string, number>();

/** A piece alone is cut into itself again (no alternative of the regex can match more or less of
 * it at its start), so the library's count of it is the count of its byte-pair encoding. */
function tokensOfPiece(piece: string): number {
  let n = pieceTokens.get(piece);
  if (n === undefined) {
    n = countTokens(piece, AS_TEXT);
    if (pieceTokens.size >= PIECES_REMEMBERED) pieceTokens.clear();
    pieceTokens.set(piece, n);
  }
  return n;
}

export function countApproxTokens(text: string): number {
  const pieces = text.match(PIECES);
  let n = 0;
  if (pieces) for (const piece of pieces) n += tokensOfPiece(piece);
  return n;
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
    return { whole, prefix: prefixLength === text.length ? whole : countApproxTokens(text.slice(0, prefixLength)) };
  }
  const split = safeSplitBefore(text, prefixLength);
  const pieces = text.match(PIECES) ?? [];
  let whole = 0;
  let beforeSplit = -1;
  let at = 0;
  for (const piece of pieces) {
    if (at === split) beforeSplit = whole;
    whole += tokensOfPiece(piece);
    at += piece.length;
  }
  // No safe split (or, never, a piece across it): the prefix is counted on its own.
  const prefix = beforeSplit < 0 ? countApproxTokens(text.slice(0, prefixLength)) : beforeSplit + countApproxTokens(text.slice(split, prefixLength));
  return { whole, prefix };
}

/** True when `text` has more than `limit` tokens; stops tokenizing once the limit is passed. */
export function exceedsTokens(text: string, limit: number): boolean {
  // A token covers at least one character, so a short text cannot exceed the limit.
  if (text.length <= limit) return false;
  return isWithinTokenLimit(text, limit, AS_TEXT) === false;
}
