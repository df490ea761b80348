// Text normalisation for decontamination. Two levels:
// - normalizeForExactMatch: exactly what the recipe does (trim + lowercase + whitespace collapse), so
//   an "exact" flag here means the same thing as in the published pipeline.
// - normalizeForRetrieval: a much more aggressive canonical form used only for similarity, which
//   makes re-spelled LaTeX, number formats and number words compare equal.
import { replaceNumberWords } from "@/lib/decontamination/number-words";

export function normalizeForExactMatch(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

// LaTeX spellings that mean the same thing. Applied before braces are dropped, so "\dfrac" and
// "\frac" (or "\leq" and "\le") produce the same tokens.
const COMMAND_ALIASES: [RegExp, string][] = [
  [/\\[dt]frac\b/g, "\\frac"],
  [/\\[dt]binom\b/g, "\\binom"],
  [/\\leq?slant\b|\\leqq?\b|\\le\b/g, " <= "],
  [/\\geq?slant\b|\\geqq?\b|\\ge\b/g, " >= "],
  [/\\neq?\b/g, " != "],
  [/\\lt\b/g, " < "],
  [/\\gt\b/g, " > "],
  [/\\cdot\b|\\times\b|\\ast\b/g, " * "],
  [/\\div\b/g, " / "],
  [/\\[lc]?dots[bc]?\b|\\ldots\b/g, " ... "],
  [/\\%/g, " percent "],
  [/%/g, " percent "],
  [/\\\$/g, " "],
];

// Commands that only change layout; their names carry no meaning for similarity.
const LAYOUT_COMMANDS =
  /\\(left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg|displaystyle|textstyle|limits|nolimits|quad|qquad|hspace\*?|vspace\*?|mathrm|mathbf|mathit|mathsf|mathbb|mathcal|boldsymbol|text|textbf|textit|textrm|mbox|operatorname|emph|rm|bf|it)\b/g;

const UNICODE: [RegExp, string][] = [
  [/[’‘`]/g, "'"],
  [/[“”]/g, '"'],
  [/[−–—]/g, "-"],
  [/×/g, " * "],
  [/÷/g, " / "],
  [/≤/g, " <= "],
  [/≥/g, " >= "],
  [/≠/g, " != "],
  [/π/g, " pi "],
  [/\u00a0/g, " "],
];

// Canonical number spelling: "1,000" / "1{,}000" / "1\,000" -> "1000", ".5" -> "0.5", "2.50" -> "2.5".
function unifyNumbers(text: string): string {
  let out = text.replace(/(\d)(?:\{,\}|\\,|\\!|\{\\,\}|\\ )(?=\d{3}(?!\d))/g, "$1,");
  out = out.replace(/(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d]|,\d)/g, (m) => m.replace(/,/g, ""));
  out = out.replace(/(?<![\w.])\.(\d)/g, "0.$1");
  out = out.replace(/\d+\.\d+|\d+/g, (m) => {
    if (m.length > 15) return m;
    return String(Number(m));
  });
  return out;
}

/** Case is kept: name detection needs it. Letters, digits and math operators survive. */
export function normalizeForRetrieval(text: string): string {
  let out = text;
  for (const [re, to] of UNICODE) out = out.replace(re, to);
  out = out.replace(/\\\(|\\\)|\\\[|\\\]|\$/g, " ");
  for (const [re, to] of COMMAND_ALIASES) out = out.replace(re, to);
  out = out.replace(LAYOUT_COMMANDS, " ");
  out = out.replace(/\\[,;:! ]/g, " ").replace(/~/g, " ");
  out = unifyNumbers(out);
  out = replaceNumberWords(out);
  // Possessives would otherwise leave a stray "s" token; "Janet's" and "Janet" should agree.
  out = out.replace(/'s\b/g, "");
  out = out.replace(/\\([A-Za-z]+)/g, " $1 ");
  out = out.replace(/[{}&\\]/g, " ");
  return out.replace(/\s+/g, " ").trim();
}
