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

describe.skipIf(!hasSharedData)("real seed files", () => {
  it("GSM8K train: all 7,473 rows, gold = text after #### without commas", async () => {
    const path = sharedDataPath("gsm8k", "train.jsonl");
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("gsm8k");
    expect(records).toHaveLength(7473);
    const raw = await jsonLines(path);
    records.forEach((record, i) => {
      const answer = raw[i]?.answer as string;
      expect(record.goldAnswer).toBe(answer.split("####").at(-1)?.trim().replace(/,/g, ""));
      expect(record.solutions[0]?.text).not.toMatch(/<<|>>/);
    });
    expect(records.filter((r) => r.goldAnswer?.includes(","))).toHaveLength(0);
    expect(new Set(records.map((r) => r.sourceKey)).size).toBe(7473);
  });

  it("MATH train: all 7,500 rows, gold = boxed_answer, ids and metadata kept", async () => {
    const path = sharedDataPath("math", "train.jsonl");
    const { reader, records } = await readAll(path);
    expect(reader.format).toBe("math");
    expect(records).toHaveLength(7500);
    const raw = await jsonLines(path);
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
