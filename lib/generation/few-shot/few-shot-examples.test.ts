// Every shipped worked example must end with the answer it claims, by the same extraction the
// grader uses, so a few-shot set never teaches a wrong or unextractable answer.
import { describe, expect, it } from "vitest";
import { DEFAULT_FEW_SHOT_SETS } from "@/lib/generation/few-shot/default-few-shot-sets";
import { GSM8K_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/gsm8k-solution-examples";
import { MATH_SOLUTION_EXAMPLES } from "@/lib/generation/few-shot/math-solution-examples";
import { extractAnswer } from "@/lib/grading/extract";

const examples = [...MATH_SOLUTION_EXAMPLES, ...GSM8K_SOLUTION_EXAMPLES];

describe("default few-shot sets", () => {
  it("has 4 MATH examples covering the four topics and 5 GSM8K examples", () => {
    expect(MATH_SOLUTION_EXAMPLES.map((e) => e.topic)).toEqual(["algebra", "counting", "geometry", "number theory"]);
    expect(GSM8K_SOLUTION_EXAMPLES).toHaveLength(5);
  });

  it.each(examples.map((e) => [e.id, e] as const))("%s ends with its answer in one \\boxed{}", (_id, example) => {
    const extracted = extractAnswer(example.solution);
    expect(extracted).toMatchObject({ ok: true, answer: example.answer });
    expect(example.solution.match(/\\boxed\{/g)).toHaveLength(1);
  });

  it("follows the OpenMath CoT style: display math, no step headers, boxed answer in the last paragraph", () => {
    for (const example of examples) {
      expect(example.solution).toContain("\\[");
      expect(example.solution).not.toMatch(/step \d/i);
      expect(example.solution.split("\n\n").at(-1)).toContain("\\boxed{");
      // A six-newline run inside an example would end a completion prompt early.
      expect(example.solution).not.toContain("\n\n\n");
    }
  });

  it("has unique ids and 2-3 pairs per problem-generation set", () => {
    const ids = DEFAULT_FEW_SHOT_SETS.flatMap((set) => set.examples.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const set of DEFAULT_FEW_SHOT_SETS.filter((s) => s.kind === "problem-pair")) {
      expect(set.examples.length).toBeGreaterThanOrEqual(2);
      expect(set.examples.length).toBeLessThanOrEqual(3);
    }
  });
});
