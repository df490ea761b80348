// Recipe section 5: drop exact duplicate (problem, solution) pairs; the first occurrence stays.
import type { SolutionRow } from "@/lib/grading/filters/solution-row";

export function dropExactDuplicates<T extends SolutionRow>(rows: Iterable<T>): T[] {
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const row of rows) {
    // JSON of the pair is an unambiguous key (no separator can collide with the content).
    const key = JSON.stringify([row.problem, row.solution]);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(row);
  }
  return kept;
}
