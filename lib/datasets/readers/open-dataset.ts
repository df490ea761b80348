import { stat } from "node:fs/promises";
import type {
  Container,
  DatasetFormat,
  FieldMapping,
} from "@/lib/datasets/formats/dataset-format";
import { containerFromFileName, resolveFormat } from "@/lib/datasets/formats/detect-format";
import { genericRecord } from "@/lib/datasets/formats/generic-record";
import { gsm8kRecord } from "@/lib/datasets/formats/gsm8k-record";
import { messagesRecord } from "@/lib/datasets/formats/messages-record";
import { ROW_ID_FIELDS } from "@/lib/datasets/formats/source-key";
import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { mathRecord } from "@/lib/datasets/formats/math-record";
import { parseNemoOutputName } from "@/lib/datasets/formats/nemo-skills-file-name";
import type { NemoSkillsReadOptions, NemoSkillsReadStats } from "@/lib/datasets/formats/nemo-skills-record";
import { parseOmi2Row } from "@/lib/datasets/formats/omi2-row";
import type { Row } from "@/lib/datasets/formats/row-fields";
import { DEFAULT_MAX_SOLUTIONS_PER_RECORD, groupOmi2Rows, type Omi2Item } from "@/lib/datasets/readers/group-omi2-rows";
import { openNemoSkillsRun } from "@/lib/datasets/readers/nemo-skills-lockstep";
import { openParquet, parquetRows } from "@/lib/datasets/readers/parquet-rows";
import { csvItems, jsonlItems, type RawItem } from "@/lib/datasets/readers/raw-row-items";
import { type ProgressListener, ReadProgress } from "@/lib/datasets/readers/read-progress";

// Entry point of the import file layer: path(s) in, async iterator of normalised records out.
//
// Error policy: the reader throws an ImportError at the first bad row. The database loader runs a
// file inside one transaction, so a throw rolls the whole file back: a file imports completely or
// not at all. `validateFile` (validate-file.ts) is the dry run that keeps going and lists many
// problems at once; it uses the `onRowError` hook below.

export interface OpenDatasetOptions {
  /** Overrides detection; the first record is still checked against it. */
  format?: DatasetFormat;
  /** Column mapping for the generic format (implies it when no format is given). */
  mapping?: FieldMapping;
  /** The column holding each row's own id, in any format (default: id, unique_id or problem_id). */
  idField?: string;
  /** Called after every chunk read (about every MiB) with bytes read / total, rate and ETA. */
  onProgress?: ProgressListener;
  /** OMI2 grouping bound (default 10,000). */
  maxSolutionsPerRecord?: number;
  /** Dry-run hook: errors confined to one row are passed here and the row skipped instead of thrown. */
  onRowError?: (error: ImportError) => void;
  /** NeMo-Skills outputs: full generations, the import's source (nemo-skills-record.ts). */
  nemoSkills?: NemoSkillsReadOptions;
}

export interface DatasetReader extends AsyncIterable<ImportRecord> {
  /** Files in read order (NeMo-Skills files sorted by seed). */
  readonly files: readonly string[];
  readonly format: DatasetFormat;
  readonly container: Container;
  /** Live counters; `progress.snapshot()` gives fraction, rate and ETA. */
  readonly progress: ReadProgress;
  /** NeMo-Skills outputs: what the reader skipped or read specially (complete once iterated). */
  readonly nemoSkills?: NemoSkillsReadStats;
}

type RowMapper = (row: Row, loc: ImportLocation) => ImportRecord;

function emptyFileError(path: string, progress: ReadProgress): ImportError {
  return new ImportError({
    code: "empty-file",
    file: path,
    detail: progress.bytesRead === 0 ? "the file is empty" : `the file has no records (${progress.blankLines} blank lines)`,
  });
}

function checkProblem(record: ImportRecord): ImportRecord {
  if (record.problem.trim() === "") {
    const loc = record.location;
    throw new ImportError({ code: "invalid-value", file: loc.file, line: loc.line, rowGroup: loc.rowGroup, row: loc.row, field: "problem", value: record.problem, detail: 'field "problem" is empty' });
  }
  return record;
}

