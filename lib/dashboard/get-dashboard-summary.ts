// What the dashboard shows first. Reads only maintained counters (problem_sets) and the
// problem_stats aggregate (problems by set, source and contamination status, kept by triggers),
// never a scan of problems or samples.
import { prisma } from "@/lib/db/prisma";

export interface SetSummary {
  id: number;
  name: string;
  role: "seed" | "benchmark" | "synthetic";
  problemCount: number;
  sampleCount: number;
  gradedCount: number;
  correctCount: number;
  sources: { source: string; problems: number }[];
  /** Problems whose decontamination check is done (any status but unchecked). */
  checkedCount: number;
  /** Problems decided contaminated by a reviewer. */
  contaminatedCount: number;
  /** Problems flagged by the judge and still waiting for a decision. */
  flaggedCount: number;
}

export interface DashboardSummary {
  sets: SetSummary[];
  totals: { problems: number; samples: number; graded: number; correct: number; contaminated: number };
}

export async function getDashboardSummary(): Promise<DashboardSummary> {
  const [sets, sourceRows] = await Promise.all([
    prisma().problemSet.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] }),
    prisma().$queryRaw<{ set_id: number; source: string; status: string; problems: bigint }[]>`
      SELECT set_id, source, contamination_status::text AS status, sum(problems)::bigint AS problems
      FROM problem_stats WHERE problems <> 0 GROUP BY 1, 2, 3`,
  ]);
  const sum = (setId: number, where: (row: (typeof sourceRows)[number]) => boolean) =>
    sourceRows.filter((row) => row.set_id === setId && where(row)).reduce((total, row) => total + Number(row.problems), 0);
  const sourcesOf = (setId: number) => {
    const bySource = new Map<string, number>();
    for (const row of sourceRows) if (row.set_id === setId) bySource.set(row.source, (bySource.get(row.source) ?? 0) + Number(row.problems));
    return [...bySource.entries()].map(([source, problems]) => ({ source, problems })).sort((a, b) => b.problems - a.problems || a.source.localeCompare(b.source));
  };
  const summaries: SetSummary[] = sets.map((set) => ({
    id: set.id,
    name: set.name,
    role: set.role,
    problemCount: set.problemCount,
    sampleCount: set.sampleCount,
    gradedCount: set.gradedCount,
    correctCount: set.correctCount,
    sources: sourcesOf(set.id),
    checkedCount: sum(set.id, (row) => row.status !== "unchecked"),
    contaminatedCount: sum(set.id, (row) => row.status === "contaminated"),
    flaggedCount: sum(set.id, (row) => row.status === "flagged"),
  }));
  const totals = summaries.reduce(
    (acc, s) => ({
      problems: acc.problems + s.problemCount,
      samples: acc.samples + s.sampleCount,
      graded: acc.graded + s.gradedCount,
      correct: acc.correct + s.correctCount,
      contaminated: acc.contaminated + s.contaminatedCount,
    }),
    { problems: 0, samples: 0, graded: 0, correct: 0, contaminated: 0 },
  );
  return { sets: summaries, totals };
}
