// Recipe section 5: cut a solution after the first line that holds its boxed answer; models keep
// talking after the answer ("I hope it is correct", a second attempt), and SFT should not learn it.
import { type BoxSpan, extractAnswer, findBoxes } from "@/lib/grading/extract";
import type { SolutionRow } from "@/lib/grading/filters/solution-row";

/** `boxes`: findBoxes(solution), when the caller has it already. */
export function trimAfterBoxed(solution: string, boxes: readonly BoxSpan[] = findBoxes(solution)): string {
  const answer = extractAnswer(solution, {}, boxes);
  if (!answer.ok) return solution;
  const first = boxes.find((b) => b.outerEnd >= 0 && solution.slice(b.start, b.end) === answer.answer);
  if (!first) return solution;
  // The line that holds the box is the one where the box closes (a box may span lines).
  const lineEnd = solution.indexOf("\n", first.outerEnd);
  return lineEnd < 0 ? solution : solution.slice(0, lineEnd).trimEnd();
}

export function trimSolutionsAfterBoxed<T extends SolutionRow>(rows: Iterable<T>): T[] {
  return [...rows].map((row) => ({ ...row, solution: trimAfterBoxed(row.solution) }));
}
