// Recipe section 5: "fair" downsampling to N rows, as the 1M/2M/5M subsets were cut - round robin
// over problems, the k-th solution of every problem before any (k+1)-th, so no problem is starved
// and problems with many solutions do not dominate. Problems keep their first-seen order, so the
// result is deterministic.
import type { SolutionRow } from "@/lib/grading/filters/solution-row";

export function fairDownsample<T extends SolutionRow>(rows: Iterable<T>, limit: number, problemKey: (row: T) => string = (row) => row.problem): T[] {
  const byProblem = new Map<string, T[]>();
  for (const row of rows) {
    const key = problemKey(row);
    const list = byProblem.get(key);
    if (list) list.push(row);
    else byProblem.set(key, [row]);
  }
  const groups = [...byProblem.values()];
  const picked: T[] = [];
  for (let k = 0; picked.length < limit; k++) {
    let any = false;
    for (const group of groups) {
      if (k >= group.length) continue;
      any = true;
      picked.push(group[k]);
      if (picked.length >= limit) break;
    }
    if (!any) break;
  }
  return picked;
}
