// Test tables of answers written as plain LaTeX, one case a line, `gold  vs  pred`: inside
// String.raw every backslash stays as written, so a case reads as a solution writes it (`\frac12`,
// not `"\\frac12"`). Blank lines and lines starting with // (comments on the next case) are skipped;
// a line that is not a case throws, naming it.
const SEPARATOR = /\s+vs\s+/;

function caseLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//"));
}

/** `gold  vs  pred` lines as [gold, pred] rows for it.each. */
export function answerPairs(text: string): [string, string][] {
  return caseLines(text).map((line) => {
    const parts = line.split(SEPARATOR);
    if (parts.length !== 2) throw new Error(`not a "gold  vs  pred" case: ${line}`);
    return [parts[0] as string, parts[1] as string];
  });
}

/** `rule  gold  vs  pred` lines (the rule that must decide the pair first) as [rule, gold, pred] rows. */
export function ruleAnswerPairs(text: string): [string, string, string][] {
  return answerPairs(text).map(([left, pred]) => {
    const match = /^(\S+)\s+(\S.*)$/.exec(left);
    if (!match) throw new Error(`not a "rule  gold  vs  pred" case: ${left} vs ${pred}`);
    return [match[1] as string, match[2] as string, pred];
  });
}
