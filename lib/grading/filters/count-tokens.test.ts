import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { describe, expect, it } from "vitest";
import { CL100K_TOKEN_SPLIT_REGEX as SPLIT } from "gpt-tokenizer/encodingParams/constants";
import { cl100kPieces } from "@/lib/grading/filters/cl100k-pieces";
import { countApproxTokens, countApproxTokensWithPrefix, safeSplitBefore } from "@/lib/grading/filters/count-tokens";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";

// The library's own count: what ours must equal, piece cache or not.
const library = (text: string) => countTokens(text, { disallowedSpecial: new Set<string>() });

// Texts where cutting pieces could go wrong: no newline, whitespace runs at the end, CRLF, "\n "
// runs, unicode letters, digits and spaces (NBSP, ideographic space, U+2028), astral characters,
// a box on the first line, newlines at the end, contractions across a line, special-token text.
const ADVERSARIAL = [
  "",
  "\n",
  "\n\n\n",
  "   ",
  "a",
  "So \\boxed{5}.",
  "\\boxed{5}\nThat is all.",
  "\\boxed{5}\n\nThat is all.\n",
  "Step 1: 3 + 4 = 7\nStep 2: 7 * 2 = 14\nSo $\\boxed{14}$.\nI hope it is correct.",
  "Line one  \nLine two\t\n\tindented\n  \n \nlast   ",
  "CRLF text\r\nsecond line\r\n\\boxed{2}\r\nafter\r\n",
  "mixed\r\rlone CR\n\r\nX",
  "trailing newlines\n\n\\boxed{3}\n\n\n",
  "\n leading space line\n\n  two spaces\nx",
  "unicode: été, naïve, 数学题, ١٢٣ and ٤٥٦٧\n\\boxed{١٢}\nπr² ≈ 3.14159\n",
  "nbsp\u00a0here\n\u00a0starts with NBSP\n\u3000ideographic\n\u2028line sep\nend",
  "emoji 😀😀 and 𝔸𝔹\n𝔸 starts a line\n😀\n\\boxed{𝔸}\nmore",
  "it's\n'll be fine\n'S caps\n's\nwe'RE",
  "numbers 1234567 12 3\n4567\n89\n",
  "<|endoftext|> at the start\n<|endoftext|>\n\\boxed{<|endoftext|>}\n",
  "   \n\t\n \r\n",
  "a\n\n\n\nb\n \n c\n\t\nd",
  "$$\n\\frac{1}{2}\n$$\n\\[ x = 2 \\]\n\\boxed{2}",
  "tab\tseparated\n\tcolumns\n\t\n",
  "}\n{\n)\n(\n...\n!!!\n",
];

function sharedSolutions(count: number): string[] {
  const read = (file: string, field: string) =>
    readFileSync(join(process.cwd(), "..", "shared", "data", file), "utf8")
      .trim()
      .split("\n")
      .slice(0, count)
      .map((l) => String((JSON.parse(l) as Record<string, unknown>)[field]));
  return [...read("gsm8k/test.jsonl", "answer"), ...read("math/test.jsonl", "solution")];
}

// Every prefix of a text is a prefix trimAfterBoxed could keep, and more (they may end in spaces).
function everyPrefixAgrees(text: string): void {
  const whole = library(text);
  for (let k = 0; k <= text.length; k++) {
    expect(countApproxTokensWithPrefix(text, k), `${JSON.stringify(text)} at ${k}`).toEqual({ whole, prefix: library(text.slice(0, k)) });
  }
}

describe("countApproxTokens", () => {
  it("equals the library's count on adversarial texts and real solutions", () => {
    for (const text of [...ADVERSARIAL, ...sharedSolutions(300)]) {
      expect(countApproxTokens(text), JSON.stringify(text.slice(0, 60))).toBe(library(text));
      // Counted again, from remembered pieces.
      expect(countApproxTokens(text)).toBe(library(text));
    }
  });
});

// Characters each alternative of the split regex turns on, ASCII and not: letters, digits (Arabic
// and superscript ones are \p{N}), every kind of whitespace (U+001C is not \s in JavaScript), the
// contraction letters, punctuation, astral letters and emoji.
const ALPHABET = [..."aZsSdDlLvVeErRmMtT0159 \t\n\r\v\f'$.{}\\-=_"].concat(["\u00a0", "\u3000", "\u2028", "\u0085", "\u001c", "é", "数", "١", "²", "½", "𝔸", "😀", "\u0301"]);

/** Deterministic random texts over ALPHABET, biased to runs of one character. */
function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  return Array.from({ length: count }, () => {
    let text = "";
    const length = next(24);
    while (text.length < length) text += ALPHABET[next(ALPHABET.length)].repeat(1 + (next(4) === 0 ? next(4) : 0));
    return text;
  });
}

describe("countApproxTokens on random texts", () => {
  it("cuts every piece as the library's regex does, and so counts as the library", () => {
    for (const text of [...randomTexts(20_000, 7), ...ADVERSARIAL, ...sharedSolutions(100)]) {
      expect(cl100kPieces(text), JSON.stringify(text)).toEqual(text.match(SPLIT) ?? []);
      expect(countApproxTokens(text), JSON.stringify(text)).toBe(library(text));
    }
  });
});

describe("countApproxTokensWithPrefix", () => {
  it("gives the whole text's and every prefix's count, on adversarial texts", () => {
    for (const text of ADVERSARIAL) everyPrefixAgrees(text);
  });

  it("gives the whole and the trimmed count of real solutions, with lines after the answer", () => {
    for (const solution of sharedSolutions(150)) {
      for (const text of [solution, `${solution}\nI hope it is correct.`, `${solution} \\boxed{1}\n\nSecond try: \\boxed{1}\n`, solution.replaceAll("\n", "\r\n")]) {
        const trimmed = trimAfterBoxed(text);
        expect(countApproxTokensWithPrefix(text, trimmed.length)).toEqual({ whole: library(text), prefix: library(trimmed) });
      }
    }
    everyPrefixAgrees(sharedSolutions(1)[0]);
  });

  it("splits only after a newline, before a character that is not whitespace, inside the prefix", () => {
    expect(safeSplitBefore("ab\ncd\nef", 8)).toBe(6);
    expect(safeSplitBefore("ab\ncd\nef", 6)).toBe(3); // position 6 is the prefix's end: not inside it
    expect(safeSplitBefore("ab\ncd\n ef", 9)).toBe(3); // " ef" starts with a space
    expect(safeSplitBefore("ab\ncd\n\u00a0ef", 9)).toBe(3); // so does NBSP, for the regex's \s
    expect(safeSplitBefore("abc", 3)).toBe(-1);
    expect(safeSplitBefore("\nx", 1)).toBe(-1);
    expect(safeSplitBefore("\nx", 2)).toBe(1);
  });
});
