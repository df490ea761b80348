// Solutions by source, batch or model with their verdicts, from sample_stats (a few thousand rows
// at full scale, never the samples table). Each row carries the link to its solutions.
// Generated solutions only: a reference solution is the dataset's own answer, not a model's, and
// would lift the correct share (docs/insights.md); references have their own check.
import { pool } from "@/lib/db/pool";
import type { InsightScope } from "@/lib/insights/insight-scope";
import { scopeSetIds } from "@/lib/insights/insight-scope";
import { solutionsLink, type SolutionsLinkFilter } from "@/lib/insights/solutions-link";
import { correctShareOf, emptyVerdictCounts, totalOf, type VerdictCounts } from "@/lib/insights/verdict-counts";
import { VERDICTS, type VerdictName } from "@/lib/solutions/solution-view";

export type BreakdownDimension = "source" | "batch" | "model";

export interface BreakdownRow {
  key: string;
  label: string;
  counts: VerdictCounts;
  total: number;
  correctShare: number | null;
  /** The filtered solutions table for this row, and for each verdict of it. */
  href: string;
  verdictHrefs: Record<VerdictName, string>;
}

const KEY_SQL: Record<BreakdownDimension, string> = {
  source: "st.source",
  batch: "st.batch_id::text",
  model: "st.model",
};

/** At most this many rows per chart (the largest); the rest are summed into "other". */
export const BREAKDOWN_LIMIT = 24;

export async function findSampleBreakdown(dimension: BreakdownDimension, scope: InsightScope): Promise<BreakdownRow[]> {
  const { rows } = await pool().query<{ key: string; batch_name: string | null; verdict: VerdictName; samples: string }>(
    `SELECT ${KEY_SQL[dimension]} AS key, ${dimension === "batch" ? "b.name" : "NULL"} AS batch_name, st.verdict::text AS verdict, sum(st.samples)::bigint AS samples
     FROM sample_stats st ${dimension === "batch" ? "LEFT JOIN generation_batches b ON b.id = st.batch_id" : ""}
     WHERE st.samples <> 0 AND st.provenance = 'generated' AND ($1::int IS NULL OR st.set_id = $1)
     GROUP BY 1, 2, 3`,
    [scope.setId],
  );
  const byKey = new Map<string, { label: string; counts: VerdictCounts }>();
  for (const r of rows) {
    const entry = byKey.get(r.key) ?? { label: labelOf(dimension, r.key, r.batch_name), counts: emptyVerdictCounts() };
    entry.counts[r.verdict] += Number(r.samples);
    byKey.set(r.key, entry);
  }
  const sorted = [...byKey.entries()].map(([key, e]) => ({ key, ...e, total: totalOf(e.counts) })).sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  return sorted.slice(0, BREAKDOWN_LIMIT).map((e) => {
    const base: SolutionsLinkFilter = { setIds: scopeSetIds(scope), provenances: ["generated"], ...filterOf(dimension, e.key) };
    return {
      key: e.key,
      label: e.label,
      counts: e.counts,
      total: e.total,
      correctShare: correctShareOf(e.counts),
      href: solutionsLink(base),
      verdictHrefs: Object.fromEntries(VERDICTS.map((v) => [v, solutionsLink({ ...base, verdicts: [v] })])) as Record<VerdictName, string>,
    };
  });
}

function labelOf(dimension: BreakdownDimension, key: string, batchName: string | null): string {
  if (dimension === "batch") return key === "0" ? "imported generation files" : batchName ? `#${key} ${batchName}` : `#${key}`;
  if (dimension === "model") return key === "" ? "(unknown model)" : key;
  return key;
}

function filterOf(dimension: BreakdownDimension, key: string): SolutionsLinkFilter {
  if (dimension === "batch") return { batchIds: [Number(key)] };
  if (dimension === "model") return { models: [key] };
  return { sources: [key] };
}
