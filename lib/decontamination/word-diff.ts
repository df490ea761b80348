// Word-level diff of two problems for the review UI: which words one problem adds or drops relative
// to the other, with numbers and capitalised names marked so a reviewer sees at a glance that a
// candidate is "the same problem with other numbers" or "with other people".
import { isNameLike } from "@/lib/decontamination/tokenize";

export type DiffPart = { op: "same" | "add" | "del"; text: string; kind?: "number" | "name" };

const WORD_RE = /\d+(?:[.,]\d+)*|[A-Za-z]+(?:'[a-z]+)?|\\[A-Za-z]+|[^\sA-Za-z\d]/g;
// Beyond this many cells the quadratic LCS table is not worth it for a review UI.
const MAX_CELLS = 4_000_000;

function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

function kindOf(word: string): DiffPart["kind"] {
  if (/^\d/.test(word)) return "number";
  if (isNameLike(word)) return "name";
  return undefined;
}

function part(op: DiffPart["op"], text: string): DiffPart {
  const kind = kindOf(text);
  return kind ? { op, text, kind } : { op, text };
}

/** `del` = only in a, `add` = only in b; words compared case-insensitively, output spelled as in its source. */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = words(a);
  const y = words(b);
  const n = x.length;
  const m = y.length;
  if (n * m > MAX_CELLS) return [...x.map((w) => part("del", w)), ...y.map((w) => part("add", w))];
  const xs = x.map((w) => w.toLowerCase());
  const ys = y.map((w) => w.toLowerCase());
  // lcs[i][j] = LCS length of x[i..] and y[j..], flattened.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        xs[i] === ys[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (xs[i] === ys[j]) {
      out.push(part("same", y[j]));
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) out.push(part("del", x[i++]));
    else out.push(part("add", y[j++]));
  }
  while (i < n) out.push(part("del", x[i++]));
  while (j < m) out.push(part("add", y[j++]));
  return out;
}
