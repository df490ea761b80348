// Imports one dataset (one file, or the output-rs<seed>.jsonl files of one NeMo-Skills run) into
// a problem set, in ONE transaction: the set (if new), its problems, their samples and the
// counters commit together or not at all. A bad row anywhere rolls everything back; the file is
// then read once more by validateFile so the summary lists every bad row, not only the first.
// Grading is not done here: the caller queues it once the rows are in.
import { basename } from "node:path";
import { type DatasetFormat, FORMAT_PROVENANCE, type FieldMapping } from "@/lib/datasets/formats/dataset-format";
import { ImportError } from "@/lib/datasets/formats/import-error";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import { validateFile } from "@/lib/datasets/readers/validate-file";
import { ensureProblemSet, type SetRoleName } from "@/lib/datasets/import/ensure-problem-set";
import { emptySummary, type ImportSummary } from "@/lib/datasets/import/import-summary";
import { type LoadCounts, loadRecords } from "@/lib/datasets/import/load-records";
import {
  attachPartition,
  buildPartitionIndexes,
  buildSearchIndexNow,
  createBarePartition,
  INLINE_SEARCH_INDEX_MAX,
  partitionName,
  withPartitionDeferred,
} from "@/lib/datasets/import/samples-partition";
import { pool } from "@/lib/db/pool";
import type { PgTransaction } from "@/lib/db/transaction";
import { UserFacingError } from "@/lib/errors";

export interface ImportDatasetOptions {
  paths: string[];
  setName: string;
  role: SetRoleName;
  format?: DatasetFormat;
  mapping?: FieldMapping;
  /** problem_source for rows that name none (default: the set name), e.g. augmented_math. */
  source?: string;
  /** NeMo-Skills reasoning outputs: import `_full_generation` (the thinking trace) instead of `generation`. */
  fullGeneration?: boolean;
  /** The column holding each row's own id (default: id, unique_id or problem_id). */
  idField?: string;
  /** Every import has a Task row; its id is stamped on the samples (samples.import_task_id). */
  importTaskId: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Into a new set: called as each index of its solutions table is built (see samples-partition.ts). */
  onIndexBuilt?: (built: number, total: number, name: string) => void;
  /** Solutions into a new set up to this many get their search index before COMMIT (default INLINE_SEARCH_INDEX_MAX). */
  inlineSearchIndexMax?: number;
  /** Runs in the import's transaction just before COMMIT, given the summary it will return (its audit entry). */
  beforeCommit?: (client: PgTransaction, summary: ImportSummary) => Promise<void>;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  fraction: number;
  rows: number;
  records: number;
  problemsInserted: number;
  duplicates: number;
  solutions: number;
  rowsPerSecond: number;
  etaMs: number | null;
}

const MAX_LISTED_ERRORS = 100;
const ANALYZE_AFTER_ROWS = 10_000;

// Error values go into JSON columns (Task result, audit), which refuse NUL and lone surrogates.
function printable(text: string | undefined): string | undefined {
  return text?.replaceAll("\u0000", "\\u0000").toWellFormed();
}

function errorEntry(error: ImportError): ImportSummary["errors"][number] {
  return { message: printable(error.message) as string, line: error.line, rowGroup: error.rowGroup, row: error.row, field: error.field, value: printable(error.value) };
}

async function describeRejection(options: ImportDatasetOptions, first: ImportError, summary: ImportSummary): Promise<void> {
  let errors = [errorEntry(first)];
  let truncated = false;
  try {
    const report = await validateFile(options.paths, { format: options.format, mapping: options.mapping, idField: options.idField, maxErrors: MAX_LISTED_ERRORS });
    if (report.errors.length > 0) {
      errors = report.errors.map(errorEntry);
      // The loader's own checks (NUL characters, surrogates) are not in validateFile's list.
      if (!errors.some((e) => e.message === first.message)) errors.unshift(errorEntry(first));
    }
    truncated = report.truncated;
  } catch {
    // The dry run is a courtesy; the first error already says what is wrong.
  }
  summary.errors = errors;
  summary.errorsTruncated = truncated;
  summary.rejected = errors.length;
}

