import { parquetWriteBuffer } from "hyparquet-writer";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import { validateFile } from "@/lib/datasets/readers/validate-file";
import { writeOmi2Parquet } from "@/lib/datasets/writers/write-omi2-parquet";
import { caught } from "@/tests/unit/datasets/caught-import-error";
import { readAll } from "@/tests/unit/datasets/read-all";
import { tempDir, tempFile } from "@/tests/unit/datasets/temp-files";
import { PassThrough } from "node:stream";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const gsm = (q: string, a: string) => JSON.stringify({ question: q, answer: a });
const good = gsm("What is 1+1?", "1+1=2\n#### 2");

describe("bad input gives a located ImportError", () => {
  it("malformed JSON", async () => {
    const path = tempFile(dir, "train.jsonl", [good, good, '{"question": "x", "answer": "#### 1",}'].join("\n"));
    const error = await caught(readAll(path));
    expect(error.message).toBe("train.jsonl line 3: invalid JSON (Expected double-quoted property name at column 38)");
    expect(error).toMatchObject({ code: "invalid-json", line: 3 });
  });

  it("malformed JSON on the first line", async () => {
    const path = tempFile(dir, "first.jsonl", `{"question": \n${good}\n`);
    const error = await caught(readAll(path));
    expect(error.message).toMatch(/^first\.jsonl line 1: invalid JSON \(/);
  });

  it("a line that is not an object", async () => {
    const path = tempFile(dir, "arr.jsonl", `${good}\n[1,2]\n`);
    expect((await caught(readAll(path))).message).toBe("arr.jsonl line 2: expected a JSON object, got an array");
  });

  it("missing field", async () => {
    const lines = Array.from({ length: 16 }, () => good);
    lines.push(JSON.stringify({ question: "Where is the answer?" }));
    const path = tempFile(dir, "train.jsonl", lines.join("\n"));
    const error = await caught(readAll(path));
    expect(error.message).toBe('train.jsonl line 17: field "answer" is missing');
    expect(error).toMatchObject({ code: "missing-field", field: "answer", line: 17 });
  });

  it("mistyped field, with the value truncated", async () => {
    const path = tempFile(dir, "typed.jsonl", `${good}\n${JSON.stringify({ question: 42, answer: "#### 1" })}\n`);
    const error = await caught(readAll(path));
    expect(error.message).toBe('typed.jsonl line 2: field "question" must be a string, got number');
    expect(error.value).toBe("42");
    const long = tempFile(dir, "long.jsonl", JSON.stringify({ question: "q", answer: "x".repeat(5000) }));
    const e2 = await caught(readAll(long));
    expect(e2.message).toBe('long.jsonl line 1: field "answer" has no final "#### <answer>" line');
    expect(e2.value?.length).toBeLessThanOrEqual(121);
  });

  it("invalid UTF-8", async () => {
    const bytes = Buffer.concat([Buffer.from(`${good}\n${good}\n`), Buffer.from('{"question": "caf'), Buffer.from([0xe9]), Buffer.from('", "answer": "#### 1"}\n')]);
    const path = tempFile(dir, "latin1.jsonl", bytes);
    const offset = Buffer.byteLength(`${good}\n${good}\n{"question": "caf`);
    const error = await caught(readAll(path));
    expect(error.message).toBe(`latin1.jsonl: invalid UTF-8 at byte ${offset} (line 3)`);
    expect(error).toMatchObject({ code: "invalid-utf8", byteOffset: offset });
  });

  it("multi-byte characters split at the 1 MiB read-chunk boundary are fine; a bad one there is located", async () => {
    const boundary = 1 << 20;
    const prefix = '{"question": "';
    const fill = "x".repeat(boundary - prefix.length - 1); // "é" starts at byte boundary-1
    const row = `${prefix}${fill}é?", "answer": "#### 1"}\n`;
    const ok = tempFile(dir, "split.jsonl", `${row}${good}\n`);
    const { records } = await readAll(ok);
    expect(records[0]?.problem.endsWith("é?")).toBe(true);
    expect(records).toHaveLength(2);

    const bad = Buffer.from(row);
    bad[boundary] = 0x41; // continuation byte of "é" replaced: lead byte at boundary-1 now invalid
    const path = tempFile(dir, "split-bad.jsonl", bad);
    expect((await caught(readAll(path))).message).toBe(`split-bad.jsonl: invalid UTF-8 at byte ${boundary - 1} (line 1)`);
  });

  it("empty file and blank-only file", async () => {
    expect((await caught(readAll(tempFile(dir, "empty.jsonl", ""))))).toMatchObject({ code: "empty-file", message: "empty.jsonl: the file is empty" });
    expect((await caught(readAll(tempFile(dir, "blank.jsonl", "\n  \r\n\n")))).message).toBe("blank.jsonl: the file has no records (3 blank lines)");
    expect((await caught(readAll(tempFile(dir, "empty.parquet", ""))))).toMatchObject({ code: "empty-file" });
  });

  it("truncated and non-Parquet files", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await writeOmi2Parquet([{ problem: "p", solution: "s", expectedAnswer: "1", problemSource: "math" }], out);
    const whole = Buffer.concat(chunks);
    const truncated = tempFile(dir, "cut.parquet", whole.subarray(0, whole.length - 10));
    const error = await caught(readAll(truncated));
    expect(error.message).toBe("cut.parquet: truncated Parquet file: footer magic missing");
    expect(error.code).toBe("truncated-parquet");
    const notParquet = tempFile(dir, "text.parquet", "hello world, not parquet at all");
    expect((await caught(readAll(notParquet))).message).toBe("text.parquet: not a Parquet file: header magic PAR1 missing");
    // magic intact but footer bytes damaged
    const damaged = Buffer.from(whole);
    damaged.writeUInt32LE(0xfffffff, damaged.length - 8);
    const path = tempFile(dir, "damaged.parquet", damaged);
    expect((await caught(readAll(path))).message).toMatch(/^damaged\.parquet: unreadable Parquet footer/);
  });

  it("a bad Parquet cell is located by row group and row", async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: "problem", data: ["a", "a", "b"], type: "STRING" },
        { name: "generated_solution", data: ["s1", "s2", null], type: "STRING" },
        { name: "expected_answer", data: ["1", "1", "2"], type: "STRING" },
      ],
      rowGroupSize: 2,
    });
    const path = tempFile(dir, "cells.parquet", new Uint8Array(bytes));
    const error = await caught(readAll(path));
    expect(error.message).toBe('cells.parquet row group 1, row 2: field "generated_solution" must be a string, got null');
    expect(error).toMatchObject({ rowGroup: 1, row: 2, field: "generated_solution" });
  });

  it("mismatched format", async () => {
    const path = tempFile(dir, "train.jsonl", `${JSON.stringify({ problem: "p", solution: "\\boxed{1}", level: "Level 1", type: "Algebra" })}\n`);
    const error = await caught(readAll(path, { format: "gsm8k" }));
    expect(error.message).toBe('train.jsonl line 1: looks like MATH JSONL but --format gsm8k was given: line 1 has no "question" field');
    expect(error).toMatchObject({ code: "format-mismatch", field: "question" });
  });

  it("CSV syntax errors", async () => {
    const unterminated = tempFile(dir, "open.csv", 'q,a\n"ok",1\n"never closed,2\nmore\n');
    expect((await caught(readAll(unterminated, { mapping: { problem: "q" } }))).message).toBe("open.csv line 3: unterminated quoted field (the file ends inside it)");
    const ragged = tempFile(dir, "ragged.csv", "q,a\nx,1\ny\n");
    expect((await caught(readAll(ragged, { mapping: { problem: "q" } }))).message).toBe("ragged.csv line 3: expected 2 fields (as in the header), got 1");
    const bare = tempFile(dir, "bare.csv", 'q,a\nsay "hi",1\n');
    expect((await caught(readAll(bare, { mapping: { problem: "q" } }))).message).toMatch(/^bare\.csv line 2: a quote inside an unquoted field/);
  });

  it("NeMo-Skills files out of lockstep", async () => {
    const row = (p: string) => JSON.stringify({ problem: p, expected_answer: "1", generation: "\\boxed{1}", predicted_answer: "1", is_correct: true });
    const a = tempFile(dir, "output-rs0.jsonl", [row("p1"), row("p2"), row("p3")].join("\n"));
    const b = tempFile(dir, "output-rs1.jsonl", [row("p1"), row("other")].join("\n"));
    const e1 = await caught(readAll([a, b]));
    expect(e1.message).toMatch(/^output-rs1\.jsonl line 2: field "problem" differs from output-rs0\.jsonl line 2/);
    const c = tempFile(dir, "output-rs2.jsonl", [row("p1"), row("p2")].join("\n"));
    expect((await caught(readAll([a, c]))).message).toBe("output-rs2.jsonl: has only 2 records but output-rs0.jsonl has more (its record 3 is at line 3)");
  });

  it("openDataset itself rejects before iteration when the first record is unusable", async () => {
    const path = tempFile(dir, "weird.jsonl", `${JSON.stringify({ text: "hello" })}\n`);
    await expect(openDataset(path)).rejects.toThrow(/weird\.jsonl line 1: cannot tell the format/);
  });
});

