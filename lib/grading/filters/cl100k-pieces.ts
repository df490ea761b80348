// cl100k_base cuts a text into pieces with one regex and byte-pair encodes each piece on its own,
// so a text's token count is the sum of its pieces' counts. Grading counts 14M solutions; this
// module cuts them and sums the counts without the regex's allocations:
// - ASCII is cut by hand, following the regex's alternatives in their order (below); wherever a
//   decision would read a character outside ASCII (which may be a letter, a digit or a space in
//   Unicode's sense) the regex itself (gpt-tokenizer's, imported) cuts that piece;
// - each distinct piece is counted once by the library (a piece alone is cut into itself again: no
//   alternative matches more or less of it at its start, so the library's count of it is the count
//   of its byte-pair encoding) and kept in a table looked up by the piece's place in the text, so a
//   piece seen before costs no string at all.
// The result equals gpt-tokenizer's countTokens (count-tokens.test.ts: adversarial and random
// texts; bench -- grade-rows: every GSM8K/MATH solution and the release-shaped rows).
//
// The regex, in order: 1 `'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE])`
// 2 `[^\r\n\p{L}\p{N}]?\p{L}+`  3 `\p{N}{1,3}`  4 ` ?[^\s\p{L}\p{N}]+[\r\n]*`  5 `\s+$`
// 6 `\s*[\r\n]`  7 `\s+(?!\S)`  8 `\s`.
import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { CL100K_TOKEN_SPLIT_REGEX } from "gpt-tokenizer/encodingParams/constants";

// Model outputs may contain text like "<|endoftext|>"; count it as text instead of throwing.
export const AS_TEXT = { disallowedSpecial: new Set<string>() };

// The library's regex, sticky: the piece starting exactly at lastIndex (every character starts one).
const PIECE_AT = new RegExp(CL100K_TOKEN_SPLIT_REGEX.source, `${CL100K_TOKEN_SPLIT_REGEX.flags.replace("g", "")}y`);

const LETTER = 1;
const DIGIT = 2;
const SPACE = 3; // \s but not \r \n: tab, vertical tab, form feed, space
const NEWLINE = 4; // \r \n
const OTHER = 5; // neither \s, \p{L} nor \p{N}
const CLASS = new Uint8Array(128).fill(OTHER);
for (let c = 65; c <= 90; c++) CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (const c of [9, 11, 12, 32]) CLASS[c] = SPACE;
for (const c of [10, 13]) CLASS[c] = NEWLINE;

const classAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c < 128 ? CLASS[c] : 0;
};

/** Alternative 1's second letter(s) after "'": how many, or 0. */
function contraction(text: string, i: number): number {
  const a = text.charCodeAt(i + 1) | 32; // lower-cased (NaN | 32 is 32: the end of the text)
  if (a === 115 || a === 100 || a === 109 || a === 116) return 2; // s d m t
  const b = text.charCodeAt(i + 2) | 32;
  return (a === 108 && b === 108) || (a === 118 && b === 101) || (a === 114 && b === 101) ? 3 : 0; // ll ve re
}

/** End of the run of `cls` characters from `i`, or -1 when it stops at a non-ASCII character. */
function runEnd(text: string, i: number, cls: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c >= 128) return -1;
    if (CLASS[c] !== cls) break;
    j++;
  }
  return j;
}

