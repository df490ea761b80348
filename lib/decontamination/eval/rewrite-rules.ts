// Rewriting rules for the recall evaluation: realistic ways a synthesized problem can be a
// benchmark problem in disguise. Each rule is deterministic given the rng; families compose rules.
// Prose and LaTeX are handled separately so synonyms never land inside formulas.
import {
  COMMON_FIRST_NAMES,
  DISTRACTORS,
  DRIFT_WORDS,
  HELD_OUT_SYNONYMS,
  FILLER_AFTER,
  FILLER_BEFORE,
  OBJECTS,
  REPLACEMENT_NAMES,
  SYNONYMS,
} from "@/lib/decontamination/eval/rewrite-lexicon";
import { createRng, pick, type Rng, seedFor } from "@/lib/decontamination/eval/prng";

export type RewriteRule = (text: string, rng: Rng) => string;

type Segment = { math: boolean; text: string };

// GSM8K uses "$" for dollars; only treat "$...$" as math when the text looks like LaTeX at all.
function segments(text: string): Segment[] {
  const looksLatex = /\\[a-zA-Z]|\^|_\{|\$\$/.test(text);
  const re = looksLatex
    ? /(\$\$[\s\S]*?\$\$|\$[^$]*\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\])/g
    : /(\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\])/g;
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ math: false, text: text.slice(last, m.index) });
    out.push({ math: true, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ math: false, text: text.slice(last) });
  return out;
}

function mapProse(text: string, f: (prose: string) => string): string {
  return segments(text)
    .map((s) => (s.math ? s.text : f(s.text)))
    .join("");
}

function mapMath(text: string, f: (math: string) => string): string {
  return segments(text)
    .map((s) => (s.math ? f(s.text) : s.text))
    .join("");
}

function keepCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Swap ~60% of the applicable phrases for a synonym, in one pass so swaps never chain. */
export const swapSynonyms: RewriteRule = (text, rng) => swapFrom(SYNONYMS, text, rng);

/** The held-out family's paraphrases (a different list, see HELD_OUT_SYNONYMS). */
export const swapHeldOutSynonyms: RewriteRule = (text, rng) => swapFrom(HELD_OUT_SYNONYMS, text, rng);

