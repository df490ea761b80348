// ZSTD Parquet, how large releases are distributed, is decoded by zstd's WebAssembly build
// (lib/datasets/readers/zstd-pages.ts), with fzstd behind it for what that cannot decode. The rows
// must be exactly those of the same data written without compression, and reading a file of many
// row groups must hold one row group (and the next) at a time, not the file.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compress } from "@bokuweb/zstd-wasm";
import { DuckDBInstance } from "@duckdb/node-api";
import { compressors } from "hyparquet-compressors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import { openParquet, parquetRows } from "@/lib/datasets/readers/parquet-rows";
import { decompressZstdPage, loadZstd } from "@/lib/datasets/readers/zstd-pages";
import { tempDir } from "@/tests/unit/datasets/temp-files";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const dir = tempDir();
let instance: DuckDBInstance;
let duck: Awaited<ReturnType<DuckDBInstance["connect"]>>;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  duck = await instance.connect();
  expect(await loadZstd()).toBe(true);
});
afterAll(() => {
  duck?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

// OMI2 rows of release-like lengths: solutions ~1,200 characters with LaTeX, backslashes, quotes,
// newlines and non-ASCII; every 500th solution 40 KB (a page of its own).
const omi2Sql = (rows: number) => `
  SELECT 'Problem ' || (i // 23) || ': if $x^2 = ' || (i // 23) || '$, what is "x"? ' || repeat('Context ∑ words. ', 16) AS problem,
         CASE WHEN i % 500 = 0 THEN repeat('long \\frac{1}{2} ', 2_500) || i
              ELSE 'Step ' || i || ':' || chr(10) || '\\[ \\frac{' || i || '}{3} \\]' || chr(10) || repeat('We simplify, then check the sum. ', 34) || '\\boxed{' || (i // 23) || '}' END AS generated_solution,
         CAST(i // 23 AS VARCHAR) AS expected_answer,
         CASE WHEN i % 3 = 0 THEN 'augmented_gsm8k' ELSE 'augmented_math' END AS problem_source
    FROM range(${rows}) t(i)`;

async function writeParquet(name: string, rows: number, options: string): Promise<string> {
  const path = join(dir, name);
  await duck.run(`COPY (${omi2Sql(rows)}) TO '${path}' (FORMAT parquet, ${options})`);
  return path;
}

async function allRows(path: string): Promise<unknown[]> {
  const source = await openParquet(path);
  const out: unknown[] = [];
  for await (const item of parquetRows(path, source, ["problem", "generated_solution", "expected_answer", "problem_source"])) out.push(item.row);
  return out;
}

describe("ZSTD pages", () => {
  it("decode to the bytes compressed, the same as fzstd gives, at every compression level", () => {
    const text = new TextEncoder().encode(`${"Let $x = \\frac{3}{8}$ ∑ and so on. ".repeat(3000)}\\boxed{42}`);
    for (const level of [1, 3]) {
      const frame = compress(text, level);
      const out = decompressZstdPage(frame, text.length);
      expect(out).toEqual(text);
      expect(out).toEqual(compressors.ZSTD?.(frame, text.length));
    }
  });

  it("a page that is not ZSTD fails with an error, not with made-up bytes", () => {
    expect(() => decompressZstdPage(Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256), 1000)).toThrow();
  });
});

describe("ZSTD Parquet written by DuckDB", () => {
  it("reads the same rows as the same data written uncompressed, across row groups and pages", async () => {
    const zstd = await writeParquet("omi2-zstd.parquet", 12_000, "COMPRESSION zstd, ROW_GROUP_SIZE 5000");
    const plain = await writeParquet("omi2-plain.parquet", 12_000, "COMPRESSION uncompressed, ROW_GROUP_SIZE 5000");
    const rows = await allRows(zstd);
    expect(rows).toHaveLength(12_000);
    expect(rows).toEqual(await allRows(plain));
    expect((rows[1] as { generated_solution: string }).generated_solution.startsWith("Step 1:\n\\[ \\frac{1}{3} \\]\nWe simplify")).toBe(true);
    expect(rows.map((r) => (r as { generated_solution: string }).generated_solution.split(":")[0]).slice(4990, 5010)).toEqual(
      Array.from({ length: 20 }, (_, k) => (4990 + k) % 500 === 0 ? expect.stringMatching(/^long/) : `Step ${4990 + k}`),
    );
  });

  it("holds one row group at a time: retained memory does not grow with the file", { timeout: 120_000 }, async () => {
    // 230,000 rows (~370 MB as JS strings) in row groups of 10,000 (~16 MB each).
    const path = await writeParquet("omi2-many-groups.parquet", 230_000, "COMPRESSION zstd, ROW_GROUP_SIZE 10000");
    const reader = await openDataset(path);
    gc();
    const retained = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const baseline = retained();
    let peak = baseline;
    let solutions = 0;
    let records = 0;
    for await (const record of reader) {
      solutions += record.solutions.length;
      if (++records % 1000 === 0) {
        gc();
        peak = Math.max(peak, retained());
      }
    }
    expect(solutions).toBe(230_000);
    // Two row groups of ~16 MB as strings, their column chunks and pages, the WebAssembly heap.
    expect((peak - baseline) / 2 ** 20).toBeLessThan(120);
  });
});
