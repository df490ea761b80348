// Shared by the dataset integration tests: run an import as the CLI does (a Task row, then the
// import in-process), and take snapshots of everything an import may change.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatasetFormat, FieldMapping } from "@/lib/datasets/formats/dataset-format";
import type { ImportRecord } from "@/lib/datasets/formats/import-record";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import type { SetRoleName } from "@/lib/datasets/import/ensure-problem-set";
import type { ImportProgress } from "@/lib/datasets/import/import-dataset";
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { pool } from "@/lib/db/pool";

export async function importFiles(
  paths: string[],
  setName: string,
  role: SetRoleName,
  extra: {
    format?: DatasetFormat;
    mapping?: FieldMapping;
    source?: string;
    fullGeneration?: boolean;
    idField?: string;
    queueGrading?: boolean;
    onIndexBuilt?: (built: number, total: number, name: string) => void;
    inlineSearchIndexMax?: number;
  } = {},
): Promise<{ taskId: number; summary: ImportSummary; lastProgress: ImportProgress | null }> {
  const taskId = await createImportTask(
    {
      paths,
      setName,
      role,
      format: extra.format,
      mapping: extra.mapping,
      ...(extra.idField && { idField: extra.idField }),
      ...(extra.source !== undefined && { source: extra.source }),
      ...(extra.fullGeneration && { fullGeneration: true }),
      via: "cli",
    },
    null,
    0,
    "running",
  );
  let lastProgress: ImportProgress | null = null;
  const summary = await runImportTask(taskId, {
    queueGrading: extra.queueGrading ?? false,
    ...(extra.onIndexBuilt ? { onIndexBuilt: extra.onIndexBuilt } : {}),
    ...(extra.inlineSearchIndexMax !== undefined ? { inlineSearchIndexMax: extra.inlineSearchIndexMax } : {}),
    onProgress: (p) => {
      lastProgress = p;
    },
  });
  return { taskId, summary, lastProgress };
}

/** Every row count and counter an import may touch. */
export async function databaseSnapshot() {
  const { rows } = await pool().query(`
    SELECT (SELECT count(*) FROM problems)::int AS problems,
           (SELECT count(*) FROM samples)::int AS samples,
           (SELECT count(*) FROM problem_sets)::int AS sets,
           (SELECT coalesce(json_agg(json_build_object('name', name, 'problems', problem_count, 'samples', sample_count,
                    'graded', graded_count, 'correct', correct_count) ORDER BY id), '[]') FROM problem_sets) AS counters,
           (SELECT coalesce(sum(sample_count), 0)::int FROM problems) AS problem_sample_counts`);
  return rows[0];
}

export function tempDir(prefix = "boxed-io-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** What the file layer reads from a file: the expected content of an import. */
export async function readRecords(paths: string | string[], options: { format?: DatasetFormat } = {}): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const record of await openDataset(paths, options)) out.push(record);
  return out;
}
