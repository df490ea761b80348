// Rewrite rules for the differential corpus: each turns a gold answer into a prediction and
// states, by construction, whether the rewrite preserves equality. The expected verdict comes
// from the rule, so neither Boxed nor Math-Verify is the oracle. A rule returns null when it does
// not apply to the gold's shape (a tuple is never reordered; an interval has no elements to drop).
import { splitTopLevel } from "@/lib/grading/split-top-level";

export interface RewriteRule {
  name: string;
  preserves: boolean;
  /** What the rule does, for docs/grading.md. */
  description: string;
  apply: (gold: string, pick: () => number) => string | null;
}

const topLevel = (s: string, sep: string) => splitTopLevel(s, (t, i) => (t.startsWith(sep, i) ? sep.length : 0)).parts.map((p) => p.trim());
const isInteger = (s: string) => /^-?\d+$/.test(s);
const isPlainNumber = (s: string) => /^-?\d+(?:\.\d+)?$/.test(s);
const hasRelation = (s: string) => /[=<>:]|\\(?:le|ge|leq|geq|leqslant|geqslant|ne|neq|in|lt|gt)(?![A-Za-z])/.test(s);
/** A scalar: no top-level list, no relation, not bracketed. */
const bare = (s: string) => s.replace(/\\(?:left|right)(?![A-Za-z])/g, "");
/** Thousands separators, money and mixed numbers make a comma or a juxtaposition ambiguous. */
const ambiguous = (s: string) => !balanced(s) || /\\(?:mbox|mathrm|text|operatorname|binom)|_\{?\d|\d\s*e\s*[+-]|\d\s*,\s*\\!|\d,\d{3}(?!\d)|\\\$|\$|\d\s*\\[dt]?frac|\.$/.test(s);
const isScalar = (s: string) => !ambiguous(s) && /\d/.test(s) && isScalarShape(bare(s));
const isScalarShape = (s: string) => topLevel(s, ",").length === 1 && !hasRelation(s) && !/^[([{]|^\\\{|\\cup|\\begin|\\text|\\pm|\\mp/.test(s) && !/[A-Za-z]{4,}/.test(s.replace(/\\[A-Za-z]+/g, ""));
const isSet = (s: string) => s.startsWith("\\{") && s.endsWith("\\}");
const isTuple = (s: string) => /^\(.*\)$/.test(s) && topLevel(s.slice(1, -1), ",").length >= 2 && splitTopLevel(s, () => 0).parts.length === 1 && closesAtEnd(s);
const isInterval = (s: string) => /^[([].*[)\]]$/.test(s) && topLevel(s.slice(1, -1), ",").length === 2 && closesAtEnd(s) && !(s.startsWith("(") && s.endsWith(")") && !s.includes("\\infty"));
/** A bare list "a, b, c" of two or more items, none of them empty. */
const listItems = (s: string) => {
  if (ambiguous(s)) return null;
  const items = topLevel(s, ",");
  return items.length >= 2 && items.every((i) => i !== "" && !hasRelation(i)) ? items : null;
};

function balanced(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === "{") depth++;
    else if (c === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

function closesAtEnd(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if ("([{".includes(s[i])) depth++;
    else if (")]}".includes(s[i])) {
      depth--;
      if (depth === 0 && i < s.length - 1) return false;
    }
  }
  return depth === 0;
}

/** The last digit of the answer outside subscripts and exponents' braces, bumped by one. */
function bumpLastDigit(s: string): string | null {
  for (let i = s.length - 1; i >= 0; i--) {
    if (!/\d/.test(s[i])) continue;
    const before = s.slice(0, i);
    if (/_\{?[^}]*$/.test(before) && /_/.test(before.slice(-6))) continue;
    const d = (Number(s[i]) + 1) % 10;
    // 9 -> 10 keeps the value moving up instead of wrapping to 0 (a different number of digits).
    return before + (d === 0 ? "10" : String(d)) + s.slice(i + 1);
  }
  return null;
}

const LABELS = ["x", "n", "k", "S", "|PQ|", "\\frac{AM}{MB}", "f(3)", "a_{10}", "m\\angle A"];

/** Rewrites the elements of a set `\{...\}` or of a bare list (not a tuple or an interval); `rewrite` returns the new elements, or null. */
function onElements(rewrite: (items: string[]) => string[] | null): RewriteRule["apply"] {
  return (g) => {
    if (isSet(g)) {
      const set = rewrite(topLevel(g.slice(2, -2), ","));
      return set ? `\\{${set.join(", ")}\\}` : null;
    }
    const items = listItems(g);
    const list = items && !isTuple(g) && !isInterval(g) ? rewrite(items) : null;
    return list ? list.join(", ") : null;
  };
}

/** A bare list of at most five items (not a tuple or an interval), `change`d, each part in its own box. */
function inBoxedParts(change: (items: string[]) => string[] | null): RewriteRule["apply"] {
  return (g) => {
    const items = listItems(g);
    const parts = !items || isTuple(g) || isInterval(g) || items.length > 5 ? null : change(items);
    return parts ? `The answers are ${parts.map((i) => `$\\boxed{${i}}$`).join(parts.length === 2 ? " and " : ", ")}.` : null;
  };
}

/** Rewrites a pmatrix/bmatrix from its environment name and its body (rows split by \\, cells by &). */
function onMatrix(rewrite: (kind: string, body: string) => string | null): RewriteRule["apply"] {
  return (g) => {
    const m = /^\\begin\{([pb]matrix)\}([\s\S]*)\\end\{\1\}$/.exec(g);
    return m ? rewrite(m[1], m[2]) : null;
  };
}

/** Rewrites a single interval (not a union) from its bounds and brackets. */
function onInterval(rewrite: (ends: { lo: string; hi: string; l: string; r: string }) => string | null): RewriteRule["apply"] {
  return (g) => {
    if (!isInterval(g) || g.includes("\\cup")) return null;
    const [lo, hi] = topLevel(g.slice(1, -1), ",");
    return rewrite({ lo, hi, l: g[0], r: g[g.length - 1] });
  };
}

export const RULES: RewriteRule[] = [
  // ---- equality-preserving ----
  { name: "boxed-in-prose", preserves: true, description: "the gold inside a short solution: `So the answer is $\\boxed{g}$.`", apply: (g) => `So the answer is $\\boxed{${g}}$.` },
  {
    name: "label-scalar",
    preserves: true,
    description: "a scalar labelled by what was asked: `x = g`, `|PQ| = g`, `\\frac{AM}{MB} = g`, `f(3) = g`",
    apply: (g, pick) => (isScalar(g) ? `${LABELS[Math.floor(pick() * LABELS.length)]} = ${g}` : null),
  },
  {
    name: "label-tuple",
    preserves: true,
    description: "a tuple labelled by its unknowns: `(a, b) = (4, 1)`",
    apply: (g) => {
      if (!isTuple(g)) return null;
      const n = topLevel(g.slice(1, -1), ",").length;
      if (n > 6) return null;
      return `(${"abcdef".slice(0, n).split("").join(", ")}) = ${g}`;
    },
  },
  {
    name: "label-list",
    preserves: true,
    description: "each element of a list labelled: `a = 2, b = -1` for `2, -1`",
    apply: (g) => {
      const items = listItems(g);
      if (!items || items.length > 6 || isTuple(g) || isInterval(g)) return null;
      return items.map((item, i) => `${"abcdef"[i]} = ${item}`).join(", ");
    },
  },
  {
    name: "reorder-set",
    preserves: true,
    description: "the elements of a set `\\{...\\}` or of a bare list of solutions reversed",
    apply: onElements((items) => (items.length >= 2 ? [...items].reverse() : null)),
  },
  {
    name: "repeat-set-element",
    preserves: true,
    description: "a set `\\{...\\}` with its first element written twice",
    apply: (g) => {
      if (!isSet(g)) return null;
      const items = topLevel(g.slice(2, -2), ",");
      return items.length >= 1 && items[0] !== "" ? `\\{${[...items, items[0]].join(", ")}\\}` : null;
    },
  },
  {
    name: "box-parts",
    preserves: true,
    description: "each element of a list in its own box, joined by words: `\\boxed{a} and \\boxed{b}`",
    apply: inBoxedParts((items) => items),
  },
  {
    name: "rescale-fraction",
    preserves: true,
    description: "an integer n written `\\frac{3n}{3}`; a fraction `\\frac{a}{b}` (integers) written `\\frac{7a}{7b}`",
    apply: (g) => {
      if (isInteger(g)) return `\\frac{${3n * BigInt(g)}}{3}`;
      const m = /^(-?)\\[dt]?frac\{(\d+)\}\{(\d+)\}$/.exec(g);
      return m ? `${m[1]}\\frac{${7n * BigInt(m[2])}}{${7n * BigInt(m[3])}}` : null;
    },
  },
  {
    name: "interval-as-relation",
    preserves: true,
    description: "an interval written as the inequality it denotes: `[a, b)` -> `a \\le x < b`, `(a, \\infty)` -> `x > a`",
    apply: onInterval(({ lo, hi, l, r }) => {
      const loInf = /^-\\infty$/.test(lo);
      const hiInf = /^\+?\\infty$/.test(hi);
      if (loInf && hiInf) return null;
      if (loInf) return `x ${r === "]" ? "\\le" : "<"} ${hi}`;
      if (hiInf) return `x ${l === "[" ? "\\ge" : ">"} ${lo}`;
      return `${lo} ${l === "[" ? "\\le" : "<"} x ${r === "]" ? "\\le" : "<"} ${hi}`;
    }),
  },
  {
    name: "commute-sum",
    preserves: true,
    description: "the two top-level terms of a sum `a + b` swapped",
    apply: (g) => {
      if (!isScalar(g)) return null;
      const parts = splitTopLevel(g, (t, i) => (t[i] === "+" && i > 0 && !/[\^_{(e]$/.test(t.slice(0, i).trimEnd()) ? 1 : 0));
      if (parts.parts.length !== 2 || parts.parts.some((p) => p.trim() === "")) return null;
      return `${parts.parts[1].trim()} + ${parts.parts[0].trim()}`;
    },
  },
  {
    name: "times-one",
    preserves: true,
    description: "a scalar multiplied by a fraction equal to one: `\\frac{2}{2}\\cdot\\left(g\\right)`",
    apply: (g) => (isScalar(g) && !isPlainNumber(g) ? `\\frac{2}{2}\\cdot\\left(${g}\\right)` : null),
  },
  {
    name: "dfrac-spacing",
    preserves: true,
    description: "`\\frac` written `\\dfrac`, with `\\left( \\right)` and thin spaces",
    apply: (g) => (g.includes("\\frac") ? g.replace(/\\frac/g, "\\dfrac").replace(/\+/g, "\\,+\\,") : null),
  },
  {
    name: "negated-relation",
    preserves: true,
    description: "a one-sided interval as the negated inequality: `[a, \\infty)` -> `-x \\le -(a)`",
    apply: onInterval(({ lo, hi, l, r }) => {
      if (/^\+?\\infty$/.test(hi) && !/infty/.test(lo)) return `-x ${l === "[" ? "\\le" : "<"} -\\left(${lo}\\right)`;
      if (/^-\\infty$/.test(lo) && !/infty/.test(hi)) return `-x ${r === "]" ? "\\ge" : ">"} -\\left(${hi}\\right)`;
      return null;
    }),
  },
  {
    name: "matrix-as-array",
    preserves: true,
    description: "a pmatrix/bmatrix written `\\left[\\begin{array}{cc}...\\end{array}\\right]`",
    apply: onMatrix((_, body) => `\\left[\\begin{array}{${"c".repeat(body.split("\\\\")[0].split("&").length)}}${body}\\end{array}\\right]`),
  },
  {
    name: "list-as-set",
    preserves: true,
    description: "a bare list of distinct solutions written as a set `\\{...\\}`, reversed",
    apply: (g) => {
      const items = listItems(g);
      if (!items || isTuple(g) || isInterval(g) || new Set(items).size !== items.length) return null;
      return `\\{${[...items].reverse().join(", ")}\\}`;
    },
  },
  {
    name: "matrix-cell-changed",
    preserves: false,
    description: "the last digit of a matrix's last cell bumped",
    apply: onMatrix((kind, body) => {
      const bumped = bumpLastDigit(body);
      return bumped ? `\\begin{${kind}}${bumped}\\end{${kind}}` : null;
    }),
  },
  { name: "integer-as-decimal", preserves: true, description: "an integer n written `n.0`", apply: (g) => (isInteger(g) ? `${g}.0` : null) },

  // ---- equality-breaking ----
  { name: "bump-last-digit", preserves: false, description: "the last digit outside subscripts increased by one (9 -> 10)", apply: (g) => (isScalar(g) ? bumpLastDigit(g) : null) },
  { name: "off-by-one", preserves: false, description: "an integer n answered n + 1", apply: (g) => (isInteger(g) ? String(BigInt(g) + 1n) : null) },
  {
    name: "big-integer-digit",
    preserves: false,
    description: "one middle digit of an integer of 5+ digits changed (a relative change below 1e-4 for 9+ digits)",
    apply: (g) => {
      if (!/^-?\d{5,}$/.test(g)) return null;
      const i = Math.floor(g.length / 2);
      return g.slice(0, i) + String((Number(g[i]) + 1) % 10) + g.slice(i + 1);
    },
  },
  {
    name: "tiny-term",
    preserves: false,
    description: "an exact tiny term added: `g + \\frac{1}{10^{9}}` (a tolerance would hide it)",
    apply: (g) => (isScalar(g) && !/\\infty/.test(g) && !g.includes(".") ? `${g}+\\frac{1}{10^{9}}` : null),
  },
  {
    name: "near-one-factor",
    preserves: false,
    description: "a scalar multiplied by `\\frac{1000001}{1000000}`",
    apply: (g) => (isScalar(g) && !isPlainNumber(g) && !/\\infty/.test(g) && !g.includes(".") && /[1-9a-zA-Z]/.test(g) ? `\\frac{1000001}{1000000}\\left(${g}\\right)` : null),
  },
  {
    name: "negate",
    preserves: false,
    description: "a non-zero scalar negated: `-\\left(g\\right)`",
    apply: (g) => (isScalar(g) && /[1-9a-zA-Z]/.test(g) && !/^0+(\.0*)?$/.test(g) ? `-\\left(${g}\\right)` : null),
  },
  {
    name: "drop-element",
    preserves: false,
    description: "the last element of a set or list removed",
    apply: onElements((items) => (items.length >= 2 && new Set(items).size === items.length ? items.slice(0, -1) : null)),
  },
  {
    name: "swap-tuple",
    preserves: false,
    description: "the first two entries of an ordered pair/tuple swapped (when they differ)",
    apply: (g) => {
      if (!isTuple(g) || isInterval(g)) return null;
      const items = topLevel(g.slice(1, -1), ",");
      if (items[0] === items[1]) return null;
      return `(${[items[1], items[0], ...items.slice(2)].join(", ")})`;
    },
  },
  {
    name: "flip-bracket",
    preserves: false,
    description: "an interval's left bracket flipped: `[a, b)` -> `(a, b)`",
    apply: (g) => {
      if (!isInterval(g) || /^[([]-\\infty/.test(g)) return null;
      return (g[0] === "[" ? "(" : "[") + g.slice(1);
    },
  },
  {
    name: "label-wrong-value",
    preserves: false,
    description: "a labelled scalar with the value off by one: `x = g + 1`",
    apply: (g) => (isInteger(g) ? `x = ${BigInt(g) + 1n}` : null),
  },
  {
    name: "box-parts-one-wrong",
    preserves: false,
    description: "boxed parts of a list with the last part's last digit bumped",
    apply: inBoxedParts((items) => {
      const last = bumpLastDigit(items[items.length - 1]);
      return !last || items.includes(last) ? null : [...items.slice(0, -1), last];
    }),
  },
  {
    name: "factorial-neighbour",
    preserves: false,
    description: "`n!` replaced by `(n+1)!`",
    apply: (g) => {
      const m = /(\d+)!/.exec(g);
      return m ? g.replace(/(\d+)!/, `${Number(m[1]) + 1}!`) : null;
    },
  },
];
