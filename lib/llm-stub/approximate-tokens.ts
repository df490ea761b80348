// Usage numbers only need to be plausible (about four characters per token for English and LaTeX);
// the stand-in has no tokenizer. Truncation by max_tokens uses the same rule so the two agree.
export const CHARS_PER_TOKEN = 4;

export function approximateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** The longest prefix of `text` whose approximate token count is at most `maxTokens`. */
export function cutToTokens(text: string, maxTokens: number): string {
  return text.slice(0, Math.max(0, maxTokens) * CHARS_PER_TOKEN);
}
