// Which way a grading run writes its grades (pure: the numbers come from grade-import.ts).
//
// "update": batches of 1,000 rows claimed FOR UPDATE SKIP LOCKED and updated in place
// (grade-import-rows.ts). Every update is a new ~1.5 KB row version plus an entry in each of the
// partition's indexes, and fires the aggregate triggers: ~150 µs of PostgreSQL CPU a row. Right
// for small runs, and for runs that touch a small part of a large set (rewriting the whole
// partition for them would cost more than updating their rows).
// "bulk": results staged by COPY, then the set's partition rebuilt once with them
// (grade-bulk-stage.ts, grade-bulk-swap.ts). It rewrites every row of the partition, graded or
// not, so it pays when the rows to grade are many AND most of the partition.
export type GradingPath = "update" | "bulk";

/** Fewer rows than this are graded in place: the rebuild's fixed costs (13 index builds, the swap) are not worth it. */
export const BULK_MIN_ROWS = 200_000;
/** ...and only when they are at least this share of the set's rows (the rebuild copies them all). */
export const BULK_MIN_SHARE = 0.5;

export interface GradingPathFacts {
  /** Rows of the import still ungraded and not staged. */
  toGrade: number;
  /** Rows already in this run's staging table (a bulk run that was stopped). */
  staged: number;
  /** Rows in the set's partition (problem_sets.sample_count). */
  setRows: number;
}

export function chooseGradingPath(facts: GradingPathFacts, forced?: GradingPath | "auto"): GradingPath {
  if (forced && forced !== "auto") return forced;
  // A stopped bulk run resumes as one: its staged grades are only written by the rebuild.
  if (facts.staged > 0) return "bulk";
  return facts.toGrade >= BULK_MIN_ROWS && facts.toGrade >= facts.setRows * BULK_MIN_SHARE ? "bulk" : "update";
}
