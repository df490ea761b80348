import { describe, expect, it } from "vitest";
import { ImportRowGrader } from "@/lib/datasets/grading-job/grade-rows";

/** One imported row through the import's grader (gradeSample, lib/grading/grade-sample.ts). */
function gradeSolution(gold: string | null, text: string, { generated = false } = {}) {
  const [row] = new ImportRowGrader(generated).grade([{ id: 1, problemId: 1, problem: "A problem.", gold, text }]);
  return { ...row.grade, rule: row.grade.verdictRule, tokenCount: row.tokenCount };
}

describe("grading imported solutions", () => {
  it("reference solutions: the answer is located anywhere the checker finds one", () => {
    expect(gradeSolution("72", "Natalia sold 48/2 = 24 clips in May.\n#### 72").verdict).toBe("equal");
    expect(gradeSolution("7", "Adding gives 7, so the final answer is 7.").verdict).toBe("equal");
  });

  it("generated solutions: the recipe's last-box rule, as the batch worker grades", () => {
    const unboxed = gradeSolution("7", "Adding gives 7, so the final answer is 7.", { generated: true });
    expect(unboxed.verdict).toBe("no_answer");
    expect(unboxed.rule).toBe("no-box");
    expect(unboxed.extractedAnswer).toBeNull();
    const boxed = gradeSolution("7", "First \\boxed{6}, then corrected: \\boxed{7}.", { generated: true });
    expect(boxed).toMatchObject({ verdict: "equal", extractedAnswer: "7" });
    expect(boxed.tokenCount).toBeGreaterThan(5);
    expect(gradeSolution("7", "So \\boxed{8}.", { generated: true }).verdict).toBe("not_equal");
  });

  it("no gold answer: undecided either way, never left ungraded (the job would pick it again)", () => {
    expect(gradeSolution(null, "\\boxed{3}", { generated: true })).toMatchObject({ verdict: "undecided", rule: "no-gold" });
    expect(gradeSolution(" ", "\\boxed{3}")).toMatchObject({ verdict: "undecided", rule: "no-gold" });
  });
});
