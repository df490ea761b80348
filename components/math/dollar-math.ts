// Decides whether a single `$` opens inline math or is money. Word problems use `$` as currency
// ("costs $735. A computer shop accepts payment in installments of $51 per month"), MATH uses it
// as the TeX delimiter ("$x^2$", "$2$ apples", and even "$ f(x) $" with spaces inside), and both
// kinds reach the same renderer, so the rule must keep both right.
//
// The base is the rule of pandoc's tex_math_dollars and markdown-it's math plugins
// (markdown-it-katex, markdown-it-texmath): a closing `$` must have a non-space before it and no
// digit right after it, so "$5 and $10" is two amounts. Pandoc also wants a non-space after the
// opening `$`; MATH writes "$ x = 27$" 231 times, so here an opening followed by a space is still
// math unless the span reads like prose. On top of it, a currency rule: a `$` followed by a digit
// ("$735") opens math only when what it closes on could be a formula. It is money when the
// closing `$` is followed by a word ("$5 ... 10$apples") or by anything but a space, punctuation
// or the end ("$15+$23"); see closesFormula. Whatever the opening, a span holding running words is prose
// between two unrelated `$` ("$735. A computer shop accepts payment in installments of $").
// MATH's own currency form "$\$$35" (an escaped dollar as the whole formula, a digit after) stays
// math because its opening `$` is not followed by a digit.

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
/** An amount starts at `at`: "5", ".5", ",5". */
const startsAmount = (text: string, at: number) => isDigit(text[at]) || ((text[at] === "." || text[at] === ",") && isDigit(text[at + 1]));
const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
const CLOSING_PUNCTUATION = ".,;:!?)]'\"’";

// Commands whose argument is text (words in it are meant as words), and any other command name.
const TEXT_ARGUMENT = /\\(?:text\w*|mbox|mathrm|mathit|mathbf|mathsf|mathtt|operatorname\*?|textbf|textit|emph|hbox|fbox|label|tag)\s*\{(?:[^{}]|\{[^{}]*\})*\}/g;
const COMMAND = /\\[a-zA-Z]+/g;
// Two words in a row, one of three letters or more, separated by a space (and maybe punctuation):
// "computer shop", "loaves of bread", "735. A computer". Words are lower case after their first
// letter: "\triangle ABC \sim \triangle DEF" names points. Formulas name variables with one or two
// letters and functions with commands, so real math almost never has this.
const RUNNING_WORDS = /\p{L}\p{Ll}{2,}[,.;:!?'"’-]*\s+\p{L}\p{Ll}+|\p{L}\p{Ll}+[,.;:!?'"’-]*\s+\p{L}\p{Ll}{2,}/u;

/** True when a formula's source contains running words of prose (outside \text{} and commands). */
export function looksLikeProse(tex: string): boolean {
  return RUNNING_WORDS.test(tex.replace(TEXT_ARGUMENT, " ").replace(COMMAND, " "));
}

/**
 * Whether a span opened by "$" and a digit really is a formula. After its closing `$` comes a
 * space, punctuation or the end ("$5$.", "$2$ apples"), or a letter or hyphen glued to a
 * formula without spaces or with an operator ("$13$th", "$5$-digit", "$3\cdot 2\ n$-letter"); "$5 ... 10$apples" and "$23=$<<15+23" (GSM8K's
 * calculator notes) are money. A space before the closing `$` is allowed when the span holds an
 * operator and no space after ("$0=-4(9)+b $,"), not in "$5 and 2 $" nor "$45 + $ 42".
 */
function closesFormula(text: string, close: number, content: string): boolean {
  const before = text[close - 1];
  const after = text[close + 1];
  const hasOperator = /[=+^_\\{}()<>]/.test(content);
  // "$45 + $ 42": a `$` with spaces around and an amount after is that amount's sign.
  if (isSpace(before) && (!hasOperator || (isSpace(after) && startsAmount(text, close + 2)))) return false;
  if (after === undefined || isSpace(after) || CLOSING_PUNCTUATION.includes(after)) return true;
  return (isLetter(after) || after === "-") && (hasOperator || !/\s/.test(content));
}

/** GSM8K's calculator notes, "<<15+23=38>>": never part of a formula. */
export const CALCULATOR_NOTE = /^<<[^<>\n$]{1,196}=[^<>\n$]{0,100}>>/;


/** A calculator note follows `at`, maybe after spaces: "= $<<9*2=18>>18", "=$ <<20*5=100>>". */
function noteFollows(text: string, at: number): boolean {
  let k = at;
  while (text[k] === " ") k++;
  return text[k] === "<" && text[k + 1] === "<" && CALCULATOR_NOTE.test(text.slice(k, k + 300));
}

/**
 * Offset of the `$` closing the inline formula opened at `open` (a single `$`, not `$$`), or -1
 * when that `$` is not math (money, or no valid closing before a blank line).
 */
export function findInlineDollarClose(text: string, open: number): number {
  const first = text[open + 1];
  if (first === undefined || first === "$") return -1;
  // "100$ for two": a `$` written after an amount, then a space, opens nothing.
  if (isDigit(text[open - 1]) && isSpace(first)) return -1;
  // "= $<<9*2=18>>18": GSM8K's money with its calculator note.
  if (noteFollows(text, open + 1)) return -1;
  // "$735", "$.5", "$,5" read as an amount.
  const currencyLike = startsAmount(text, open + 1);
  for (let j = open + 1; j < text.length; j++) {
    const c = text[j];
    if (c === "\\") {
      j++;
      continue;
    }
    // A formula never crosses a paragraph break, nor a calculator note.
    if (c === "\n" && /^\n[ \t]*\n/.test(text.slice(j, j + 64))) return -1;
    if (c === "<" && text[j + 1] === "<" && CALCULATOR_NOTE.test(text.slice(j, j + 300))) return -1;
    if (c !== "$") continue;
    if (j === open + 1) return -1;
    const content = text.slice(open + 1, j);
    // A `$` followed by an amount ("$51", "$.50") or a calculator note opens money, it closes
    // nothing (pandoc's rule), except MATH's "$\$$35", where the formula is the dollar sign.
    if (startsAmount(text, j + 1) && !content.endsWith("\\$")) return -1;
    if (noteFollows(text, j + 1)) return -1;
    if (currencyLike && !closesFormula(text, j, content)) return -1;
    // Running words inside are prose between two `$` that were never meant as a pair.
    if (looksLikeProse(content)) return -1;
    return j;
  }
  return -1;
}
