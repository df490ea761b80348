import { basename } from "node:path";
import { containerFromFileName, resolveFormat } from "@/lib/datasets/formats/detect-format";
import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { describeNemoRun, groupNemoRuns, nemoRunKey, parseNemoOutputName } from "@/lib/datasets/formats/nemo-skills-file-name";
import {
  isEmptyRow,
  type NemoSkillsReadOptions,
  NemoSkillsReadStats,
  nemoSkillsRecord,
} from "@/lib/datasets/formats/nemo-skills-record";
import type { Row } from "@/lib/datasets/formats/row-fields";
import { jsonlItems, type RawItem } from "@/lib/datasets/readers/raw-row-items";
import type { ReadProgress } from "@/lib/datasets/readers/read-progress";

// Reads the output files of one NeMo-Skills run together: the k-th non-blank line of every file is
// the same problem, and becomes one record whose solutions are those lines' generations. Only one
// line per file is held at a time. A run is the `output-rs<seed>.jsonl` files of one folder (or
// one chunk of them: `output-rs<seed>_chunk_<k>.jsonl`); files of several runs are refused here
// and split by the caller (the CLI imports each run on its own).

export async function* lockstepRecords(
  sources: AsyncIterator<RawItem>[],
  paths: readonly string[],
  seeds: (number | null)[],
  onRowError?: (error: ImportError) => void,
  options: NemoSkillsReadOptions = {},
  stats: NemoSkillsReadStats = new NemoSkillsReadStats(),
): AsyncGenerator<ImportRecord> {
  let index = 0;
  for (;;) {
    const results = await Promise.all(sources.map((s) => s.next()));
    const ended = results.map((r) => r.done === true);
    if (ended.every(Boolean)) return;
    index++;
    if (ended.some(Boolean)) {
      const short = ended.indexOf(true);
      const long = ended.indexOf(false);
      const longItem = results[long]?.value as RawItem;
      // Cannot realign after this: the rest of the files are out of step.
      throw new ImportError({
        code: "lockstep-mismatch",
        file: paths[short] as string,
        detail: `has only ${index - 1} records but ${basename(paths[long] as string)} has more (its record ${index} is at line ${longItem.loc.line})`,
      });
    }
    const items = results.map((r) => r.value as RawItem);
    const bad = items.find((item) => item.error !== undefined);
    let record: ImportRecord | null = null;
    try {
      if (bad?.error) throw bad.error;
      record = nemoSkillsRecord(
        items.map((item) => item.row as Row),
        items.map((item) => item.loc as ImportLocation),
        seeds,
        options,
        stats,
      );
    } catch (error) {
      if (!(error instanceof ImportError) || !onRowError) throw error;
      onRowError(error);
    }
    if (record) yield record;
  }
}

/** Refuses files that are not one run: another folder or chunk, or a seed named twice. */
export function checkOneRun(paths: readonly string[]): void {
  if (groupNemoRuns(paths).length > 1) {
    const runs = groupNemoRuns(paths).map((run) => `${describeNemoRun(run[0] as string)} (${run.length} file${run.length === 1 ? "" : "s"})`);
    throw new ImportError({
      code: "format-mismatch",
      file: paths[0] as string,
      detail: `these files are ${runs.length} NeMo-Skills runs, not one: ${runs.join("; ")}. Files of different folders or chunks are different runs; import each run on its own`,
    });
  }
  const seen = new Map<number, string>();
  for (const path of paths) {
    const seed = parseNemoOutputName(path)?.seed;
    if (seed === undefined || seed === null) continue;
    const other = seen.get(seed);
    if (other !== undefined && nemoRunKey(other) === nemoRunKey(path)) {
      throw new ImportError({ code: "format-mismatch", file: path, detail: `seed ${seed} is given twice (also ${basename(other)})` });
    }
    seen.set(seed, path);
  }
}

/** Pulls items until the first line with fields (for detection); `{}` and bad lines before it are
 * kept to be read again, so every file stays in step. */
async function peekFirstFilled(it: AsyncIterator<RawItem>, path: string, progress: ReadProgress): Promise<{ first: RawItem & { row: Row }; before: RawItem[] }> {
  const before: RawItem[] = [];
  for (;;) {
    const next = await it.next();
    if (next.done) {
      throw new ImportError({
        code: "empty-file",
        file: path,
        detail: before.length > 0 ? `the file has no output lines (${before.length} empty or unreadable)` : progress.bytesRead === 0 ? "the file is empty" : `the file has no records (${progress.blankLines} blank lines)`,
      });
    }
    const item = next.value;
    if (item.error || isEmptyRow(item.row)) {
      before.push(item);
      continue;
    }
    return { first: item as RawItem & { row: Row }, before };
  }
}

async function* replay(items: RawItem[], rest: AsyncIterator<RawItem>): AsyncGenerator<RawItem> {
  yield* items;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* countRows(items: AsyncIterator<RawItem>, progress: ReadProgress): AsyncGenerator<RawItem> {
  for (let next = await items.next(); !next.done; next = await items.next()) {
    progress.rowsRead++;
    yield next.value;
  }
}

export interface NemoSkillsRun {
  files: string[];
  stats: NemoSkillsReadStats;
  records: AsyncIterable<ImportRecord>;
}

/** Opens the files of one run (sorted by seed) and checks the first output line's fields. */
export async function openNemoSkillsRun(
  paths: readonly string[],
  progress: ReadProgress,
  options: NemoSkillsReadOptions & { onRowError?: (error: ImportError) => void } = {},
): Promise<NemoSkillsRun> {
  for (const file of paths) {
    if (containerFromFileName(file) !== "jsonl") {
      throw new ImportError({ code: "format-mismatch", file, detail: "NeMo-Skills outputs are JSONL files (output-rs<seed>.jsonl)" });
    }
  }
  checkOneRun(paths);
  const files = groupNemoRuns(paths)[0] as string[];
  const iterators = files.map((file) => jsonlItems(file, progress)[Symbol.asyncIterator]());
  const firstPath = files[0] as string;
  // Detection looks at the first file only; the others must agree line by line anyway.
  const { first, before } = await peekFirstFilled(iterators[0] as AsyncIterator<RawItem>, firstPath, progress);
  resolveFormat({ file: firstPath, container: "jsonl", fields: new Set(Object.keys(first.row)), line: first.loc.line, requested: "nemo-skills" });
  const sources = [replay([...before, first], iterators[0] as AsyncIterator<RawItem>), ...iterators.slice(1)].map((it) => countRows(it, progress));
  const seeds = files.map((f) => parseNemoOutputName(f)?.seed ?? null);
  const stats = new NemoSkillsReadStats();
  const records = (async function* () {
    for await (const record of lockstepRecords(sources, files, seeds, options.onRowError, options, stats)) {
      yield record;
    }
  })();
  return { files, stats, records };
}
