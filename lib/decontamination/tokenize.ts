// Tokens for retrieval: lowercased, stemmed words; canonical numbers; math operators. Each token
// also says whether it looks like a person/place name or a swappable object noun, which the
// skeleton views mask.
import { NON_NAME_CAPITALISED, OBJECT_WORDS_RAW } from "@/lib/decontamination/lexicon";
import { normalizeForRetrieval } from "@/lib/decontamination/normalize";
import { stem } from "@/lib/decontamination/stem";

export type TokenKind = "word" | "number" | "symbol";
export type Token = { text: string; kind: TokenKind; name: boolean; object: boolean };

const OBJECT_STEMS = new Set(OBJECT_WORDS_RAW.map(stem));
const TOKEN_RE = /\d+(?:\.\d+)?|[A-Za-z]+|<=|>=|!=|\.\.\.|[+\-*/=<>^()|!]|[.?;:\n]/g;
const BOUNDARY = new Set([".", "?", ";", ":", "\n"]);

export function isNameLike(original: string): boolean {
  return /^[A-Z][a-z]+$/.test(original) && !NON_NAME_CAPITALISED.has(original.toLowerCase());
}

export function tokenize(text: string): Token[] {
  const normal = normalizeForRetrieval(text.replace(/\n/g, " \n "));
  const out: Token[] = [];
  for (const m of normal.matchAll(TOKEN_RE)) {
    const raw = m[0];
    if (BOUNDARY.has(raw)) continue;
    if (/^\d/.test(raw)) {
      out.push({ text: raw, kind: "number", name: false, object: false });
    } else if (/^[A-Za-z]/.test(raw)) {
      const word = stem(raw.toLowerCase());
      out.push({ text: word, kind: "word", name: isNameLike(raw), object: OBJECT_STEMS.has(word) });
    } else {
      out.push({ text: raw, kind: "symbol", name: false, object: false });
    }
  }
  return out;
}
