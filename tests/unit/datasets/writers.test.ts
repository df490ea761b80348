import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { createInterface } from "node:readline";
import { parquetMetadataAsync, asyncBufferFromFile } from "hyparquet";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { ExportRow } from "@/lib/datasets/formats/export-row";
import { llama3MathPrompt } from "@/lib/datasets/formats/llama3-math-prompt";
import { writeJsonlExport } from "@/lib/datasets/writers/write-jsonl-export";
import { writeOmi2Parquet } from "@/lib/datasets/writers/write-omi2-parquet";
import { readAll } from "@/tests/unit/datasets/read-all";
import { tempDir } from "@/tests/unit/datasets/temp-files";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportRows(problems: number, perProblem: number): ExportRow[] {
  const rows: ExportRow[] = [];
  for (let p = 0; p < problems; p++) {
    for (let k = 0; k < perProblem; k++) {
      rows.push({
        problem: `Problem ${p}: what is ${p} + 0? Ünïcödé ✓ "quotes"\nsecond line`,
        solution: `We add: ${p} + ${k} = \\boxed{${p + k}}.`,
        expectedAnswer: String(p),
        problemSource: p % 2 ? "augmented_math" : "math",
      });
    }
  }
  return rows;
}

async function* slowly<T>(rows: T[]) {
  for (const row of rows) yield row;
}

async function toFile(path: string, write: (out: Writable) => Promise<{ rows: number; bytes: number }>) {
  const out = createWriteStream(path);
  const result = await write(out);
  return result;
}

async function lines(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(path) })) out.push(JSON.parse(line));
  return out;
}

function backToRows(records: Awaited<ReturnType<typeof readAll>>["records"]): ExportRow[] {
  return records.flatMap((r) =>
    r.solutions.map((s) => ({ problem: r.problem, solution: s.text, expectedAnswer: r.goldAnswer ?? "", problemSource: r.problemSource ?? "" })),
  );
}

describe("omi2 round trip", () => {
  const rows = exportRows(40, 3);

  it("JSONL: write, read back, same rows, grouped by problem", async () => {
    const path = join(dir, "omi2.jsonl");
    const result = await toFile(path, (out) => writeJsonlExport(slowly(rows), out, { format: "omi2" }));
    expect(result.rows).toBe(120);
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("omi2");
    expect(records).toHaveLength(40);
    expect(backToRows(records)).toEqual(rows);
    expect(result.bytes).toBe(reader.progress.totalBytes);
    expect(records[1]?.goldSource).toBe("majority-vote");
  });

  it("Parquet: several row groups, groups straddling row-group boundaries, same rows", async () => {
    const path = join(dir, "omi2.parquet");
    const result = await toFile(path, (out) => writeOmi2Parquet(slowly(rows), out, { rowGroupSize: 7 }));
    expect(result.rows).toBe(120);
    const metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
    expect(metadata.row_groups).toHaveLength(Math.ceil(120 / 7));
    const progress: number[] = [];
    const { reader, records } = await readAll(path, { onProgress: (s) => progress.push(s.fraction) });
    expect(reader.format).toBe("omi2");
    expect(reader.container).toBe("parquet");
    expect(records).toHaveLength(40);
    expect(backToRows(records)).toEqual(rows);
    expect(records[1]?.location).toEqual({ file: path, rowGroup: 0, row: 3 });
    expect(records[2]?.location).toEqual({ file: path, rowGroup: 0, row: 6 }); // continues into group 1
    expect(records[2]?.sourceKey).toBe("omi2.parquet:row6");
    expect(result.bytes).toBe(reader.progress.totalBytes);
    expect(progress.at(-1)).toBe(1);
  });

  it("Parquet with zero rows is still a valid file", async () => {
    const path = join(dir, "none.parquet");
    const result = await toFile(path, (out) => writeOmi2Parquet([], out));
    expect(result.rows).toBe(0);
    await expect(readAll(path)).rejects.toThrow("none.parquet: the file has no rows");
  });
});

describe("SFT exports", () => {
  const row: ExportRow = { problem: "What is $1+1$?", solution: "We get $\\boxed{2}$.", expectedAnswer: "2", problemSource: "math" };

  it("NeMo-Skills manifest uses the Llama-3 chat prompt of OpenMath2", async () => {
    const path = join(dir, "sft.jsonl");
    await toFile(path, (out) => writeJsonlExport([row], out, { format: "nemo-sft" }));
    expect(await lines(path)).toEqual([
      {
        input:
          "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n<|eot_id|>" +
          "<|start_header_id|>user<|end_header_id|>\n\n" +
          "Solve the following math problem. Make sure to put the answer (and only answer) inside \\boxed{}.\n\n" +
          "What is $1+1$?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
        output: "We get $\\boxed{2}$.<|eot_id|>",
        expected_answer: "2",
      },
    ]);
    expect(llama3MathPrompt("p", { system: "S", instruction: null })).toBe(
      "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nS<|eot_id|><|start_header_id|>user<|end_header_id|>\n\np<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
    );
  });

  it("chat messages", async () => {
    const path = join(dir, "messages.jsonl");
    await toFile(path, (out) => writeJsonlExport([row], out, { format: "messages" }));
    expect(await lines(path)).toEqual([
      {
        messages: [
          { role: "user", content: "Solve the following math problem. Make sure to put the answer (and only answer) inside \\boxed{}.\n\nWhat is $1+1$?" },
          { role: "assistant", content: "We get $\\boxed{2}$." },
        ],
        expected_answer: "2",
      },
    ]);
  });
});

describe("backpressure", () => {
  it("does not pull rows faster than a slow consumer drains them", async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 5000; i++) {
        pulled++;
        yield { problem: `p${i}`, solution: "s".repeat(200), expectedAnswer: "1", problemSource: "math" };
      }
    }
    const done = writeJsonlExport(source(), out, { format: "omi2" });
    await new Promise((r) => setTimeout(r, 50));
    // Nobody reads `out`: the writer must be parked on 'drain' after about one 64 KiB batch.
    expect(pulled).toBeLessThan(1000);
    let bytes = 0;
    out.on("data", (c: Buffer) => {
      bytes += c.length;
    });
    const result = await done;
    expect(result.rows).toBe(5000);
    expect(bytes).toBe(result.bytes);
  });

  it("rejects when the output fails", async () => {
    const out = new Writable({
      write(_chunk, _enc, cb) {
        cb(new Error("disk full"));
      },
    });
    out.on("error", () => {});
    const rows = exportRows(2000, 1);
    await expect(writeJsonlExport(rows, out, { format: "omi2" })).rejects.toThrow();
  });
});
