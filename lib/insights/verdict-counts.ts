// Solutions counted by verdict, and the shares the charts show. Pure.
import { VERDICTS, type VerdictName } from "@/lib/solutions/solution-view";

export type VerdictCounts = Record<VerdictName, number>;

export const emptyVerdictCounts = (): VerdictCounts => Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;

export function totalOf(counts: VerdictCounts): number {
  return VERDICTS.reduce((sum, v) => sum + counts[v], 0);
}

/** Graded = everything but "ungraded", as problem_sets.graded_count counts it. */
export function gradedOf(counts: VerdictCounts): number {
  return totalOf(counts) - counts.ungraded;
}

/** equal / graded, or null when nothing is graded. */
export function correctShareOf(counts: VerdictCounts): number | null {
  const graded = gradedOf(counts);
  return graded > 0 ? counts.equal / graded : null;
}
