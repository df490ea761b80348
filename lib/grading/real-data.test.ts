import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkAnswer } from "@/lib/grading/check";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";

const readJsonl = <T>(...parts: string[]): T[] =>
  readFileSync(sharedDataPath(...parts), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as T);

describe.skipIf(!hasSharedData)("checkAnswer on real data", () => {
  it("MATH-500: each official answer checks equal to the boxed_answer of the same problem", () => {
    type MathRow = { unique_id: string; boxed_answer: string };
    const byId = new Map([...readJsonl<MathRow>("math", "train.jsonl"), ...readJsonl<MathRow>("math", "test.jsonl")].map((r) => [r.unique_id, r]));
    const rows = readJsonl<{ unique_id: string; answer: string }>("math500", "test.jsonl");
    expect(rows).toHaveLength(500);
    const failures = rows.flatMap((r) => {
      const ref = byId.get(r.unique_id);
      if (!ref) return [`${r.unique_id}: not in MATH`];
      const v = checkAnswer(ref.boxed_answer, r.answer);
      return v.outcome === "equal" ? [] : [`${r.unique_id}: ${v.rule}: ${v.reason}`];
    });
    expect(failures).toEqual([]);
  });

  it("GSM8K: every gold answer (after ####, commas removed) parses as a number", () => {
    const rows = ["train.jsonl", "test.jsonl"].flatMap((f) => readJsonl<{ answer: string }>("gsm8k", f));
    expect(rows.length).toBe(7_473 + 1_319);
    const failures = rows.flatMap((r, i) => {
      const gold = (r.answer.split("####").pop() ?? "").trim().replace(/,/g, "");
      const value = Number(gold);
      // Parsing means the engine reads it as that number: equal to itself as a JS number,
      // and not equal to a neighbour.
      const same = checkAnswer(gold, value);
      const next = checkAnswer(gold, value + 1);
      return Number.isFinite(value) && same.outcome === "equal" && next.outcome === "not-equal" ? [] : [`row ${i}: ${gold}: ${same.reason}`];
    });
    expect(failures).toEqual([]);
  });
});