/** Calls `map` per row; recoverable errors go to `onRowError` when given, else are thrown. */
async function* mapItems<T>(
  items: AsyncIterable<RawItem>,
  map: (row: Row, loc: ImportLocation) => T,
  progress: ReadProgress,
  onRowError?: (error: ImportError) => void,
): AsyncGenerator<T> {
  for await (const item of items) {
    progress.rowsRead++;
    let out: T | undefined;
    try {
      if (item.error) throw item.error;
      out = map(item.row, item.loc);
    } catch (error) {
      if (!(error instanceof ImportError) || !onRowError) throw error;
      onRowError(error);
      continue;
    }
    yield out;
  }
}

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* counted(records: AsyncIterable<ImportRecord>, progress: ReadProgress): AsyncGenerator<ImportRecord> {
  for await (const record of records) {
    progress.recordsRead++;
    yield record;
  }
}

/** Pulls the first parseable row (reporting earlier bad rows in dry-run mode) for detection. */
async function peekFirstRow(
  it: AsyncIterator<RawItem>,
  path: string,
  progress: ReadProgress,
  onRowError?: (error: ImportError) => void,
): Promise<RawItem & { row: Row }> {
  for (;;) {
    const next = await it.next();
    if (next.done) throw emptyFileError(path, progress);
    const item = next.value;
    if (!item.error) return item as RawItem & { row: Row };
    if (!onRowError) throw item.error;
    progress.rowsRead++;
    onRowError(item.error);
  }
}

function rowMapper(format: Exclude<DatasetFormat, "omi2" | "nemo-skills">, mapping?: FieldMapping, idField?: string): RowMapper {
  if (format === "gsm8k") return (row, loc) => gsm8kRecord(row, loc, idField);
  if (format === "math") return (row, loc) => mathRecord(row, loc, idField);
  if (format === "messages") return (row, loc) => messagesRecord(row, loc, idField);
  const m = mapping as FieldMapping;
  return (row, loc) => genericRecord(row, loc, m, idField);
}

function recordsFor(
  format: DatasetFormat,
  items: AsyncIterable<RawItem>,
  progress: ReadProgress,
  options: OpenDatasetOptions,
): AsyncIterable<ImportRecord> {
  const { onRowError } = options;
  if (format === "omi2") {
    const rows = mapItems<Omi2Item>(items, (row, loc) => ({ row: parseOmi2Row(row, loc, options.idField), loc }), progress, onRowError);
    return groupOmi2Rows(rows, options.maxSolutionsPerRecord ?? DEFAULT_MAX_SOLUTIONS_PER_RECORD);
  }
  if (format === "nemo-skills") throw new Error("nemo-skills goes through lockstepRecords");
  const map = rowMapper(format, options.mapping, options.idField);
  return mapItems(items, (row, loc) => checkProblem(map(row, loc)), progress, onRowError);
}

function readerOf(
  files: readonly string[],
  format: DatasetFormat,
  container: Container,
  progress: ReadProgress,
  records: AsyncIterable<ImportRecord>,
  nemoSkills?: NemoSkillsReadStats,
): DatasetReader {
  let used = false;
  return {
    files,
    format,
    container,
    progress,
    ...(nemoSkills && { nemoSkills }),
    [Symbol.asyncIterator]() {
      // The underlying streams can be consumed once; a second pass must reopen the file.
      if (used) throw new Error("a DatasetReader can be iterated only once; call openDataset again");
      used = true;
      return counted(records, progress)[Symbol.asyncIterator]();
    },
  };
}

/** `output-rs3.jsonl`, `output_chunk_2.jsonl`: a name only NeMo-Skills writes (a bare `output.jsonl`
 * could be anything, so it goes through detection). */
function looksLikeSeededOutput(path: string): boolean {
  const name = parseNemoOutputName(path);
  return name !== null && (name.seed !== null || name.chunk !== null);
}

