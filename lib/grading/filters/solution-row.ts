// The row every export filter works on: a problem and one of its solutions, plus whatever the
// caller carries along (ids, sources), which filters pass through untouched.
export interface SolutionRow {
  problem: string;
  solution: string;
  [field: string]: unknown;
}

/** Why a row was dropped, or null when it is kept; filters explain themselves like verdicts do. */
export type DropReason = string | null;