/** End of the piece starting at `i` when ASCII decides it, else -1 (the regex cuts it). */
function asciiPieceEnd(text: string, i: number): number {
  const n = text.length;
  const k = classAt(text, i);
  const next = i + 1 < n ? classAt(text, i + 1) : -1;
  if (k === 0 || next === 0) return -1;
  if (text.charCodeAt(i) === 39) {
    const c = contraction(text, i);
    if (c > 0) return i + c;
  }
  // 2: letters, after at most one character that is not \r, \n, a letter or a digit.
  if (k === LETTER) return runEnd(text, i, LETTER);
  if ((k === SPACE || k === OTHER) && next === LETTER) return runEnd(text, i + 1, LETTER);
  // 3: up to three digits; a shorter run must not stop at a Unicode digit.
  if (k === DIGIT) {
    let j = i + 1;
    while (j < i + 3 && j < n && classAt(text, j) === DIGIT) j++;
    return j < i + 3 && j < n && classAt(text, j) === 0 ? -1 : j;
  }
  // 4: an optional space, other characters, then any \r \n.
  if (k === OTHER || (text.charCodeAt(i) === 32 && next === OTHER)) {
    let j = runEnd(text, k === OTHER ? i : i + 1, OTHER);
    if (j < 0) return -1;
    while (j < n && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) j++;
    return j;
  }
  // Whitespace (k is SPACE or NEWLINE): the run of it, all ASCII.
  let j = i;
  while (j < n && (classAt(text, j) === SPACE || classAt(text, j) === NEWLINE)) j++;
  if (j < n && classAt(text, j) === 0) return -1;
  if (j === n) return n; // 5: whitespace to the end
  for (let q = j - 1; q >= i; q--) if (classAt(text, q) === NEWLINE) return q + 1; // 6: up to its last \r \n
  return j - i >= 2 ? j - 1 : i + 1; // 7: all but the space before the next word; 8: one
}

// Open addressing by hash of the piece's characters. Full at PIECES_REMEMBERED, it starts over.
const SLOTS = 1 << 19;
const PIECES_REMEMBERED = SLOTS >> 1;
let keys: (string | undefined)[] = new Array(SLOTS);
const tokens = new Int32Array(SLOTS);
let remembered = 0;

// Pieces of one to three ASCII characters (most of them: spaces, signs, digits, short words) by
// their codes, without hashing: 0 until counted, since a piece has at least one token.
const SHORT = new Int8Array(128 + 128 ** 2 + 128 ** 3);

function shortIndex(text: string, start: number, length: number): number {
  let index = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return -1;
    index = index * 128 + c;
  }
  return length === 1 ? index : length === 2 ? 128 + index : 128 + 128 ** 2 + index;
}

function tokensOf(text: string, start: number, end: number): number {
  if (end - start <= 3) {
    const index = shortIndex(text, start, end - start);
    if (index >= 0) {
      if (SHORT[index] === 0) SHORT[index] = countTokens(text.slice(start, end), AS_TEXT);
      return SHORT[index];
    }
  }
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const length = end - start;
  for (let slot = h & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
    const key = keys[slot];
    if (key === undefined) break;
    if (key.length === length && sameChars(key, text, start)) return tokens[slot];
  }
  if (remembered >= PIECES_REMEMBERED) {
    keys = new Array(SLOTS);
    remembered = 0;
  }
  const piece = text.slice(start, end);
  const count = countTokens(piece, AS_TEXT);
  let slot = h & (SLOTS - 1);
  while (keys[slot] !== undefined) slot = (slot + 1) & (SLOTS - 1);
  keys[slot] = piece;
  tokens[slot] = count;
  remembered++;
  return count;
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

// Set by sumPieces: the tokens of the pieces before `split`, or -1 when no piece starts there.
let beforeSplit = -1;

function pieceEnd(text: string, i: number): number {
  const end = asciiPieceEnd(text, i);
  if (end >= 0) return end;
  PIECE_AT.lastIndex = i;
  return i + (PIECE_AT.exec(text) as RegExpExecArray)[0].length;
}

function sumPieces(text: string, split: number): number {
  let total = 0;
  beforeSplit = -1;
  for (let i = 0, end = 0; i < text.length; i = end) {
    if (i === split) beforeSplit = total;
    end = pieceEnd(text, i);
    total += tokensOf(text, i, end);
  }
  return total;
}

/** The pieces of `text`, as the library's regex cuts them (the tests compare the two). */
export function cl100kPieces(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0, end = 0; i < text.length; i = end) {
    end = pieceEnd(text, i);
    pieces.push(text.slice(i, end));
  }
  return pieces;
}

/** The cl100k_base token count of `text`: gpt-tokenizer's countTokens, special tokens read as text. */
export function countPieces(text: string): number {
  return sumPieces(text, -1);
}

/** The count of `text`, and of its pieces before `split` (-1 when no piece starts at `split`). */
export function countPiecesAround(text: string, split: number): { whole: number; beforeSplit: number } {
  const whole = sumPieces(text, split);
  return { whole, beforeSplit };
}
