// Round trip on the real seed files: import GSM8K train, MATH train and an OMI2-style file built
// from them (JSONL and Parquet), export with no filters, and get the same rows back.
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { NO_FILTERS } from "@/lib/datasets/export/export-settings";
import type { ExportRow } from "@/lib/datasets/formats/export-row";
import type { ImportRecord } from "@/lib/datasets/formats/import-record";
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { writeJsonlExport } from "@/lib/datasets/writers/write-jsonl-export";
import { writeOmi2Parquet } from "@/lib/datasets/writers/write-omi2-parquet";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";
import { importFiles, readRecords, tempDir } from "./import-helpers";

/** What an export of these records must hold: duplicates merged into their first problem. */
function expectedRows(records: ImportRecord[], defaultSource: string): string[] {
  const first = new Map<string, ImportRecord>();
  const rows: string[] = [];
  for (const record of records) {
    const hash = problemHash(record.problem);
    const owner = first.get(hash) ?? record;
    first.set(hash, owner);
    for (const s of record.solutions) {
      rows.push(JSON.stringify([owner.problem, s.text, owner.goldAnswer ?? null, owner.problemSource ?? defaultSource]));
    }
  }
  return rows.sort();
}

function key(row: { problem: string; generated_solution: string; expected_answer: string | null; problem_source: string }): string {
  return JSON.stringify([row.problem, row.generated_solution, row.expected_answer, row.problem_source]);
}

function jsonlRows(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => key(JSON.parse(line)))
    .sort();
}

/** Two solutions per seed problem, in the release's shape. */
function omi2RowsFrom(records: ImportRecord[], prefix: string): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const r of records) {
    if (r.goldAnswer === null) continue;
    for (const variant of ["", "Let us solve it step by step.\n"]) {
      rows.push({ problem: r.problem, solution: `${variant}${r.solutions[0].text}`, expectedAnswer: r.goldAnswer, problemSource: `${prefix}_${r.problemSource}` });
    }
  }
  return rows;
}

describe.skipIf(!hasSharedData)("round trip on the real seed files", () => {
  const dir = tempDir("boxed-roundtrip-");

  it("GSM8K and MATH train come back row for row", { timeout: 180_000 }, async () => {
    for (const [file, set] of [
      [sharedDataPath("gsm8k", "train.jsonl"), "gsm8k-train"],
      [sharedDataPath("math", "train.jsonl"), "math-train"],
    ] as const) {
      const { summary } = await importFiles([file], set, "seed");
      expect(summary.ok).toBe(true);
      const records = await readRecords(file);
      expect(summary.records).toBe(records.length);
      expect(summary.problemsInserted + summary.duplicates).toBe(records.length);
      const out = join(dir, `${set}.jsonl`);
      const manifest = await exportToFile({ format: "omi2-jsonl", sets: [set], ...NO_FILTERS }, out, { user: null, via: "cli" });
      expect(manifest.rows).toBe(records.length);
      expect(manifest.removed).toEqual({});
      expect(jsonlRows(out)).toEqual(expectedRows(records, set));
    }
  });

  it("an OMI2-style file built from them (JSONL and Parquet) comes back row for row, in both export containers", { timeout: 180_000 }, async () => {
    const gsm = await readRecords(sharedDataPath("gsm8k", "train.jsonl"));
    const math = await readRecords(sharedDataPath("math", "train.jsonl"));
    const rows = [...omi2RowsFrom(gsm, "augmented"), ...omi2RowsFrom(math, "augmented")];
    const jsonl = join(dir, "omi2-like.jsonl");
    await writeJsonlExport(rows, createWriteStream(jsonl), { format: "omi2" });
    const parquet = join(dir, "omi2-like.parquet");
    await writeOmi2Parquet(rows, createWriteStream(parquet), { rowGroupSize: 4096 });

    for (const [file, set] of [
      [jsonl, "omi2-jsonl"],
      [parquet, "omi2-parquet"],
    ] as const) {
      const { summary } = await importFiles([file], set, "synthetic");
      expect(summary.ok).toBe(true);
      expect(summary.rows).toBe(rows.length);
      expect(summary.solutionsInserted).toBe(rows.length);
      const expected = expectedRows(await readRecords(file), set);

      const outJsonl = join(dir, `${set}-out.jsonl`);
      await exportToFile({ format: "omi2-jsonl", sets: [set], ...NO_FILTERS }, outJsonl, { user: null, via: "cli" });
      expect(jsonlRows(outJsonl)).toEqual(expected);

      const outParquet = join(dir, `${set}-out.parquet`);
      const manifest = await exportToFile({ format: "omi2-parquet", sets: [set], ...NO_FILTERS }, outParquet, { user: null, via: "cli" });
      const buffer = readFileSync(outParquet);
      const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
      const back = (await parquetReadObjects({ file: bytes })) as Parameters<typeof key>[0][];
      expect(back.length).toBe(manifest.rows);
      expect(back.map(key).sort()).toEqual(expected);
    }
  });
});
