// Facets of the solutions browser: the values of each list filter, with how many solutions each
// would match under the rest of the current filter. Counts are bounded: exact from counters where
// they exist (sets, when nothing else is filtered), else a count over at most FACET_BOUND rows
// ("1,000+"), each under a statement timeout and all under one deadline, so 14M rows never make
// the panel slow; a value that ran out of time shows no count rather than a wrong one.
import type { PoolClient } from "pg";
import { pool } from "@/lib/db/pool";
import { isStatementTimeout } from "@/lib/db/statement-timeout";
import { type BoundedCount, boundedCount } from "@/lib/solutions/count-solutions";
import {
  CONTAMINATION_STATUSES,
  isFilterEmpty,
  type ListFilterKey,
  PROVENANCES,
  REVIEW_STATUSES,
  type SolutionFilter,
  VERDICTS,
} from "@/lib/solutions/solution-view";

export const FACET_BOUND = 1_000;
const STATEMENT_TIMEOUT_MS = 1_000;
const DEADLINE_MS = 5_000;
const PARALLEL = 3;

export interface FacetOption {
  value: string;
  label: string;
}

export type FacetOptions = Record<ListFilterKey, FacetOption[]>;
/** facet → value → count (null: not computed in time). */
export type FacetCounts = Record<ListFilterKey, Record<string, BoundedCount | null>>;

const enumOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replace(/_/g, " ") }));

/** The values each facet offers. Cheap: small tables and loose index scans, never a samples scan. */
export async function listFacetOptions(filter: SolutionFilter): Promise<FacetOptions> {
  const db = pool();
  const [sets, sources, batches, models] = await Promise.all([
    // Archived sets leave the list unless the view already filters on them.
    db.query<{ id: number; name: string }>("SELECT id, name FROM problem_sets WHERE archived_at IS NULL OR id = ANY($1::int[]) ORDER BY name", [filter.setIds]),
    // Loose index scan: one index probe per distinct value instead of reading 600K problems.
    db.query<{ v: string }>(`
      WITH RECURSIVE t AS (
        SELECT min(source) AS v FROM problems
        UNION ALL SELECT (SELECT min(source) FROM problems WHERE source > t.v) FROM t WHERE t.v IS NOT NULL
      ) SELECT v FROM t WHERE v IS NOT NULL LIMIT 200`),
    db.query<{ id: number; name: string }>(
      "SELECT id, name FROM generation_batches WHERE id = ANY($1::int[]) OR id IN (SELECT id FROM generation_batches ORDER BY id DESC LIMIT 50) ORDER BY id DESC",
      [filter.batchIds],
    ),
    db.query<{ v: string }>(`
      WITH RECURSIVE t AS (
        SELECT min(COALESCE(model, '')) AS v FROM samples
        UNION ALL SELECT (SELECT min(COALESCE(model, '')) FROM samples WHERE COALESCE(model, '') > t.v) FROM t WHERE t.v IS NOT NULL
      ) SELECT v FROM t WHERE v IS NOT NULL LIMIT 100`),
  ]);
  return {
    setIds: sets.rows.map((r) => ({ value: String(r.id), label: r.name })),
    sources: sources.rows.map((r) => ({ value: r.v, label: r.v })),
    batchIds: batches.rows.map((r) => ({ value: String(r.id), label: `${r.name} (#${r.id})` })),
    models: models.rows.map((r) => ({ value: r.v, label: r.v === "" ? "(none)" : r.v })),
    verdicts: enumOptions(VERDICTS),
    contamination: enumOptions(CONTAMINATION_STATUSES),
    reviewStatuses: enumOptions(REVIEW_STATUSES),
    provenances: enumOptions(PROVENANCES),
  };
}

/** The filter with one facet narrowed to one value (that facet's own selection is replaced). */
export function filterForFacetValue(filter: SolutionFilter, key: ListFilterKey, value: string): SolutionFilter {
  const typed = key === "setIds" || key === "batchIds" ? [Number(value)] : [value];
  return { ...filter, [key]: typed } as SolutionFilter;
}

export async function countFacetOptions(filter: SolutionFilter, options: FacetOptions, bound = FACET_BOUND): Promise<FacetCounts> {
  const counts = Object.fromEntries(Object.keys(options).map((k) => [k, {}])) as FacetCounts;
  const jobs: { key: ListFilterKey; value: string }[] = [];
  // Sets under no other filter: the maintained counters are exact and free.
  if (isFilterEmpty({ ...filter, setIds: [] })) {
    const { rows } = await pool().query<{ id: number; sample_count: number }>("SELECT id, sample_count FROM problem_sets");
    for (const row of rows) counts.setIds[String(row.id)] = { value: row.sample_count, exact: true, source: "counters" };
  }
  for (const [key, values] of Object.entries(options) as [ListFilterKey, FacetOption[]][]) {
    for (const option of values) {
      if (counts[key][option.value] === undefined) jobs.push({ key, value: option.value });
    }
  }
  const deadline = Date.now() + DEADLINE_MS;
  let next = 0;
  const worker = async () => {
    let client: PoolClient | null = null;
    const open = async () => {
      client = await pool().connect();
      await client.query("BEGIN READ ONLY");
      await client.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      return client;
    };
    try {
      let current = await open();
      while (next < jobs.length && Date.now() < deadline) {
        const job = jobs[next++];
        try {
          counts[job.key][job.value] = await boundedCount(filterForFacetValue(filter, job.key, job.value), bound, current);
        } catch (error) {
          // A statement timeout: leave the value without a count, restart the transaction.
          if (!isStatementTimeout(error)) throw error;
          counts[job.key][job.value] = null;
          await current.query("ROLLBACK");
          (current as PoolClient).release();
          client = null;
          current = await open();
        }
      }
    } finally {
      const held = client as PoolClient | null;
      if (held) {
        await held.query("ROLLBACK").catch(() => {});
        held.release();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, jobs.length) }, worker));
  for (const job of jobs) if (counts[job.key][job.value] === undefined) counts[job.key][job.value] = null;
  return counts;
}
