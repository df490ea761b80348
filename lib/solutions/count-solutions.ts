// How many solutions match, without COUNT(*) over millions of rows: exact from the maintained set
// counters when the filter allows it, else a count over at most `bound + 1` matching rows, shown
// as "10,000+" when the bound is reached.
import type { Pool, PoolClient } from "pg";
import { pool } from "@/lib/db/pool";
import { inTransactionWithin } from "@/lib/db/statement-timeout";
import { SEARCH_TIMEOUT_MS } from "@/lib/solutions/find-solutions";
import { SqlParams, solutionConditions, whereClause } from "@/lib/solutions/solution-sql";
import { isFilterEmpty, isSetOnlyFilter, type SolutionFilter } from "@/lib/solutions/solution-view";

export const COUNT_BOUND = 10_000;

export interface BoundedCount {
  value: number;
  /** False when the true count is `value` or more. */
  exact: boolean;
  /** Where an exact value came from, for the label. */
  source: "counters" | "rows";
}

export async function countSolutions(filter: SolutionFilter, bound = COUNT_BOUND): Promise<BoundedCount> {
  if (isFilterEmpty(filter) || isSetOnlyFilter(filter)) {
    const { rows } = await pool().query<{ total: string | null }>(
      `SELECT sum(sample_count)::bigint AS total FROM problem_sets ${filter.setIds.length ? "WHERE id = ANY($1::int[])" : ""}`,
      filter.setIds.length ? [filter.setIds] : [],
    );
    return { value: Number(rows[0]?.total ?? 0), exact: true, source: "counters" };
  }
  if (!filter.solutionText) return boundedCount(filter, bound);
  // A substring search's count reads the same candidate rows as its page (find-solutions.ts): it
  // gets the page's time limit, so a broad phrase does not hold a connection after the page shows.
  return inTransactionWithin(SEARCH_TIMEOUT_MS, (client) => boundedCount(filter, bound, client));
}

/** Counts matching rows up to `bound`; `exact` is false when there are more. */
export async function boundedCount(filter: SolutionFilter, bound: number, client: Pool | PoolClient = pool()): Promise<BoundedCount> {
  const params = new SqlParams();
  const where = whereClause(solutionConditions(filter, params));
  const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM samples s ${where} LIMIT ${params.add(bound + 1)}) x`, params.values);
  const n = rows[0]?.n ?? 0;
  return n > bound ? { value: bound, exact: false, source: "rows" } : { value: n, exact: true, source: "rows" };
}

export function formatBoundedCount(count: BoundedCount): string {
  return `${count.value.toLocaleString("en-US")}${count.exact ? "" : "+"}`;
}
