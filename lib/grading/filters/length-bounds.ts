// Recipe section 5 length filters: problems over [1024] tokens, solutions under [200] characters
// or over [1024] tokens are dropped. Token counts are approximate (see count-tokens.ts).
import { TOKENIZER_LABEL, exceedsTokens } from "@/lib/grading/filters/count-tokens";
import type { DropReason, SolutionRow } from "@/lib/grading/filters/solution-row";

export interface LengthBounds {
  maxProblemTokens?: number | null;
  minSolutionChars?: number | null;
  maxSolutionTokens?: number | null;
}

export const RECIPE_LENGTH_BOUNDS: Required<LengthBounds> = { maxProblemTokens: 1024, minSolutionChars: 200, maxSolutionTokens: 1024 };

export function lengthBoundsReason(row: SolutionRow, bounds: LengthBounds = RECIPE_LENGTH_BOUNDS): DropReason {
  const b = { ...RECIPE_LENGTH_BOUNDS, ...bounds };
  if (b.minSolutionChars != null && row.solution.length < b.minSolutionChars) {
    return `solution has ${row.solution.length} characters, under ${b.minSolutionChars}`;
  }
  if (b.maxSolutionTokens != null && exceedsTokens(row.solution, b.maxSolutionTokens)) {
    return `solution has more than ${b.maxSolutionTokens} tokens (${TOKENIZER_LABEL})`;
  }
  if (b.maxProblemTokens != null && exceedsTokens(row.problem, b.maxProblemTokens)) {
    return `problem has more than ${b.maxProblemTokens} tokens (${TOKENIZER_LABEL})`;
  }
  return null;
}

export function dropOutOfBounds<T extends SolutionRow>(rows: Iterable<T>, bounds?: LengthBounds): T[] {
  return [...rows].filter((row) => lengthBoundsReason(row, bounds) === null);
}
