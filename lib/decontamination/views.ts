// The "views" of a problem that the index compares. Each view is a set of string features; the
// index weights them by rarity (IDF) and scores each view by weighted cosine.
// - text:      content-word unigrams + word/number/operator 2- and 3-grams (what an embedding sees,
//              minus the paraphrase tolerance, which the unigrams partly recover)
// - skeleton:  2- and 3-grams with numbers -> "#", names -> "@", swappable objects -> "&"
//              (the same template with changed numbers or renamed people still matches)
// - numbers:   the set of numbers and of consecutive number pairs (a reworded question that keeps
//              its numbers still matches)
// - question:  content words of the sentence that asks (the target quantity): a rephrasing keeps
//              what is asked, a same-topic look-alike often asks for something else
import { type Token, tokenize } from "@/lib/decontamination/tokenize";

export const VIEW_NAMES = ["text", "skeleton", "numbers", "question"] as const;
export type ViewName = (typeof VIEW_NAMES)[number];
export const VIEW_COUNT = VIEW_NAMES.length;
export const VIEW_PREFIX = ["t|", "s|", "n|", "q|"] as const;

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
  question: Set<string>;
  /** the token sequence as one string: equal signatures = same problem up to spelling */
  signature: string;
};

// Asymptote figure code ("[asy] size(150); real ticklen=3; ...") is drawing boilerplate shared by
// hundreds of MATH problems: as features it makes unrelated problems with figures look alike. The
// features leave it out; the exact-match signature keeps it (two problems that differ only in
// their figure are not the same problem).
const ASY_BLOCK = /\[asy\][\s\S]*?(\[\/asy\]|$)/g;

export function extractViews(text: string): ViewFeatures {
  const allTokens = tokenize(text);
  const signature = allTokens.map((t) => t.text).join(" ");
  const withoutFigures = text.includes("[asy]") ? text.replace(ASY_BLOCK, " ") : text;
  const tokens = withoutFigures === text ? allTokens : tokenize(withoutFigures);
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
  // The numbers, and each number with the next one: a rephrasing keeps the numbers in (mostly) the
  // same order, a look-alike that happens to share small numbers rarely shares their sequence.
  let previous = "";
  for (const t of tokens) {
    if (t.kind !== "number") continue;
    numbers.add(`n|${t.text}`);
    if (previous && previous !== t.text) numbers.add(`n|${previous} ${t.text}`);
    previous = t.text;
  }
  const question = new Set<string>();
  for (const t of tokenize(questionSentence(withoutFigures))) {
    // (The stemmer turns "does" into "doe": check the stem's plural too.)
    if (t.kind === "word" && !STOPWORDS.has(t.text) && !STOPWORDS.has(`${t.text}s`) && !t.name) question.add(`q|${t.text}`);
  }
  return { text: textView, skeleton: skeletonView, numbers, question, signature };
}

// Trailing instructions about the answer's form are not what is asked.
const ANSWER_FORMAT = /^(express|give|enter|round|write|simplify|leave|put|show|explain|check|think|your answer|answer)\b/i;

/**
 * The sentence that asks: the last one with a question mark, else the last sentence that is not
 * an answer-format instruction ("Express your answer as a common fraction."). Splits only at
 * sentence punctuation followed by a space, so decimals and LaTeX stay whole.
 */
export function questionSentence(text: string): string {
  const sentences = text
    .split(/(?<=[.?!])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = sentences.length - 1; i >= 0; i--) if (sentences[i].includes("?")) return sentences[i];
  for (let i = sentences.length - 1; i >= 0; i--) if (!ANSWER_FORMAT.test(sentences[i])) return sentences[i];
  return sentences.at(-1) ?? "";
}