function swapFrom(pairs: [string, string][], text: string, rng: Rng): string {
  const chosen = new Map<string, string>();
  for (const [from, to] of pairs) {
    if (!chosen.has(from) && new RegExp(`\\b${escapeRe(from)}\\b`, "i").test(text) && rng() < 0.6) chosen.set(from, to);
  }
  if (chosen.size === 0) return text;
  const keys = [...chosen.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(`\\b(${keys.join("|")})\\b`, "gi");
  return mapProse(text, (p) => p.replace(re, (m) => keepCase(m, chosen.get(m.toLowerCase()) ?? m)));
}

/** Reorder: swap two adjacent context sentences, or turn "If A, B?" into "B if A?". */
export const reorderClauses: RewriteRule = (text, rng) => {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  if (sentences.length >= 3) {
    const i = Math.floor(rng() * (sentences.length - 2));
    [sentences[i], sentences[i + 1]] = [sentences[i + 1], sentences[i]];
    return sentences.join(" ");
  }
  const last = sentences[sentences.length - 1];
  const m = /^If ([^,]{3,}), (.+?)([.?!])$/.exec(last);
  if (m) {
    sentences[sentences.length - 1] = `${m[2][0].toUpperCase()}${m[2].slice(1)} if ${m[1]}${m[3]}`;
    return sentences.join(" ");
  }
  if (sentences.length === 2) return `${sentences[0]} ${sentences[1]}`.replace(/^(.*?)\.\s+(.*)$/, "$1, and so: $2");
  return text;
};

export const addFiller: RewriteRule = (text, rng) => {
  const r = rng();
  if (r < 0.4) return `${pick(rng, FILLER_BEFORE)} ${text}`;
  if (r < 0.8) return `${text} ${pick(rng, FILLER_AFTER)}`;
  return `${pick(rng, FILLER_BEFORE)} ${text} ${pick(rng, FILLER_AFTER)}`;
};

/** Person names: capitalised words that also occur mid-sentence, plus common first names. */
export function detectNames(text: string): string[] {
  const prose = segments(text)
    .map((s) => (s.math ? " " : s.text))
    .join("");
  const names = new Set<string>();
  for (const m of prose.matchAll(/\b[A-Z][a-z]{2,}\b/g)) {
    const word = m[0];
    const before = prose.slice(0, m.index).trimEnd();
    const sentenceStart = before === "" || /[.!?:"]$/.test(before);
    if (COMMON_FIRST_NAMES.has(word.toLowerCase()) || (!sentenceStart && !NOT_PEOPLE.test(word))) names.add(word);
  }
  return [...names];
}

// Capitalised mid-sentence words that are not people.
const NOT_PEOPLE =
  /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Earth|Christmas|Halloween|The|What|How|Find|If)$/;

export const renamePeople: RewriteRule = (text, rng) => {
  const names = detectNames(text);
  if (names.length === 0) return text;
  const pool = REPLACEMENT_NAMES.filter((n) => !text.includes(n));
  const map = new Map<string, string>();
  for (const n of names) {
    const i = Math.floor(rng() * pool.length);
    map.set(n, pool.splice(i, 1)[0] ?? n);
  }
  const re = new RegExp(`\\b(${names.map(escapeRe).join("|")})\\b`, "g");
  return mapProse(text, (p) => p.replace(re, (m) => map.get(m) ?? m));
};

export const renameObjects: RewriteRule = (text, rng) => {
  const present = OBJECTS.filter(([s, p]) => new RegExp(`\\b(${s}|${p})\\b`, "i").test(text));
  if (present.length === 0) return text;
  const pool = OBJECTS.filter((o) => !present.includes(o));
  const map = new Map<string, string>();
  for (const [s, p] of present) {
    const [ns, np] = pool.splice(Math.floor(rng() * pool.length), 1)[0];
    map.set(s, ns);
    map.set(p, np);
  }
  const re = new RegExp(`\\b(${[...map.keys()].sort((a, b) => b.length - a.length).join("|")})\\b`, "gi");
  return mapProse(text, (prose) => prose.replace(re, (m) => keepCase(m, map.get(m.toLowerCase()) ?? m)));
};

function newNumber(n: string, rng: Rng): string {
  const [int, frac] = n.split(".");
  const value = Number(int);
  let next: number;
  if (value <= 1 && !frac) return n; // 0 and 1 are usually structural (x^1, "at least 1")
  if (int.length === 1) {
    do next = 2 + Math.floor(rng() * 8);
    while (next === value && !frac);
  } else {
    const lo = 10 ** (int.length - 1);
    do next = lo + Math.floor(rng() * 9 * lo);
    while (next === value);
  }
  if (frac) return `${next}.${frac.slice(0, -1)}${(Number(frac.at(-1)) + 1 + Math.floor(rng() * 8)) % 10}`;
  return String(next);
}

/** Same template, other numbers: every number other than 0/1 changes, consistently within a problem. */
export const changeNumbers: RewriteRule = (text, rng) => {
  const map = new Map<string, string>();
  return text.replace(NUMBER_RE, (m) => {
    let to = map.get(m);
    if (to === undefined) {
      to = newNumber(m, rng);
      map.set(m, to);
    }
    return to;
  });
};

const NUMBER_RE = /(?<![A-Za-z\d.])\d+(?:\.\d+)?/g;

/** GSM-Plus "numerical substitution": one number (not 0/1) changes, the rest stays. */
export const changeOneNumber: RewriteRule = (text, rng) => {
  const all = [...text.matchAll(NUMBER_RE)].filter((m) => Number(m[0]) > 1);
  if (all.length === 0) return text;
  const target = all[Math.floor(rng() * all.length)];
  const at = target.index ?? 0;
  return text.slice(0, at) + newNumber(target[0], rng) + text.slice(at + target[0].length);
};

/** GSM-Hard / GSM-Plus "digit expansion": every integer above 1 gets 2-4 more digits. */
export const enlargeNumbers: RewriteRule = (text, rng) => {
  const map = new Map<string, string>();
  return text.replace(NUMBER_RE, (m) => {
    if (m.includes(".") || Number(m) <= 1) return m;
    let to = map.get(m);
    if (to === undefined) {
      to = m;
      const extra = 2 + Math.floor(rng() * 3);
      for (let i = 0; i < extra; i++) to += String(Math.floor(rng() * 10));
      map.set(m, to);
    }
    return to;
  });
};

/** GSM-Plus "integer-decimal-fraction conversion": one whole number becomes a decimal or a mixed number. */
export const convertNumberFormat: RewriteRule = (text, rng) => {
  const all = [...text.matchAll(NUMBER_RE)].filter((m) => /^\d+$/.test(m[0]) && Number(m[0]) > 1);
  if (all.length === 0) return text;
  const target = all[Math.floor(rng() * all.length)];
  const at = target.index ?? 0;
  const to = rng() < 0.5 ? `${target[0]}.5` : `${target[0]} and a half`;
  return text.slice(0, at) + to + text.slice(at + target[0].length);
};

/** The problem's sentences, the asking one last. */
function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z\\$])/);
}

