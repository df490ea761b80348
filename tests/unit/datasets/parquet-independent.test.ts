// Parquet written and read by another implementation (DuckDB, through @duckdb/node-api, a dev
// dependency): files in every codec DuckDB writes, several row groups, dictionary pages, data
// page v2 and large strings import with the right rows; Boxed's own Parquet export reads back in
// DuckDB with the same rows and types.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { DuckDBInstance } from "@duckdb/node-api";
import { parquetMetadataAsync, asyncBufferFromFile } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOmi2Parquet } from "@/lib/datasets/writers/write-omi2-parquet";
import { readAll } from "@/tests/unit/datasets/read-all";
import { tempDir, tempFile } from "@/tests/unit/datasets/temp-files";

const dir = tempDir();
let duck: Awaited<ReturnType<DuckDBInstance["connect"]>>;
let instance: DuckDBInstance;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  duck = await instance.connect();
});
afterAll(() => {
  duck?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const ROWS = 5_000;
// 5,000 OMI2 rows: 1,000 problems with 5 solutions each; few distinct sources (dictionary pages),
// every 997th solution 100 KB long (large strings), text with quotes, backslashes and non-ASCII.
const OMI2_SQL = `
  SELECT 'Problem #' || (i // 5) || ': find x² if \\sqrt{x} = "' || (i // 5) || '"' AS problem,
         CASE WHEN i % 997 = 0 THEN repeat('long ∑ ', 14_000) || i ELSE 'Solution ' || i || ' is \\boxed{' || (i // 5) || '}' END AS generated_solution,
         CAST(i // 5 AS VARCHAR) AS expected_answer,
         CASE WHEN i % 2 = 0 THEN 'augmented_math' ELSE 'augmented_math' END AS problem_source,
         'row-' || i AS id
  FROM range(${ROWS}) t(i)`;

async function duckWrite(name: string, options: string): Promise<string> {
  const path = join(dir, name);
  await duck.run(`COPY (${OMI2_SQL}) TO '${path}' (FORMAT parquet, ${options})`);
  return path;
}

const CODECS = ["snappy", "gzip", "brotli", "lz4", "lz4_raw", "zstd", "uncompressed"];

describe("Parquet written by DuckDB imports with the right rows", () => {
  it.each(CODECS)("%s, several row groups, dictionary pages", async (codec) => {
    const path = await duckWrite(`omi2-${codec}.parquet`, `COMPRESSION ${codec}, ROW_GROUP_SIZE 1000`);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
    expect(metadata.row_groups.length).toBeGreaterThan(1);
    const chunk = metadata.row_groups[0].columns[3].meta_data;
    // DuckDB writes "lz4" as LZ4_RAW; the Hadoop-framed LZ4 is written below by hand.
    expect(chunk?.codec).toBe(codec === "lz4" ? "LZ4_RAW" : codec.toUpperCase());
    expect(chunk?.dictionary_page_offset).toBeDefined(); // problem_source is dictionary-encoded
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("omi2");
    expect(records).toHaveLength(ROWS / 5);
    expect(records.reduce((n, r) => n + r.solutions.length, 0)).toBe(ROWS);
    const first = records[0];
    expect(first.problem).toBe('Problem #0: find x² if \\sqrt{x} = "0"');
    expect(first.solutions.map((s) => s.text)).toEqual([0, 1, 2, 3, 4].map((i) => (i === 0 ? `${"long ∑ ".repeat(14_000)}0` : `Solution ${i} is \\boxed{0}`)));
    expect(first.goldAnswer).toBe("0");
    expect(first.sourceKey).toBe("row-0"); // the row's own id, not file:row
    const last = records[records.length - 1];
    expect(last.solutions[4].text).toBe(`Solution ${ROWS - 1} is \\boxed{${ROWS / 5 - 1}}`);
    // row 1994 is long: 1994 % 997 == 0
    expect(records[398].solutions[4].text).toHaveLength("long ∑ ".length * 14_000 + 4);
  });

  it("data page v2", async () => {
    const path = await duckWrite("omi2-v2.parquet", "COMPRESSION zstd, PARQUET_VERSION v2, ROW_GROUP_SIZE 2000");
    const { records } = await readAll(path);
    expect(records).toHaveLength(ROWS / 5);
    expect(records[17].solutions[2].text).toBe("Solution 87 is \\boxed{17}");
  });

  it("MATH-format rows keep unique_id; numbers and NULLs come through as DuckDB wrote them", async () => {
    const path = join(dir, "math.parquet");
    await duck.run(`COPY (SELECT 'p' || i AS problem, 'so \\boxed{' || i || '}' AS solution, 'Level ' || (i % 5 + 1) AS level,
      CASE WHEN i % 3 = 0 THEN NULL ELSE 'Algebra' END AS type, 'train/algebra/' || i || '.json' AS unique_id
      FROM range(300) t(i)) TO '${path}' (FORMAT parquet, COMPRESSION gzip, ROW_GROUP_SIZE 100)`);
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("math");
    expect(records.map((r) => r.sourceKey).slice(0, 3)).toEqual(["train/algebra/0.json", "train/algebra/1.json", "train/algebra/2.json"]);
    expect(records[4]).toMatchObject({ problem: "p4", goldAnswer: "4", metadata: { level: "Level 5", subject: "Algebra" } });
    expect(records[3].metadata).toEqual({ level: "Level 4" });
  });
});

/** An LZ4 block holding one run of literals: valid LZ4, no compression (enough to test decoding). */
function lz4LiteralBlock(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  const n = input.length;
  out.push(Math.min(n, 15) << 4);
  if (n >= 15) {
    let rest = n - 15;
    for (; rest >= 255; rest -= 255) out.push(255);
    out.push(rest);
  }
  return Uint8Array.from([...out, ...input]);
}

describe("chat messages in Parquet (a list of structs), written by DuckDB", () => {
  it("imports as problems with generated solutions", async () => {
    const path = join(dir, "chat.parquet");
    await duck.run(`COPY (SELECT 'chat-' || i AS id, CAST(i * 2 AS VARCHAR) AS expected_answer,
      [{'role': 'user', 'content': 'What is ' || i || ' + ' || i || '?'}, {'role': 'assistant', 'content': 'It is \\boxed{' || (i * 2) || '}.'}] AS messages
      FROM range(1, 301) t(i)) TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100)`);
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("messages");
    expect(records).toHaveLength(300);
    expect(records[6]).toMatchObject({ sourceKey: "chat-7", problem: "What is 7 + 7?", goldAnswer: "14", solutions: [{ text: "It is \\boxed{14}.", sampleIndex: 0 }] });
  });
});

describe("the codecs DuckDB does not write", () => {
  it("LZ4 with Hadoop framing (and LZ4_RAW) written by hyparquet-writer with a hand-made block", async () => {
    const hadoop = (input: Uint8Array) => {
      const block = lz4LiteralBlock(input);
      const framed = new Uint8Array(8 + block.length);
      const view = new DataView(framed.buffer);
      view.setUint32(0, input.length);
      view.setUint32(4, block.length);
      framed.set(block, 8);
      return framed;
    };
    for (const [codec, compress] of [["LZ4", hadoop], ["LZ4_RAW", lz4LiteralBlock]] as const) {
      const bytes = parquetWriteBuffer({
        columnData: [
          { name: "question", data: ["What is 2+2?", "What is 3+3?"], type: "STRING" },
          { name: "answer", data: ["2+2=4\n#### 4", "3+3=6\n#### 6"], type: "STRING" },
          { name: "id", data: ["q-1", "q-2"], type: "STRING" },
        ],
        codec,
        compressors: { [codec]: compress },
      });
      const path = tempFile(dir, `gsm-${codec}.parquet`, new Uint8Array(bytes));
      const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
      expect(metadata.row_groups[0].columns[0].meta_data?.codec).toBe(codec);
      const { records } = await readAll(path);
      expect(records.map((r) => [r.sourceKey, r.problem, r.goldAnswer])).toEqual([["q-1", "What is 2+2?", "4"], ["q-2", "What is 3+3?", "6"]]);
    }
  });
});

describe("Boxed's Parquet export reads back in DuckDB", () => {
  it("same rows and types", async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({
      problem: `Problem ${Math.floor(i / 4)} "quoted" \\frac{1}{2} ✓`,
      solution: i % 1000 === 0 ? "x".repeat(200_000) : `Solution ${i}: \\boxed{${Math.floor(i / 4)}}`,
      expectedAnswer: String(Math.floor(i / 4)),
      problemSource: i % 2 ? "augmented_gsm8k" : "gsm8k",
    }));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await writeOmi2Parquet(rows, out);
    const path = tempFile(dir, "boxed-export.parquet", Buffer.concat(chunks));
    const types = await duck.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${path}')`);
    expect(types.getRowObjects()).toEqual([
      { column_name: "problem", column_type: "VARCHAR" },
      { column_name: "generated_solution", column_type: "VARCHAR" },
      { column_name: "expected_answer", column_type: "VARCHAR" },
      { column_name: "problem_source", column_type: "VARCHAR" },
    ]);
    const back = await duck.runAndReadAll(`SELECT problem, generated_solution, expected_answer, problem_source FROM '${path}'`);
    const got = back.getRowObjects();
    expect(got).toHaveLength(rows.length);
    expect(got).toEqual(rows.map((r) => ({ problem: r.problem, generated_solution: r.solution, expected_answer: r.expectedAnswer, problem_source: r.problemSource })));
  });
});
