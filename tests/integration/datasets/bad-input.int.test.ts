// A bad file changes nothing: no problem, no solution, no new set, no counter moved; and the
// summary names the file, the line (or row group) and the field.
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { writeOmi2Parquet } from "@/lib/datasets/writers/write-omi2-parquet";
import { databaseSnapshot, importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-bad-");
const omi2 = (i: number) =>
  JSON.stringify({ problem: `Problem number ${i}: what is ${i} + 1?`, generated_solution: `It is \\boxed{${i + 1}}.`, expected_answer: String(i + 1), problem_source: "augmented_gsm8k" });
const good = (count: number) => Array.from({ length: count }, (_, i) => omi2(i));

let baseline: Awaited<ReturnType<typeof databaseSnapshot>>;

beforeAll(async () => {
  const { summary } = await importFiles([writeTemp(dir, "base.jsonl", `${good(10).join("\n")}\n`)], "base", "synthetic");
  expect(summary.ok).toBe(true);
  baseline = await databaseSnapshot();
});

async function expectRefused(path: string, expected: RegExp, options: { format?: "gsm8k" | "omi2" | "math"; set?: string } = {}) {
  // Into the existing set and into a set the import would have created.
  for (const set of [options.set ?? "base", "would-be-new"]) {
    const { summary } = await importFiles([path], set, "synthetic", { format: options.format });
    expect(summary.ok).toBe(false);
    expect(summary.problemsInserted + summary.solutionsInserted).toBe(0);
    expect(summary.rejected).toBeGreaterThan(0);
    expect(summary.errors.map((e) => e.message).join("\n")).toMatch(expected);
    expect(await databaseSnapshot()).toEqual(baseline);
  }
}

describe("a bad file changes nothing", () => {
  it("bad JSON on line 5,000 of a 6,000-line file: no rows, counters unchanged (4,000 rows were already loaded in the transaction)", async () => {
    const lines = good(6000);
    lines[4999] = '{"problem": "broken", "generated_solution": ';
    const path = writeTemp(dir, "line5000.jsonl", `${lines.join("\n")}\n`);
    // Batches of 2,000 problems: two were already in the transaction when line 5,000 failed.
    const { lastProgress } = await importFiles([path], "base", "synthetic");
    expect((lastProgress?.problemsInserted ?? 0) + (lastProgress?.duplicates ?? 0)).toBe(4000);
    await expectRefused(path, /line5000\.jsonl line 5000: invalid JSON/);
  });

  it("lists every bad row, not only the first", async () => {
    const lines = good(50);
    lines[9] = '{"problem": 12, "generated_solution": "x", "expected_answer": "1", "problem_source": "a"}';
    lines[29] = '{"problem": "p", "expected_answer": "1", "problem_source": "a"}';
    const { summary } = await importFiles([writeTemp(dir, "two-bad.jsonl", `${lines.join("\n")}\n`)], "base", "synthetic");
    expect(summary.rejected).toBe(2);
    expect(summary.errors.map((e) => [e.line, e.field])).toEqual([
      [10, "problem"],
      [30, "generated_solution"],
    ]);
    expect(await databaseSnapshot()).toEqual(baseline);
  });

  it("a missing field", async () => {
    const lines = good(20);
    lines[14] = JSON.stringify({ problem: "p", generated_solution: "s", problem_source: "gsm8k" });
    await expectRefused(writeTemp(dir, "missing.jsonl", `${lines.join("\n")}\n`), /missing\.jsonl line 15: field "expected_answer" is missing/);
  });

  it("a mistyped field", async () => {
    const lines = good(20);
    lines[6] = JSON.stringify({ problem: "p", generated_solution: ["s"], expected_answer: "1", problem_source: "gsm8k" });
    await expectRefused(writeTemp(dir, "mistyped.jsonl", `${lines.join("\n")}\n`), /mistyped\.jsonl line 7: field "generated_solution" must be a string/);
  });

  it("invalid UTF-8", async () => {
    const text = Buffer.from(`${good(30).join("\n")}\n`, "utf8");
    const at = text.indexOf("Problem number 20");
    const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]);
    await expectRefused(writeTemp(dir, "latin.jsonl", bytes), /latin\.jsonl: invalid UTF-8 at byte \d+ \(line 21\)/);
  });

  it("an empty file", async () => {
    await expectRefused(writeTemp(dir, "empty.jsonl", ""), /empty\.jsonl: the file is empty/);
  });

  it("a truncated Parquet file", async () => {
    const path = `${dir}/whole.parquet`;
    const rows = Array.from({ length: 2000 }, (_, i) => ({ problem: `Parquet problem ${i}`, solution: `\\boxed{${i}}`, expectedAnswer: String(i), problemSource: "math" }));
    await writeOmi2Parquet(rows, createWriteStream(path), { rowGroupSize: 500 });
    const whole = readFileSync(path);
    writeFileSync(`${dir}/cut.parquet`, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectRefused(`${dir}/cut.parquet`, /cut\.parquet: truncated Parquet file/);
  });

  it("a format that does not match the file", async () => {
    await expectRefused(writeTemp(dir, "omi.jsonl", `${good(5).join("\n")}\n`), /omi\.jsonl line 1: looks like OpenMathInstruct-2 .* but --format gsm8k was given/, { format: "gsm8k" });
  });

  it("a NUL character PostgreSQL cannot store, named with its line and field", async () => {
    const lines = good(20);
    lines[11] = JSON.stringify({ problem: "p\u0000q", generated_solution: "s", expected_answer: "1", problem_source: "gsm8k" });
    await expectRefused(writeTemp(dir, "nul.jsonl", `${lines.join("\n")}\n`), /nul\.jsonl line 12: field "problem" contains a NUL character/);
  });

  it("a field longer than the limit (BOXED_MAX_FIELD_CHARS, default 200,000 characters), named with its file, line and field", async () => {
    const lines = good(30);
    lines[19] = JSON.stringify({ problem: "Find x. ".repeat(25_001), generated_solution: "s", expected_answer: "1", problem_source: "gsm8k" });
    await expectRefused(writeTemp(dir, "long-problem.jsonl", `${lines.join("\n")}\n`), /long-problem\.jsonl line 20: field "problem" is 200,008 characters long, above the limit of 200,000 \(BOXED_MAX_FIELD_CHARS\)/);
    // The setting moves the limit: a 5,001-character solution is refused under a 5,000 limit.
    const previous = process.env.BOXED_MAX_FIELD_CHARS;
    process.env.BOXED_MAX_FIELD_CHARS = "5000";
    try {
      const more = good(8);
      more[6] = JSON.stringify({ problem: "p", generated_solution: "y".repeat(5_001), expected_answer: "1", problem_source: "gsm8k" });
      await expectRefused(writeTemp(dir, "long-solution.jsonl", `${more.join("\n")}\n`), /long-solution\.jsonl line 7: field "solution" is 5,001 characters long, above the limit of 5,000/);
    } finally {
      if (previous === undefined) delete process.env.BOXED_MAX_FIELD_CHARS;
      else process.env.BOXED_MAX_FIELD_CHARS = previous;
    }
  });

  it("a token count beyond the integers we store, named with its line and field", async () => {
    const line = (i: number, tokens: number) =>
      JSON.stringify({ problem: `What is ${i} + 1?`, expected_answer: String(i + 1), generation: `\\boxed{${i + 1}}`, predicted_answer: null, is_correct: true, num_generated_tokens: tokens });
    const lines = Array.from({ length: 8 }, (_, i) => line(i, i === 6 ? 2 ** 31 : 10));
    await expectRefused(writeTemp(dir, "output-rs0.jsonl", `${lines.join("\n")}\n`), /output-rs0\.jsonl line 7: field "num_generated_tokens" is 2147483648/);
  });
});
