// The "views" of a problem that the index compares. Each view is a set of string features; the
// index weights them by rarity (IDF) and scores each view by weighted cosine.
// - text:      content-word unigrams + word/number/operator 2- and 3-grams (what an embedding sees,
//              minus the paraphrase tolerance, which the unigrams partly recover)
// - skeleton:  2- and 3-grams with numbers -> "#", names -> "@", swappable objects -> "&"
//              (the same template with changed numbers or renamed people still matches)
// - numbers:   the set of numbers (a reworded question that keeps its numbers still matches)
import { type Token, tokenize } from "@/lib/decontamination/tokenize";

export const VIEW_NAMES = ["text", "skeleton", "numbers"] as const;
export type ViewName = (typeof VIEW_NAMES)[number];
export const VIEW_COUNT = VIEW_NAMES.length;
export const VIEW_PREFIX = ["t|", "s|", "n|"] as const;

// Frequent function words: useful inside n-grams (they carry word order) but noise as unigrams.
const STOPWORDS = new Set(
  `a an the of to in on at for from by with and or is are was were be it its this that these those
  as if then than so what how many much does do did has have had he she they her his their them we
  you your i each per will would can could there which who when where all any some into out up down
  about after before over under`.split(/\s+/),
);

export function maskedSkeleton(tokens: Token[]): string[] {
  return tokens.map((t) => (t.kind === "number" ? "#" : t.name ? "@" : t.object ? "&" : t.text));
}

/** Human-readable skeleton, e.g. "@ duck lay # egg per day". */
export function skeletonOf(text: string): string {
  return maskedSkeleton(tokenize(text)).join(" ");
}

function addNgrams(out: Set<string>, prefix: string, words: string[], n: number): void {
  for (let i = 0; i + n <= words.length; i++) {
    let gram = words[i];
    for (let j = 1; j < n; j++) gram += ` ${words[i + j]}`;
    out.add(prefix + gram);
  }
}

export type ViewFeatures = {
  text: Set<string>;
  skeleton: Set<string>;
  numbers: Set<string>;
  /** the token sequence as one string: equal signatures = same problem up to spelling */
  signature: string;
};

export function extractViews(text: string): ViewFeatures {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.text);
  const textView = new Set<string>();
  for (const t of tokens) if (t.kind !== "symbol" && !STOPWORDS.has(t.text)) textView.add(`t|${t.text}`);
  addNgrams(textView, "t|", words, 2);
  addNgrams(textView, "t|", words, 3);
  const skeletonView = new Set<string>();
  const skeleton = maskedSkeleton(tokens);
  addNgrams(skeletonView, "s|", skeleton, 2);
  addNgrams(skeletonView, "s|", skeleton, 3);
  const numbers = new Set<string>();
  for (const t of tokens) if (t.kind === "number") numbers.add(`n|${t.text}`);
  return { text: textView, skeleton: skeletonView, numbers, signature: words.join(" ") };
}
