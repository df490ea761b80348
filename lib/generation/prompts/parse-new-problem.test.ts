import { describe, expect, it } from "vitest";
import { parseNewProblem } from "@/lib/generation/prompts/parse-new-problem";

describe("parseNewProblem", () => {
  it("strips New problem: prefixes in their common spellings", () => {
    for (const reply of ["New problem:\nWhat is 2 + 3?", "**New Problem:** What is 2 + 3?", "Here is a new problem inspired by the original:\n\nWhat is 2 + 3?", "New problem: New problem: What is 2 + 3?"]) {
      const parsed = parseNewProblem(reply);
      expect(parsed).toMatchObject({ ok: true, problem: "What is 2 + 3?" });
    }
    expect(parseNewProblem("What is 2 + 3?")).toEqual({ ok: true, problem: "What is 2 + 3?", trimmed: [] });
  });

  it("leaves problems alone that only look like a prefix or an answer line", () => {
    const problem = "New problem sets cost $4 each. How much do 3 sets cost?\nAnswer in dollars.";
    expect(parseNewProblem(problem)).toEqual({ ok: true, problem, trimmed: [] });
  });

  it("cuts a solution the model added after the problem", () => {
    const parsed = parseNewProblem("A jar has 5 red and 3 blue marbles. How many marbles are there?\n\nSolution:\nThere are 8.");
    expect(parsed).toMatchObject({ ok: true, problem: "A jar has 5 red and 3 blue marbles. How many marbles are there?" });
    expect(parsed.ok && parsed.trimmed).toContain("a solution after the problem");
  });

  it("rejects empty, overlong, truncated and copied replies with a reason", () => {
    expect(parseNewProblem("  New problem:  ")).toMatchObject({ ok: false, reason: "empty" });
    expect(parseNewProblem("x".repeat(50), { maxChars: 40 })).toMatchObject({ ok: false, reason: "too-long", why: expect.stringContaining("50 characters") });
    expect(parseNewProblem("What is", { finishReason: "length" })).toMatchObject({ ok: false, reason: "truncated" });
    expect(parseNewProblem("What is  2+2?", { original: "what is 2+2?" })).toMatchObject({ ok: false, reason: "same-as-original" });
  });
});
