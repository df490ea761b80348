// Brace-aware rewriting of LaTeX commands with one argument (\text{...}, \boxed{...}). Regexes
// cannot match nested braces, and hand-rolled nested regexes backtrack badly on hostile input, so
// this scans once per pass and matches braces by counting.
import { matchBrace } from "@/lib/grading/extract";

export interface CommandGroup {
  name: string;
  /** Offsets of the whole "\name{...}" and of its content. */
  outerStart: number;
  outerEnd: number;
  content: string;
}

/**
 * Replaces every `\name{...}` whose name is in `names` by what `replace` returns (null keeps it).
 * Innermost groups are not revisited in the same pass; callers loop when nesting matters.
 */
export function rewriteCommandGroups(
  text: string,
  names: readonly string[],
  replace: (group: CommandGroup, text: string) => string | null,
): string {
  const pattern = new RegExp(`\\\\(${names.join("|")})(?![A-Za-z])\\s*\\{`, "g");
  let out = "";
  let at = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const open = m.index + m[0].length - 1;
    const close = matchBrace(text, open);
    if (close < 0) break;
    const group = { name: m[1], outerStart: m.index, outerEnd: close + 1, content: text.slice(open + 1, close) };
    const replacement = replace(group, text);
    if (replacement === null) continue;
    out += text.slice(at, m.index) + replacement;
    at = close + 1;
    pattern.lastIndex = close + 1;
  }
  return at === 0 ? text : out + text.slice(at);
}

/**
 * Reads one TeX argument at `i`: a brace group, a control word, or a single character, as TeX
 * does for `\frac12` or `\sqrt3`. Returns the argument (without braces) and where it ends.
 */
export function readArgument(text: string, i: number): { arg: string; end: number } | null {
  let j = i;
  while (j < text.length && text[j] === " ") j++;
  if (j >= text.length) return null;
  if (text[j] === "{") {
    const close = matchBrace(text, j);
    if (close < 0) return null;
    return { arg: text.slice(j + 1, close), end: close + 1 };
  }
  if (text[j] === "\\") {
    const word = /^\\[A-Za-z]+/.exec(text.slice(j, j + 40));
    if (word) return { arg: word[0], end: j + word[0].length };
    return null;
  }
  if (/[}\]^_&]/.test(text[j])) return null;
  return { arg: text[j], end: j + 1 };
}
