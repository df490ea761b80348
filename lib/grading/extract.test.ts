import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countBoxed, extractAnswer } from "@/lib/grading/extract";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";

describe("extractAnswer", () => {
  it("takes the last box, braces matched, nested kept", () => {
    const text = "First \\boxed{1}, then \\boxed{\\frac{1}{\\sqrt{2}}}.";
    const r = extractAnswer(text);
    expect(r).toMatchObject({ ok: true, answer: "\\frac{1}{\\sqrt{2}}", source: "boxed" });
    if (r.ok) expect(text.slice(r.start, r.end)).toBe("\\frac{1}{\\sqrt{2}}");
  });

  it("counts escaped braces like the recipe's extractor", () => {
    expect(extractAnswer("so \\boxed{\\{1,2\\}}.")).toMatchObject({ ok: true, answer: "\\{1,2\\}" });
  });

  it("reads \\fbox and the TeX one-token form \\boxed 5", () => {
    expect(extractAnswer("\\fbox{7}")).toMatchObject({ ok: true, answer: "7", source: "fbox" });
    expect(extractAnswer("is $\\boxed 9$.")).toMatchObject({ ok: true, answer: "9" });
  });

  it("gives a typed cause when there is no answer", () => {
    expect(extractAnswer("no box here")).toMatchObject({ ok: false, cause: "no-box" });
    expect(extractAnswer("\\boxed{1 + {2}")).toMatchObject({ ok: false, cause: "unbalanced-braces" });
    expect(extractAnswer("\\boxed{ }")).toMatchObject({ ok: false, cause: "empty-box" });
    expect(extractAnswer("\\boxed{1} or \\boxed{2}", { strict: true })).toMatchObject({ ok: false, cause: "several-different-boxes" });
    expect(extractAnswer("\\boxed{2} so \\boxed{2}", { strict: true })).toMatchObject({ ok: true, answer: "2" });
  });

  it("falls back to the final-answer phrase or the last formula only when asked", () => {
    const text = "We get $x=3$. Final Answer: The final answer is $42$. I hope it is correct.";
    expect(extractAnswer(text)).toMatchObject({ ok: false, cause: "no-box" });
    const phrase = extractAnswer(text, { fallback: "final-answer-phrase" });
    expect(phrase).toMatchObject({ ok: true, answer: "$42$", source: "phrase" });
    expect(extractAnswer("so $y = 2$ and then $7$", { fallback: "last-math" })).toMatchObject({ ok: true, answer: "7", source: "math" });
  });

  it("handles 10,000 nested braces and a 100 KB text without recursion or delay", () => {
    const deep = `\\boxed{${"{".repeat(10_000)}1${"}".repeat(10_000)}}`;
    const started = performance.now();
    const r = extractAnswer(deep);
    expect(r.ok).toBe(true);
    expect(extractAnswer(`\\boxed{${"{".repeat(10_000)}`)).toMatchObject({ ok: false, cause: "unbalanced-braces" });
    expect(countBoxed(`${"x ".repeat(50_000)}\\boxed{1}`)).toBe(1);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe.skipIf(!hasSharedData)("extractAnswer on real MATH solutions", () => {
  it("equals boxed_answer for all 12,500 MATH problems", () => {
    const rows = ["train.jsonl", "test.jsonl"].flatMap((f) =>
      readFileSync(sharedDataPath("math", f), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { unique_id: string; solution: string; boxed_answer: string }),
    );
    expect(rows).toHaveLength(12_500);
    const mismatches = rows.filter((r) => {
      const e = extractAnswer(r.solution);
      // Two reference solutions box nothing ("\boxed{}"); the dataset records "" for them.
      if (!e.ok) return !(e.cause === "empty-box" && r.boxed_answer === "");
      return e.answer !== r.boxed_answer;
    });
    expect(mismatches.map((r) => r.unique_id)).toEqual([]);
  });
});
