// Problem sets with their maintained counters: what `boxed sets` and the sets page show.
import { prisma } from "@/lib/db/prisma";

export interface ProblemSetRow {
  id: number;
  name: string;
  role: "seed" | "benchmark" | "synthetic";
  description: string | null;
  problemCount: number;
  sampleCount: number;
  gradedCount: number;
  correctCount: number;
  createdAt: string;
}

export async function listProblemSets(): Promise<ProblemSetRow[]> {
  const sets = await prisma().problemSet.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] });
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role,
    description: s.description,
    problemCount: s.problemCount,
    sampleCount: s.sampleCount,
    gradedCount: s.gradedCount,
    correctCount: s.correctCount,
    createdAt: s.createdAt.toISOString(),
  }));
}