describe("validateFile", () => {
  it("collects every row error, not just the first", async () => {
    const lines = [good, "{oops", JSON.stringify({ question: "q" }), good, JSON.stringify({ question: 1, answer: "#### 2" }), "", good];
    const path = tempFile(dir, "many.jsonl", lines.join("\n"));
    const report = await validateFile(path);
    expect(report.ok).toBe(false);
    expect(report.fatal).toBe(false);
    expect(report.format).toBe("gsm8k");
    expect(report.records).toBe(3);
    expect(report.blankLines).toBe(1);
    expect(report.errors.map((e) => e.message)).toEqual([
      "many.jsonl line 2: invalid JSON (Expected property name or '}' at column 2)",
      'many.jsonl line 3: field "answer" is missing',
      'many.jsonl line 5: field "question" must be a string, got number',
    ]);
  });

  it("stops at maxErrors and at a fatal error", async () => {
    const path = tempFile(dir, "bad-many.jsonl", Array.from({ length: 50 }, () => "{").join("\n"));
    const report = await validateFile(path, { format: "gsm8k", maxErrors: 5 });
    expect(report.errors).toHaveLength(5);
    expect(report.truncated).toBe(true);
    const utf = tempFile(dir, "bad-utf.jsonl", Buffer.concat([Buffer.from(`${good}\n{oops\n`), Buffer.from([0xff, 0x0a])]));
    const r2 = await validateFile(utf);
    expect(r2.fatal).toBe(true);
    expect(r2.errors.map((e) => e.code)).toEqual(["invalid-json", "invalid-utf8"]);
  });

  it("passes a clean file", async () => {
    const report = await validateFile(tempFile(dir, "clean.jsonl", `${good}\n${good}\n`));
    expect(report).toMatchObject({ ok: true, records: 2, rows: 2, errors: [] });
  });
});
