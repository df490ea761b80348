// Token counts for the length filters. The recipe counted Llama-3.1 tokens; that tokenizer is not
// available offline, so we count with gpt-tokenizer's cl100k_base, the vocabulary Llama 3's
// tokenizer was extended from. Counts are close but APPROXIMATE, and labelled so wherever shown.
import { countTokens, isWithinTokenLimit } from "gpt-tokenizer/encoding/cl100k_base";

export const TOKENIZER_LABEL = "approximate Llama-3.1 tokens: cl100k_base via gpt-tokenizer";

// Model outputs may contain text like "<|endoftext|>"; count it as text instead of throwing.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

export function countApproxTokens(text: string): number {
  return countTokens(text, AS_TEXT);
}

/** True when `text` has more than `limit` tokens; stops tokenizing once the limit is passed. */
export function exceedsTokens(text: string, limit: number): boolean {
  // A token covers at least one character, so a short text cannot exceed the limit.
  if (text.length <= limit) return false;
  return isWithinTokenLimit(text, limit, AS_TEXT) === false;
}
