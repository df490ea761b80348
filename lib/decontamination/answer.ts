// Canonical answer strings for the "same answer" signal. Deliberately simple and symmetric: the
// point is a cheap equality test between a synthesized problem's majority answer (or a reference
// solution's gold) and the benchmark's gold, not grading. Full symbolic equivalence lives in
// lib/grading; here a miss only costs the bonus, never the candidate.
export function canonicalAnswer(answer: string | undefined | null): string {
  if (answer === undefined || answer === null) return "";
  let a = String(answer).trim();
  const boxed = /\\boxed\{([\s\S]*)\}\s*$/.exec(a);
  if (boxed) a = boxed[1];
  a = a
    .replace(/\\[dt]frac/g, "\\frac")
    .replace(/\\left|\\right|\\!|\\,|\\;|\\ |\$|\s+/g, "")
    .replace(/\\text\{[^}]*\}/g, "")
    .replace(/^\{(.*)\}$/, "$1")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/\.0+$/, "")
    .toLowerCase();
  // "18.00" and "18" agree; "1/2" and "0.5" do not (left to the judge).
  if (/^-?\d+(\.\d+)?$/.test(a)) a = String(Number(a));
  return a;
}

/** 1 when both answers are known and equal, 0 otherwise (unknown is not evidence either way). */
export function sameAnswer(a: string, b: string): number {
  return a !== "" && a === b ? 1 : 0;
}
