// Problem sets with their maintained counters and the state of their text-search index: what
// `boxed sets` and the sets page show.
import { type SearchIndexState, setsWithoutSearchIndex } from "@/lib/datasets/search-index/search-index-state";
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
  /** Substring search over the set's solutions: indexed, being indexed, or waiting (after a large import). */
  searchIndex: SearchIndexState;
  createdAt: string;
  /** Archived sets keep their rows but leave the pickers; null while active. */
  archivedAt: string | null;
}

export async function listProblemSets(): Promise<ProblemSetRow[]> {
  const [sets, unindexed] = await Promise.all([prisma().problemSet.findMany({ orderBy: [{ role: "asc" }, { name: "asc" }] }), setsWithoutSearchIndex()]);
  const searchState = new Map(unindexed.map((u) => [u.setId, u.state]));
  return sets.map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role,
    description: s.description,
    problemCount: s.problemCount,
    sampleCount: s.sampleCount,
    gradedCount: s.gradedCount,
    correctCount: s.correctCount,
    searchIndex: searchState.get(s.id) ?? "ready",
    createdAt: s.createdAt.toISOString(),
    archivedAt: s.archivedAt?.toISOString() ?? null,
  }));
}
