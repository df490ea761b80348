import type { NemoSkillsReadCounts } from "@/lib/datasets/formats/nemo-skills-record";

// What an import reports, in the CLI, the Task result and the upload page. Counts are exact:
// every row read is either inserted, a duplicate (its solutions attached to the existing
// problem) or the reason the file was refused.

export interface DuplicateExample {
  /** "train.jsonl line 12" */
  where: string;
  sourceKey: string;
  existingProblemId: number;
  /** The duplicate carried another gold answer than the problem already stored. */
  answerDiffers: boolean;
}

export interface GradingSummary {
  taskId: number;
  state: "queued" | "running" | "completed" | "failed" | "cancelled";
  graded: number;
  total: number;
  equal: number;
  notEqual: number;
  noAnswer: number;
  undecided: number;
  /** Solutions whose file verdict (is_correct / symbolic_correct / judgement) we could compare with ours. */
  withFileVerdict: number;
  /** The file said correct, we say not equal (or no answer). */
  fileCorrectWeWrong: number;
  /** The file said incorrect, we say equal. */
  fileWrongWeCorrect: number;
  /** The file gave a verdict and ours is undecided. */
  fileVerdictWeUndecided: number;
}

export interface ImportSummary {
  ok: boolean;
  files: string[];
  format: string;
  set: { id: number; name: string; role: string; created: boolean } | null;
  /** Physical rows read (an OMI2 row is one (problem, solution) pair). */
  rows: number;
  /** Problem records after grouping (OMI2 rows of one problem form one record). */
  records: number;
  problemsInserted: number;
  /** Records whose problem (same normalised-text hash) was already in the set or earlier in the file. */
  duplicates: number;
  /** Of those, how many carried a different gold answer than the stored problem. */
  duplicatesWithOtherAnswer: number;
  duplicateExamples: DuplicateExample[];
  /** Bad rows found; an import with any is refused whole (rows inserted stay 0). */
  rejected: number;
  errors: { message: string; line?: number; rowGroup?: number; row?: number; field?: string; value?: string }[];
  /** More errors exist than listed. */
  errorsTruncated: boolean;
  solutionsInserted: number;
  /** Of the solutions, those attached to an already stored problem. */
  solutionsOnDuplicates: number;
  solutionsWithFileVerdict: number;
  problemsWithoutGold: number;
  durationMs: number;
  rowsPerSecond: number;
  grading: GradingSummary | null;
  /** "new-set": the solutions were loaded into the new set's own table, indexed after the load. */
  loadPath?: "new-set" | "existing-set";
  /** The substring-search index over this import's solutions: there at COMMIT, or "deferred" to a
   * background job after grading (large new sets; see samples-partition.ts). */
  searchIndex?: "built" | "deferred";
  /** The Task that builds a deferred search index. */
  searchIndexTaskId?: number | null;
  /** The problem source given to the import (--source) for rows that name none. */
  source?: string;
  /** NeMo-Skills outputs: `{}` lines, unfinished thoughts, where the file verdicts came from, labels
   * not taken (no vote; a seed problem's answer on a new problem). */
  nemoSkills?: NemoSkillsReadCounts & { fullGeneration: boolean };
}

export function emptySummary(files: string[]): ImportSummary {
  return {
    ok: false,
    files,
    format: "",
    set: null,
    rows: 0,
    records: 0,
    problemsInserted: 0,
    duplicates: 0,
    duplicatesWithOtherAnswer: 0,
    duplicateExamples: [],
    rejected: 0,
    errors: [],
    errorsTruncated: false,
    solutionsInserted: 0,
    solutionsOnDuplicates: 0,
    solutionsWithFileVerdict: 0,
    problemsWithoutGold: 0,
    durationMs: 0,
    rowsPerSecond: 0,
    grading: null,
  };
}