/** GSM-Plus "distractor insertion" / GSM-NoOp: an irrelevant sentence with a number before the question. */
export const insertDistractor: RewriteRule = (text, rng) => {
  const sentences = splitSentences(text);
  const nouns = [...mapProse(text, (p) => p).matchAll(/\b([a-z]{4,}s)\b/g)].map((m) => m[1]).filter((w) => !/(ss|us|is)$/.test(w));
  const noun = nouns.length ? pick(rng, nouns) : "items";
  const sentence = pick(rng, DISTRACTORS)
    .replace("{n}", String(2 + Math.floor(rng() * 40)))
    .replace("{x}", noun);
  sentences.splice(Math.max(0, sentences.length - 1), 0, sentence);
  return sentences.join(" ");
};

/** Restructured the way LLM paraphrases often are: the question first, then the facts. */
export const questionFirst: RewriteRule = (text, rng) => {
  const sentences = splitSentences(text);
  if (sentences.length < 2) return text;
  const askIndex = sentences.findLastIndex((s) => s.includes("?"));
  const i = askIndex >= 0 ? askIndex : sentences.length - 1;
  const [ask] = sentences.splice(i, 1);
  const lead = pick(rng, ["Here is what we know:", "Given the following:", "The facts are these."]);
  return `${ask} ${lead} ${sentences.join(" ")}`;
};

const FUNCTION_WORDS = new Set(
  "a an the of to in on at for from by with and or is are was were be it its this that as if then than so what how many much does do did has have had he she they her his their we you each per".split(" "),
);

const NUMBER_WORDS = /^(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|half|twice|double|triple|dozen)$/;

/**
 * Lexical drift, the way a free (LLM) paraphrase rewords: each prose word that is not a number or
 * a name is replaced with probability `rate` (content words) or `rate / 2` (function words) by an
 * everyday word. Numbers, names and formulas stay: a paraphrase keeps the facts.
 */
export function lexicalDrift(rate: number): RewriteRule {
  // Figure code ([asy] ... [/asy]) is left alone: a paraphrase redraws nothing.
  return (text, rng) =>
    mapProse(text, (p) =>
      p.replace(/\[asy\][\s\S]*?\[\/asy\]|\b[A-Za-z][a-z']*\b/g, (w) => {
        if (w.startsWith("[asy]")) return w;
        if (/^[A-Z]/.test(w) && !/^(The|A|An|If|How|What|Find|She|He|They|It|In|On|Each|Every)$/.test(w)) return w;
        const lower = w.toLowerCase();
        if (NUMBER_WORDS.test(lower)) return w;
        const r = FUNCTION_WORDS.has(lower) ? rate / 2 : rate;
        return rng() < r ? keepCase(w, pick(rng, DRIFT_WORDS)) : w;
      }),
    );
}

/** Only the asking sentence is reworded (heavily): "rewritten question". */
export const rewordQuestion: RewriteRule = (text, rng) => {
  const sentences = splitSentences(text);
  const i = sentences.findLastIndex((s) => s.includes("?"));
  const at = i >= 0 ? i : sentences.length - 1;
  sentences[at] = lexicalDrift(0.6)(sentences[at], rng);
  return sentences.join(" ");
};

const SMALL_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** The same maths spelled differently: \dfrac, \leq, braces, \( \), 1,000, "three", "percent". */
export const respellLatex: RewriteRule = (text, rng) => {
  const useParens = rng() < 0.5;
  let out = mapMath(text, (m) => {
    let s = m
      .replace(/\\frac\b/g, "\\dfrac")
      .replace(/\\le\b/g, "\\leq")
      .replace(/\\ge\b/g, "\\geq")
      .replace(/\\cdot\b/g, "\\times")
      .replace(/\^(\d)/g, "^{$1}")
      .replace(/_(\d)/g, "_{$1}")
      .replace(/\\left\(/g, "(")
      .replace(/\\right\)/g, ")");
    if (useParens && /^\$[^$]/.test(s)) s = `\\(${s.slice(1, -1)}\\)`;
    return s;
  });
  out = mapProse(out, (p) =>
    p
      .replace(/(?<![\d.,$])(\d{4,})(?![\d.,])/g, (n) => Number(n).toLocaleString("en-US"))
      .replace(/(?<![\w.$-])([2-9]|1[0-2])(?![\w.%,$])/g, (n) => (rng() < 0.5 ? SMALL_WORDS[Number(n)] : n))
      .replace(/(\d)%/g, "$1 percent"),
  );
  return out;
};

