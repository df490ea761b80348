import { describe, expect, it } from "vitest";
import { parseJudgeAnswer } from "@/lib/decontamination/pipeline/parse-judge-answer";

describe("parseJudgeAnswer", () => {
  it("accepts a bare True or False, with case and one trailing period tolerated", () => {
    expect(parseJudgeAnswer("True")).toEqual({ verdict: "true" });
    expect(parseJudgeAnswer(" false.\n")).toEqual({ verdict: "false" });
    expect(parseJudgeAnswer("TRUE")).toEqual({ verdict: "true" });
  });

  it("fails anything else, saying why, instead of counting it as clean", () => {
    for (const reply of ["Yes", "True. They are the same.", "**False**", "True or False", "Maybe"]) {
      const parsed = parseJudgeAnswer(reply);
      expect(parsed.verdict).toBe("failed");
      expect(parsed.verdict === "failed" && parsed.why).toContain("expected only");
    }
    expect(parseJudgeAnswer("  ")).toEqual({ verdict: "failed", why: "the judge replied with nothing" });
  });
});
