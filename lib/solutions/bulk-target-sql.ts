// Turns a bulk target into SQL conditions over samples `s`. A filter target that the URL parser
// could not read completely is refused: acting on a different set of rows than the one shown
// would be worse than doing nothing.
import { UserFacingError } from "@/lib/errors";
import type { BulkTarget } from "@/lib/solutions/bulk-action";
import { type SqlParams, solutionConditions } from "@/lib/solutions/solution-sql";
import { parseSolutionView, type SolutionFilter } from "@/lib/solutions/solution-view";

export function filterOfTarget(target: Extract<BulkTarget, { kind: "filter" }>): SolutionFilter {
  const { view, ignored } = parseSolutionView(new URLSearchParams(target.query));
  if (ignored.length) throw new UserFacingError(`The filter of this bulk action has values that cannot be read: ${ignored.join("; ")}.`, "fix the filter in the table and try again");
  return view.filter;
}

export function targetConditions(target: BulkTarget, maxId: number, params: SqlParams): string[] {
  if (target.kind === "ids") return [`s.id = ANY(${params.add(target.ids)}::int[])`];
  // An empty filter is allowed: the confirmation says "all N solutions" before anything runs.
  return [...solutionConditions(filterOfTarget(target), params), `s.id <= ${params.add(maxId)}`];
}
