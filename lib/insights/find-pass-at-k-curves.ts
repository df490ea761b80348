// pass@k curves by source, and by MATH level and type where the problems carry them, from the
// (sample_count, correct_count) pairs in problem_stats. Problems without a gold answer are left
// out (nothing can be correct for them); synthetic problems count against their majority label.
import { pool } from "@/lib/db/pool";
import { scopeSetIds, type InsightScope } from "@/lib/insights/insight-scope";
import { curveKs, passAtKCurve, type PassAtKPoint, type PassCountGroup } from "@/lib/insights/pass-at-k";
import { solutionsLink } from "@/lib/insights/solutions-link";

export interface PassAtKSeries {
  name: string;
  problems: number;
  /** Solutions of the series (by source: level and type are not filters of the table). */
  href: string;
  points: PassAtKPoint[];
}

export interface PassAtKCurves {
  bySource: PassAtKSeries[];
  byLevel: PassAtKSeries[];
  bySubject: PassAtKSeries[];
}

interface Row {
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
    `SELECT source, level, subject, sample_count, correct_count, sum(problems)::bigint AS problems FROM problem_stats
     WHERE problems <> 0 AND sample_count > 0 AND gold_source <> 'none' AND ($1::int IS NULL OR set_id = $1)
     GROUP BY 1, 2, 3, 4, 5`,
    [scope.setId],
  );
  const setIds = scopeSetIds(scope);
  const seriesBy = (keyOf: (r: Row) => string, hrefOf: (key: string, members: Row[]) => string): PassAtKSeries[] => {
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
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
  return {
    bySource: seriesBy((r) => r.source, (source) => solutionsLink({ setIds, sources: [source] })),
    byLevel: seriesBy((r) => r.level, (_level, members) => solutionsLink({ setIds, sources: sourcesOf(members) })),
    bySubject: seriesBy((r) => r.subject, (_subject, members) => solutionsLink({ setIds, sources: sourcesOf(members) })),
  };
}