async function openNemoSkills(paths: readonly string[], progress: ReadProgress, options: OpenDatasetOptions): Promise<DatasetReader> {
  const run = await openNemoSkillsRun(paths, progress, { ...options.nemoSkills, onRowError: options.onRowError });
  const records = (async function* () {
    for await (const record of run.records) yield checkProblem(record);
  })();
  return readerOf(run.files, "nemo-skills", "jsonl", progress, records, run.stats);
}

/**
 * Open one dataset file (or several NeMo-Skills `output-rs<seed>.jsonl` files read in lockstep)
 * and detect its format. Detection reads the first record (JSONL/CSV) or the schema (Parquet);
 * nothing else is read until iteration.
 */
export async function openDataset(input: string | readonly string[], options: OpenDatasetOptions = {}): Promise<DatasetReader> {
  const paths = typeof input === "string" ? [input] : [...input];
  if (paths.length === 0) throw new Error("openDataset needs at least one file");
  let totalBytes = 0;
  for (const path of paths) totalBytes += (await stat(path)).size;
  const progress = new ReadProgress(totalBytes, options.onProgress);
  const { format: requested, mapping } = options;

  if (paths.length > 1) {
    if (requested && requested !== "nemo-skills") {
      throw new ImportError({ code: "format-mismatch", file: paths[0] as string, detail: `several files are read together only as nemo-skills output-rs<seed>.jsonl, not ${requested}` });
    }
    return openNemoSkills(paths, progress, options);
  }

  const path = paths[0] as string;
  const container = containerFromFileName(path);
  // NeMo-Skills outputs may start with `{}` lines, which detection must look past.
  if (requested === "nemo-skills" || (!requested && !mapping && looksLikeSeededOutput(path))) return openNemoSkills(paths, progress, options);

  if (container === "parquet") {
    const source = await openParquet(path);
    const format = resolveFormat({ file: path, container, fields: new Set(source.columns), requested, mapping });
    if (format === "nemo-skills") {
      throw new ImportError({ code: "format-mismatch", file: path, detail: "NeMo-Skills outputs are JSONL files (output-rs<seed>.jsonl)" });
    }
    if (source.totalRows === 0) throw new ImportError({ code: "empty-file", file: path, detail: "the file has no rows" });
    // Read only the columns the format uses: the release also has no others, but user files may.
    const wanted =
      format === "omi2"
        ? ["problem", "generated_solution", "expected_answer", "problem_source"]
        : format === "generic" && mapping
          ? [mapping.problem, mapping.answer, mapping.solution, mapping.id, mapping.source].filter((c): c is string => c !== undefined)
          : format === "gsm8k"
            ? ["question", "answer"]
            : format === "messages"
              ? ["messages", "expected_answer", "problem_source"]
            : ["problem", "solution", "level", "type", "subject", "unique_id"];
    const ids = options.idField !== undefined ? [options.idField] : ROW_ID_FIELDS;
    if (options.idField !== undefined && !source.columns.includes(options.idField)) {
      throw new ImportError({ code: "format-mismatch", file: path, field: options.idField, detail: `the schema has no "${options.idField}" column (the id field given)` });
    }
    const columns = [...new Set([...wanted, ...ids])].filter((c) => source.columns.includes(c));
    const items = parquetRows(path, source, columns, progress) as AsyncIterable<RawItem>;
    return readerOf(paths, format, container, progress, recordsFor(format, items, progress, options));
  }

  const it = (container === "csv" ? csvItems(path, progress) : jsonlItems(path, progress))[Symbol.asyncIterator]();
  const first = await peekFirstRow(it, path, progress, options.onRowError);
  const fields = new Set(Object.keys(first.row));
  // CSV: the header is the line before the first row's; report detection problems there.
  const line = container === "csv" ? undefined : first.loc.line;
  const format = resolveFormat({ file: path, container, fields, line, requested, mapping });
  if (format === "nemo-skills") {
    // Detected from the fields of a file not named like a seeded output: read it again as one.
    await it.return?.(undefined);
    progress.bytesRead = 0;
    progress.rowsRead = 0;
    progress.blankLines = 0;
    return openNemoSkills(paths, progress, options);
  }
  return readerOf(paths, format, container, progress, recordsFor(format, prepend(first as RawItem, it), progress, options));
}
