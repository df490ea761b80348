// pass@k curves over generated solutions only, from pass_stats (kept by the triggers of migration
// solution_provenance): per source, MATH level and type, set, model and batch. For each problem,
// n = its graded generated solutions in the series' scope and c = the correct ones; a point at k
// averages pass@k over the problems with n >= k, and says how many those are. Reference solutions
// never count (they are the dataset's own answers, correct by construction); ungraded ones neither
// (a problem without a gold has none graded and drops out).
import { pool } from "@/lib/db/pool";
import { scopeSetIds, type InsightScope } from "@/lib/insights/insight-scope";
import { curveKs, passAtKCurve, type PassAtKPoint, type PassCountGroup } from "@/lib/insights/pass-at-k";
import { GENERATED, solutionsLink } from "@/lib/insights/solutions-link";

export interface PassAtKSeries {
  name: string;
  /** Problems with at least one graded generated solution (the k = 1 denominator). */
  problems: number;
  /** The series' generated solutions (by source, set, model or batch; level and type are not
   * filters of the table, so those open their sources). */
  href: string;
  /** Each point carries its own denominator: the problems with at least k graded solutions. */
  points: PassAtKPoint[];
}

export interface PassAtKCurves {
  bySource: PassAtKSeries[];
  byLevel: PassAtKSeries[];
  bySubject: PassAtKSeries[];
  bySet: PassAtKSeries[];
  byModel: PassAtKSeries[];
  byBatch: PassAtKSeries[];
}

interface Row {
  set_id: number;
  set_name: string;
  scope: "set" | "model" | "batch";
  scope_key: string;
  batch_name: string | null;
  source: string;
  level: string;
  subject: string;
  sample_count: number;
  correct_count: number;
  problems: string;
}

/** More series than this make a chart unreadable; the largest are kept. */
const MAX_SERIES = 8;

export async function findPassAtKCurves(scope: InsightScope): Promise<PassAtKCurves> {
  const { rows } = await pool().query<Row>(
    `SELECT st.set_id, ps.name AS set_name, st.scope, st.scope_key, b.name AS batch_name, st.source, st.level, st.subject,
            st.sample_count, st.correct_count, sum(st.problems)::bigint AS problems
       FROM pass_stats st
       JOIN problem_sets ps ON ps.id = st.set_id
       LEFT JOIN generation_batches b ON st.scope = 'batch' AND b.id::text = st.scope_key
      WHERE st.problems <> 0 AND st.sample_count > 0 AND ($1::int IS NULL OR st.set_id = $1)
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    [scope.setId],
  );
  const setIds = scopeSetIds(scope);
  const seriesBy = (of: Row["scope"], keyOf: (r: Row) => string, hrefOf: (key: string, members: Row[]) => string): PassAtKSeries[] => {
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      if (r.scope !== of) continue;
      const key = keyOf(r);
      if (key === "") continue;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.entries()]
      .map(([name, members]) => {
        const counts: PassCountGroup[] = members.map((m) => ({ sampleCount: m.sample_count, correctCount: m.correct_count, problems: Number(m.problems) }));
        const maxSamples = Math.max(...counts.map((c) => c.sampleCount));
        return { name, problems: counts.reduce((s, c) => s + c.problems, 0), href: hrefOf(name, members), points: passAtKCurve(counts, curveKs(maxSamples)) };
      })
      .sort((a, b) => b.problems - a.problems)
      .slice(0, MAX_SERIES)
      .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }));
  };
  const sourcesOf = (members: Row[]) => [...new Set(members.map((m) => m.source))].sort();
  const link = (filter: Parameters<typeof solutionsLink>[0]) => solutionsLink({ setIds, provenances: GENERATED, ...filter });
  const batchLabel = (r: Row) => (r.scope_key === "0" ? "imported generation files" : r.batch_name ? `#${r.scope_key} ${r.batch_name}` : `#${r.scope_key}`);
  return {
    bySource: seriesBy("set", (r) => r.source, (source) => link({ sources: [source] })),
    byLevel: seriesBy("set", (r) => r.level, (_level, members) => link({ sources: sourcesOf(members) })),
    bySubject: seriesBy("set", (r) => r.subject, (_subject, members) => link({ sources: sourcesOf(members) })),
    bySet: seriesBy("set", (r) => r.set_name, (_name, members) => solutionsLink({ setIds: [members[0].set_id], provenances: GENERATED })),
    byModel: seriesBy("model", (r) => r.scope_key || "(unknown model)", (_name, members) => link({ models: [members[0].scope_key] })),
    byBatch: seriesBy("batch", batchLabel, (_name, members) => link({ batchIds: [Number(members[0].scope_key)] })),
  };
}
