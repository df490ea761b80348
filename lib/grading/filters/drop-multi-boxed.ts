// Recipe section 5: a solution with more than one \boxed{} is ambiguous about its answer.
import { countBoxed } from "@/lib/grading/extract";
import type { DropReason, SolutionRow } from "@/lib/grading/filters/solution-row";

export function multiBoxedReason(row: SolutionRow): DropReason {
  const boxes = countBoxed(row.solution);
  return boxes > 1 ? `${boxes} \\boxed{} in the solution` : null;
}

export function dropMultiBoxed<T extends SolutionRow>(rows: Iterable<T>): T[] {
  return [...rows].filter((row) => multiBoxedReason(row) === null);
}
