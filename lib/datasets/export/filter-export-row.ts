// The recipe's per-row export filters (docs/recipe.md section 5), applied in a fixed order to one
// (problem, solution) row. Pure. A row whose filter inputs were stored when it was graded
// (lib/grading/filters/filter-inputs.ts) is decided from them, as the COPY path decides it in SQL
// (copy-jsonl-export.ts); a row without them is decided from its text, as before they existed.
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import type { FilterName } from "@/lib/datasets/export/export-stats";
import type { Provenance } from "@/lib/datasets/formats/dataset-format";
import { countBoxed } from "@/lib/grading/extract";
import { exceedsTokens, TOKENIZER_LABEL } from "@/lib/grading/filters/count-tokens";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import type { SolutionFilterInputs } from "@/lib/grading/filters/filter-inputs";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";

export const CONTAMINATED_STATUSES = ["contaminated", "flagged"] as const;

export interface CandidateRow {
  sampleId: number;
  problemId: number;
  problem: string;
  /** Null when the database already knew the row is out (not correct, contaminated) and did not send the text. */
  solution: string | null;
  expectedAnswer: string | null;
  source: string;
  provenance: Provenance;
  verdict: string;
  contaminationStatus: string;
  /** problem_clusters.kept of the problem: false when "keep one per cluster" dropped it. */
  clusterKept?: boolean | null;
  /** Approximate tokens of the stored solution, when grading computed them. */
  tokenCount: number | null;
  /** The filter inputs stored at grading, when they are of the current FILTER_INPUTS_VERSION. */
  inputs?: SolutionFilterInputs | null;
}

export type RowDecision =
  | { keep: true; solution: string; trimmed: boolean }
  | { keep: false; filter: FilterName; reason: string };

/** Problem-level checks are the same for all of a problem's solutions: computed once per problem. */
export class ProblemChecks {
  private problemId = -1;
  private tooLong: string | null = null;

  problemTooLong(row: CandidateRow, max: number | null): string | null {
    if (max === null) return null;
    if (row.problemId !== this.problemId) {
      this.problemId = row.problemId;
      const over = row.inputs ? row.inputs.problemTokens > max : exceedsTokens(row.problem, max);
      this.tooLong = over ? problemTooLongReason(max) : null;
    }
    return this.tooLong;
  }
}

export const problemTooLongReason = (max: number) => `problem has more than ${max} tokens (${TOKENIZER_LABEL})`;
export const solutionTooLongReason = (max: number) => `more than ${max} tokens (${TOKENIZER_LABEL})`;
export const NO_BOXED_REASON = "no \\boxed{} in the solution";
export const multiBoxedReason = (boxes: number) => `${boxes} \\boxed{} in the solution`;
export const tooShortReason = (length: number, min: number) => `${length} characters, under ${min}`;
export const duplicateReason = (problemId: number) => `same text as an earlier solution of problem ${problemId}`;

/** No gold answer: none stored, or a blank one. */
export function hasNoGold(expectedAnswer: string | null): boolean {
  return expectedAnswer === null || expectedAnswer.trim() === "";
}

export function filterExportRow(row: CandidateRow, settings: ExportSettings, problems: ProblemChecks): RowDecision {
  if (settings.dropWithoutGold && hasNoGold(row.expectedAnswer)) {
    return { keep: false, filter: "no-gold-answer", reason: `problem ${row.problemId} has no gold answer` };
  }
  if (settings.excludeContaminated && (CONTAMINATED_STATUSES as readonly string[]).includes(row.contaminationStatus)) {
    return { keep: false, filter: "contaminated", reason: `problem ${row.problemId} is ${row.contaminationStatus}` };
  }
  if (settings.dropNearDuplicates && row.clusterKept === false) {
    return { keep: false, filter: "near-duplicate", reason: `problem ${row.problemId} is a near-duplicate` };
  }
  if (settings.correctOnly && row.verdict !== "equal") {
    return { keep: false, filter: "not-correct", reason: `verdict is ${row.verdict}` };
  }
  return filterSolution(row, settings, problems);
}

/** The filters that read the solution's text (or its stored inputs), in order, after the ones
 * the database decides from the problem and the verdict. */
export function filterSolution(row: CandidateRow, settings: ExportSettings, problems: ProblemChecks): RowDecision {
  if (row.solution === null) throw new Error(`sample ${row.sampleId}: the solution text was not fetched`);
  // Stored inputs describe the trimmed text: they decide only when the export trims.
  const stored = settings.trimAfterBoxed ? (row.inputs ?? null) : null;
  const boxes = settings.requireBoxed || settings.dropMultiBoxed ? (stored?.boxedCount ?? countBoxed(row.solution)) : 0;
  if (settings.requireBoxed && boxes === 0) return { keep: false, filter: "no-boxed", reason: NO_BOXED_REASON };
  if (settings.dropMultiBoxed && boxes > 1) return { keep: false, filter: "multi-boxed", reason: multiBoxedReason(boxes) };
  const solution = !settings.trimAfterBoxed ? row.solution : stored ? row.solution.slice(0, stored.trimmedLength) : trimAfterBoxed(row.solution);
  const trimmed = solution !== row.solution;
  if (settings.minSolutionChars !== null && solution.length < settings.minSolutionChars) {
    return { keep: false, filter: "solution-too-short", reason: tooShortReason(solution.length, settings.minSolutionChars) };
  }
  if (settings.maxSolutionTokens !== null) {
    const max = settings.maxSolutionTokens;
    // Grading stored the untrimmed count; it decides only when nothing was trimmed.
    const over = stored ? stored.trimmedTokens > max : !trimmed && row.tokenCount !== null ? row.tokenCount > max : exceedsTokens(solution, max);
    if (over) return { keep: false, filter: "solution-too-long", reason: solutionTooLongReason(max) };
  }
  const problemReason = problems.problemTooLong(row, settings.maxProblemTokens);
  if (problemReason) return { keep: false, filter: "problem-too-long", reason: problemReason };
  if (settings.arithmeticCheck) {
    const reason = stored ? stored.arithmeticError : incorrectArithmeticReason({ problem: row.problem, solution });
    if (reason) return { keep: false, filter: "arithmetic", reason };
  }
  return { keep: true, solution, trimmed };
}

/** Exact-duplicate check. Rows arrive grouped by problem, so only the current problem's solutions
 * are remembered: memory is one problem's solutions, not the export's. */
export class ProblemDedup {
  private problemId = -1;
  private seen = new Set<string>();

  isDuplicate(problemId: number, solution: string): boolean {
    if (problemId !== this.problemId) {
      this.problemId = problemId;
      this.seen = new Set();
    }
    if (this.seen.has(solution)) return true;
    this.seen.add(solution);
    return false;
  }
}
