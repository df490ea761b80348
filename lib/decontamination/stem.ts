// A deliberately tiny plural stemmer: "buys"/"buy", "cookies"/"cooky", "costs"/"cost". Enough to
// stop singular/plural from splitting n-grams; anything cleverer would blur distinct math words.
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
