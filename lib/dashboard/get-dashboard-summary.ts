// What the dashboard shows first. Reads only maintained counters (problem_sets) and one grouped
// scan of problems by source (hundreds of thousands of rows at most, never the samples table).
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
}

export interface DashboardSummary {
  sets: SetSummary[];
  totals: { problems: number; samples: number; graded: number; correct: number };
}

export async function getDashboardSummary(): Promise<DashboardSummary> {
  const [sets, sourceRows] = await Promise.all([
    prisma().problemSet.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] }),
    prisma().$queryRaw<{ set_id: number; source: string; problems: bigint }[]>`
      SELECT set_id, source, count(*) AS problems FROM problems GROUP BY set_id, source ORDER BY set_id, problems DESC`,
  ]);
  const summaries: SetSummary[] = sets.map((set) => ({
    id: set.id,
    name: set.name,
    role: set.role,
    problemCount: set.problemCount,
    sampleCount: set.sampleCount,
    gradedCount: set.gradedCount,
    correctCount: set.correctCount,
    sources: sourceRows.filter((row) => row.set_id === set.id).map((row) => ({ source: row.source, problems: Number(row.problems) })),
  }));
  const totals = summaries.reduce(
    (acc, s) => ({ problems: acc.problems + s.problemCount, samples: acc.samples + s.sampleCount, graded: acc.graded + s.gradedCount, correct: acc.correct + s.correctCount }),
    { problems: 0, samples: 0, graded: 0, correct: 0 },
  );
  return { sets: summaries, totals };
}