export const REWRITE_FAMILIES = {
  /** reworded, numbers kept: synonyms, reordered clauses, filler */
  paraphrase: [swapSynonyms, reorderClauses, addFiller],
  /** LaTeX and number formats re-spelled, wording kept */
  "latex-respelled": [respellLatex],
  /** people and objects renamed, numbers kept */
  renamed: [renamePeople, renameObjects],
  /** same template, all numbers (other than 0 and 1) changed */
  "numbers-changed": [changeNumbers],
  /** renamed people and objects and changed numbers */
  "renamed-numbers-changed": [renamePeople, renameObjects, changeNumbers],
  /** GSM-Plus numerical substitution: one number changed */
  "number-substitution": [changeOneNumber],
  /** GSM-Hard / GSM-Plus digit expansion: every number made larger */
  "harder-numbers": [enlargeNumbers],
  /** GSM-Plus distractor insertion / GSM-NoOp: an irrelevant sentence with a number */
  distractor: [insertDistractor],
  /** LLM paraphrase: half of the words reworded, clauses reordered, numbers and names kept */
  "llm-paraphrase": [lexicalDrift(0.5), reorderClauses],
  /** HELD OUT: a freer paraphrase than the fit saw: 70% of the words, question first */
  "llm-paraphrase-heavy": [lexicalDrift(0.7), reorderClauses, questionFirst],
  /** HELD OUT: the asking sentence heavily reworded, the rest lightly, question first */
  "rewritten-question": [rewordQuestion, lexicalDrift(0.15), questionFirst],
  /** HELD OUT (never used to fit the score): other synonyms, question first, a number re-formatted */
  restated: [swapHeldOutSynonyms, questionFirst, convertNumberFormat],
  /** every rule at once: a stress test beyond the targets */
  everything: [swapSynonyms, reorderClauses, renamePeople, renameObjects, changeNumbers, respellLatex, addFiller],
} satisfies Record<string, RewriteRule[]>;

/** Families the score's weights were never fitted on. */
export const HELD_OUT_FAMILIES: RewriteFamily[] = ["llm-paraphrase-heavy", "rewritten-question", "restated", "everything"];

/** Which published variant set each family imitates (for the report). */
export const FAMILY_IMITATES: Record<RewriteFamily, string> = {
  paraphrase: "LLM paraphrase / GSM-Plus problem understanding (synonyms, reordered clauses, filler)",
  "latex-respelled": "re-typeset copies",
  renamed: "renamed people and objects",
  "numbers-changed": "MATH functional variants / MATH-Perturb simple (all numbers changed)",
  "renamed-numbers-changed": "GSM-Symbolic templates (names and numbers)",
  "number-substitution": "GSM-Plus numerical substitution",
  "harder-numbers": "GSM-Hard / GSM-Plus digit expansion",
  distractor: "GSM-Plus distractor insertion / GSM-NoOp",
  "llm-paraphrase": "LLM paraphrases (half of the words reworded, clauses reordered)",
  "llm-paraphrase-heavy": "held out: freer LLM paraphrases (70% of the words reworded, question first)",
  "rewritten-question": "held out: rewritten questions (the ask reworded, question first)",
  restated: "held out: unseen synonyms, question first, decimal/fraction conversion",
  everything: "held out: every rule at once (stress)",
};

export type RewriteFamily = keyof typeof REWRITE_FAMILIES;
export const REWRITE_FAMILY_NAMES = Object.keys(REWRITE_FAMILIES) as RewriteFamily[];

/** Deterministic: the same (family, key, seed) always gives the same rewrite. */
export function rewrite(text: string, family: RewriteFamily, key: string, seed = 7): string {
  const rng = createRng(seedFor(seed, `${family}:${key}`));
  return REWRITE_FAMILIES[family].reduce((t, rule) => rule(t, rng), text);
}
