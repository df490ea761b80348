import { createWriteStream, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import { tempDir } from "@/tests/unit/datasets/temp-files";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// Sample *retained* memory, not garbage waiting for the next collection: get a gc() without
// needing --expose-gc on the test runner's command line.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

// A 200 MB OMI2 JSONL is read while sampling the heap: if the reader held the file (or all its
// records), heapUsed would grow by several hundred MB (JS strings are UTF-16).

const TARGET_BYTES = 200 * 1024 * 1024;

async function writeBigFile(path: string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let rows = 0;
  const solution = `Let's compute step by step. ${"We simplify the expression carefully. ".repeat(12)}So the answer is \\boxed{42}.`;
  while (bytes < TARGET_BYTES) {
    const group = Math.floor(rows / 4);
    const problem = `Problem ${group}: find the value of x such that x + ${group % 97} = 42 + ${group % 97}.`;
    const line = `${JSON.stringify({ problem, generated_solution: solution, expected_answer: "42", problem_source: "augmented_math" })}\n`;
    bytes += Buffer.byteLength(line);
    rows++;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return rows;
}

describe("constant memory", () => {
  it("parses a 200 MB JSONL without holding it", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const path = join(dir, "big.jsonl");
    const rows = await writeBigFile(path);
    const size = statSync(path).size;
    const reader = await openDataset(path);
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let records = 0;
    let solutions = 0;
    const started = performance.now();
    for await (const record of reader) {
      records++;
      solutions += record.solutions.length;
      if (records % 10_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    rmSync(dir, { recursive: true, force: true });
    console.info(
      `parsed ${(size / 1e6).toFixed(0)} MB, ${rows} rows, ${records} records in ${seconds.toFixed(2)} s: ` +
        `${(size / 1e6 / seconds).toFixed(0)} MB/s, ${Math.round(rows / seconds)} rows/s; heap growth ${((peak - baseline) / 1e6).toFixed(1)} MB`,
    );
    expect(solutions).toBe(rows);
    expect(records).toBe(Math.ceil(rows / 4));
    expect(peak - baseline).toBeLessThan(16 * 1024 * 1024);
  });
});
