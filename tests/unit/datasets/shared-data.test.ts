import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { readAll } from "@/tests/unit/datasets/read-all";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";

async function jsonLines(path: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const line of createInterface({ input: createReadStream(path) })) if (line.trim()) rows.push(JSON.parse(line));
  return rows;
}

/** A set's train.jsonl read as an import reads it (format detected, every row) and as raw JSON lines. */
async function readTrainFile(format: "gsm8k" | "math", rows: number) {
  const path = sharedDataPath(format, "train.jsonl");
  const { reader, records } = await readAll(path);
  expect(reader.format).toBe(format);
  expect(records).toHaveLength(rows);
  return { records, raw: await jsonLines(path) };
}

describe.skipIf(!hasSharedData)("real seed files", () => {
  it("GSM8K train: all 7,473 rows, gold = text after #### without commas", async () => {
    const { records, raw } = await readTrainFile("gsm8k", 7473);
    records.forEach((record, i) => {
      const answer = raw[i]?.answer as string;
      expect(record.goldAnswer).toBe(answer.split("####").at(-1)?.trim().replace(/,/g, ""));
      expect(record.solutions[0]?.text).not.toMatch(/<<|>>/);
    });
    expect(records.filter((r) => r.goldAnswer?.includes(","))).toHaveLength(0);
    expect(new Set(records.map((r) => r.sourceKey)).size).toBe(7473);
  });

  it("MATH train: all 7,500 rows, gold = boxed_answer, ids and metadata kept", async () => {
    const { records, raw } = await readTrainFile("math", 7500);
    // Two train solutions end in an empty "\\boxed{}" (boxed_answer ""): no gold answer, not "".
    const expected = (i: number) => (raw[i]?.boxed_answer === "" ? null : raw[i]?.boxed_answer);
    const mismatches = records.filter((r, i) => r.goldAnswer !== expected(i)).map((r) => r.sourceKey);
    expect(mismatches).toEqual([]);
    expect(records.filter((r) => r.goldAnswer === null).map((r) => r.sourceKey)).toEqual([
      "train/number_theory/7115.json",
      "train/number_theory/7117.json",
    ]);
    expect(records[0]).toMatchObject({ sourceKey: "train/algebra/0.json", metadata: { level: "Level 5", subject: "Algebra" } });
  });

  it("GSM8K and MATH test files parse too", async () => {
    expect((await readAll(sharedDataPath("gsm8k", "test.jsonl"))).records).toHaveLength(1319);
    expect((await readAll(sharedDataPath("math", "test.jsonl"))).records).toHaveLength(5000);
  });
});
