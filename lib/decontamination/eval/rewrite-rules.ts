// Rewriting rules for the recall evaluation: realistic ways a synthesized problem can be a
// benchmark problem in disguise. Each rule is deterministic given the rng; families compose rules.
// Prose and LaTeX are handled separately so synonyms never land inside formulas.
import {
  COMMON_FIRST_NAMES,
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
export const swapSynonyms: RewriteRule = (text, rng) => {
  const chosen = new Map<string, string>();
  for (const [from, to] of SYNONYMS) {
    if (!chosen.has(from) && new RegExp(`\\b${escapeRe(from)}\\b`, "i").test(text) && rng() < 0.6) chosen.set(from, to);
  }
  if (chosen.size === 0) return text;
  const keys = [...chosen.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const re = new RegExp(`\\b(${keys.join("|")})\\b`, "gi");
  return mapProse(text, (p) => p.replace(re, (m) => keepCase(m, chosen.get(m.toLowerCase()) ?? m)));
};

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
  return text.replace(/(?<![A-Za-z\d.])\d+(?:\.\d+)?/g, (m) => {
    let to = map.get(m);
    if (to === undefined) {
      to = newNumber(m, rng);
      map.set(m, to);
    }
    return to;
  });
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
  /** every rule at once: a stress test beyond the targets */
  everything: [swapSynonyms, reorderClauses, renamePeople, renameObjects, changeNumbers, respellLatex, addFiller],
} satisfies Record<string, RewriteRule[]>;

export type RewriteFamily = keyof typeof REWRITE_FAMILIES;
export const REWRITE_FAMILY_NAMES = Object.keys(REWRITE_FAMILIES) as RewriteFamily[];

/** Deterministic: the same (family, key, seed) always gives the same rewrite. */
export function rewrite(text: string, family: RewriteFamily, key: string, seed = 7): string {
  const rng = createRng(seedFor(seed, `${family}:${key}`));
  return REWRITE_FAMILIES[family].reduce((t, rule) => rule(t, rng), text);
}