export async function importDataset(options: ImportDatasetOptions): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary(options.paths.map((p) => basename(p)));
  let reader: Awaited<ReturnType<typeof openDataset>>;
  try {
    reader = await openDataset(options.paths, {
      format: options.format,
      mapping: options.mapping,
      idField: options.idField,
      nemoSkills: { fullGeneration: options.fullGeneration, source: options.source },
    });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    await describeRejection(options, error, summary);
    summary.durationMs = Math.round(performance.now() - started);
    return summary;
  }
  summary.format = reader.format;
  const report = (counts: LoadCounts) => {
    if (!options.onProgress) return;
    const snap = reader.progress.snapshot();
    options.onProgress({
      bytesRead: snap.bytesRead,
      totalBytes: snap.totalBytes,
      fraction: snap.fraction,
      rows: snap.rowsRead,
      records: counts.records,
      problemsInserted: counts.problemsInserted,
      duplicates: counts.duplicates,
      solutions: counts.solutionsInserted,
      rowsPerSecond: snap.elapsedMs > 0 ? (snap.rowsRead * 1000) / snap.elapsedMs : 0,
      etaMs: snap.etaMs,
    });
  };

  const client = await pool().connect();
  let released = false;
  try {
    await client.query("BEGIN");
    const set = await withPartitionDeferred(client, () => ensureProblemSet(client, options.setName, options.role));
    // A new set's solutions load into a table of their own, indexed after the load and attached
    // before COMMIT (samples-partition.ts); an existing set's go through `samples`, its indexes
    // kept up row by row.
    const table = set.created ? await createBarePartition(client, set.id) : "samples";
    const provenance = FORMAT_PROVENANCE[reader.format];
    const counts = await loadRecords(
      client,
      reader,
      {
        setId: set.id,
        defaultSource: options.source ?? options.setName.trim(),
        importTaskId: options.importTaskId,
        provenance,
        samplesTable: table,
        freeze: set.created,
        countLengthBuckets: set.created,
      },
      report,
    );
    let searchIndex: ImportSummary["searchIndex"] = "built";
    if (set.created) {
      await buildPartitionIndexes(client, set.id, options.onIndexBuilt);
      await attachPartition(client, set.id, counts.lengthBuckets, provenance);
      if (counts.solutionsInserted <= (options.inlineSearchIndexMax ?? INLINE_SEARCH_INDEX_MAX)) await buildSearchIndexNow(client, set.id);
      else searchIndex = "deferred";
    }
    await client.query(
      "UPDATE problem_sets SET problem_count = problem_count + $2, sample_count = sample_count + $3 WHERE id = $1",
      [set.id, counts.problemsInserted, counts.solutionsInserted],
    );
    const loaded: Partial<ImportSummary> = {
      ok: true,
      set: { id: set.id, name: options.setName.trim(), role: options.role, created: set.created },
      rows: reader.progress.rowsRead,
      records: counts.records,
      problemsInserted: counts.problemsInserted,
      duplicates: counts.duplicates,
      duplicatesWithOtherAnswer: counts.duplicatesWithOtherAnswer,
      duplicateExamples: counts.duplicateExamples,
      solutionsInserted: counts.solutionsInserted,
      solutionsOnDuplicates: counts.solutionsOnDuplicates,
      solutionsWithFileVerdict: counts.solutionsWithFileVerdict,
      problemsWithoutGold: counts.problemsWithoutGold,
      loadPath: set.created ? "new-set" : "existing-set",
      searchIndex,
      ...(options.source !== undefined && { source: options.source }),
      ...(reader.nemoSkills && { nemoSkills: { ...reader.nemoSkills.toJSON(), fullGeneration: options.fullGeneration === true } }),
    };
    await options.beforeCommit?.(client, { ...summary, ...loaded });
    await client.query("COMMIT");
    Object.assign(summary, loaded);
    // A large load changes the tables' shape at once; the browser's and the export's queries
    // should not plan on statistics from before it until autovacuum gets there. Only this set's
    // partition changed (a new set's was analyzed before it was attached).
    if (counts.problemsInserted + counts.solutionsInserted >= ANALYZE_AFTER_ROWS) {
      await client.query(`ANALYZE problems${set.created ? "" : `, "${await partitionName(client, set.id)}"`}`).catch(() => {});
    }
    report(counts);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {
      // A broken connection rolled back by itself; do not hand it back to the pool.
      client.release(true);
      released = true;
    });
    summary.rows = reader.progress.rowsRead;
    if (error instanceof ImportError) await describeRejection(options, error, summary);
    else if (error instanceof UserFacingError) {
      summary.errors = [{ message: error.oneLine() }];
      summary.rejected = 0;
    } else throw error;
  } finally {
    if (!released) client.release();
  }
  summary.durationMs = Math.round(performance.now() - started);
  summary.rowsPerSecond = summary.durationMs > 0 ? Math.round((summary.rows * 1000) / summary.durationMs) : 0;
  return summary;
}
