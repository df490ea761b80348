// What the dashboard shows first. Reads only maintained counters (problem_sets) and the
// problem_stats and sample_stats aggregates (kept by triggers), never a scan of problems or
// samples. Correct shares are over generated solutions: a set imported with its reference
// solutions (GSM8K answers, MATH solutions) would otherwise report the dataset's own answers
// as the model's; references are counted apart, with how many agree with the gold.
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
  generated: ProvenanceCounts;
  references: ProvenanceCounts;
}

/** Solutions of one provenance: all, graded (any verdict but ungraded), graded equal to the gold. */
export interface ProvenanceCounts {
  samples: number;
  graded: number;
  correct: number;
}

const noCounts = (): ProvenanceCounts => ({ samples: 0, graded: 0, correct: 0 });

export interface DashboardSummary {
  sets: SetSummary[];
  totals: { problems: number; samples: number; graded: number; correct: number; contaminated: number; generated: ProvenanceCounts; references: ProvenanceCounts };
}

export async function getDashboardSummary(): Promise<DashboardSummary> {
  const [sets, sourceRows, provenanceRows] = await Promise.all([
    prisma().problemSet.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] }),
    prisma().$queryRaw<{ set_id: number; source: string; status: string; problems: bigint }[]>`
      SELECT set_id, source, contamination_status::text AS status, sum(problems)::bigint AS problems
      FROM problem_stats WHERE problems <> 0 GROUP BY 1, 2, 3`,
    prisma().$queryRaw<{ set_id: number; provenance: "generated" | "reference"; verdict: string; samples: bigint }[]>`
      SELECT set_id, provenance::text AS provenance, verdict::text AS verdict, sum(samples)::bigint AS samples
      FROM sample_stats WHERE samples <> 0 GROUP BY 1, 2, 3`,
  ]);
  const countsOf = (setId: number, provenance: "generated" | "reference"): ProvenanceCounts => {
    const c = noCounts();
    for (const row of provenanceRows) {
      if (row.set_id !== setId || row.provenance !== provenance) continue;
      const n = Number(row.samples);
      c.samples += n;
      if (row.verdict !== "ungraded") c.graded += n;
      if (row.verdict === "equal") c.correct += n;
    }
    return c;
  };
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
    generated: countsOf(set.id, "generated"),
    references: countsOf(set.id, "reference"),
  }));
  const add = (a: ProvenanceCounts, b: ProvenanceCounts) => ({ samples: a.samples + b.samples, graded: a.graded + b.graded, correct: a.correct + b.correct });
  const totals = summaries.reduce(
    (acc, s) => ({
      problems: acc.problems + s.problemCount,
      samples: acc.samples + s.sampleCount,
      graded: acc.graded + s.gradedCount,
      correct: acc.correct + s.correctCount,
      contaminated: acc.contaminated + s.contaminatedCount,
      generated: add(acc.generated, s.generated),
      references: add(acc.references, s.references),
    }),
    { problems: 0, samples: 0, graded: 0, correct: 0, contaminated: 0, generated: noCounts(), references: noCounts() },
  );
  return { sets: summaries, totals };
}
