import { describe, expect, it } from "vitest";
import { parseExportSettings, NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { type CandidateRow, filterExportRow, ProblemChecks, ProblemDedup } from "@/lib/datasets/export/filter-export-row";

const LONG = "We work it out carefully, one step after the other, checking every value. ".repeat(4);
const row = (over: Partial<CandidateRow>): CandidateRow => ({
  sampleId: 1,
  problemId: 1,
  problem: "What is 3 + 4?",
  solution: `${LONG}\n3 + 4 = 7, so \\boxed{7}.`,
  expectedAnswer: "7",
  source: "math",
  provenance: "generated",
  verdict: "equal",
  contaminationStatus: "clean",
  tokenCount: null,
  ...over,
});
const defaults = parseExportSettings({});

describe("filterExportRow", () => {
  it("keeps a clean, correct, well-formed solution", () => {
    expect(filterExportRow(row({}), defaults, new ProblemChecks())).toMatchObject({ keep: true, trimmed: false });
  });

  it("names the first filter that removes a row, in the documented order", () => {
    const checks = new ProblemChecks();
    const decide = (over: Partial<CandidateRow>) => {
      const d = filterExportRow(row(over), defaults, checks);
      return d.keep ? "kept" : d.filter;
    };
    expect(decide({ contaminationStatus: "flagged", verdict: "not_equal" })).toBe("contaminated");
    expect(decide({ verdict: "ungraded", solution: null })).toBe("not-correct");
    expect(decide({ solution: `${LONG}\nThe answer is 7.` })).toBe("no-boxed");
    expect(decide({ solution: `${LONG} \\boxed{6} \\boxed{7}` })).toBe("multi-boxed");
    expect(decide({ solution: "So \\boxed{7}." })).toBe("solution-too-short");
    expect(decide({ solution: `${LONG}\n3 + 4 = 8, so \\boxed{7}.` })).toBe("arithmetic");
    expect(decide({ tokenCount: 5000 })).toBe("solution-too-long");
    expect(decide({ problemId: 2, problem: "word ".repeat(3000) })).toBe("problem-too-long");
  });

  it("drops a solution without a boxed answer, whatever else it has, and names why", () => {
    // A GSM8K reference answer: correct by construction, graded equal, but no \boxed{} to learn from.
    const gsm8k = row({ solution: `${LONG}\nShe has 48/2 = 24 left.\n#### 24`, expectedAnswer: "24" });
    expect(filterExportRow(gsm8k, defaults, new ProblemChecks())).toEqual({ keep: false, filter: "no-boxed", reason: "no \\boxed{} in the solution" });
    expect(filterExportRow(row({ solution: `${LONG}\nSo the answer is $\\fbox{7}$.` }), defaults, new ProblemChecks())).toMatchObject({ keep: true });
    const off = parseExportSettings({ requireBoxed: false });
    expect(filterExportRow(gsm8k, off, new ProblemChecks())).toMatchObject({ keep: true });
  });

  it("trims after the boxed line and measures lengths on the trimmed text", () => {
    const d = filterExportRow(row({ solution: `${LONG}\nSo \\boxed{7}.\nI hope it is correct.`, tokenCount: 5000 }), defaults, new ProblemChecks());
    expect(d).toEqual({ keep: true, solution: `${LONG}\nSo \\boxed{7}.`, trimmed: true });
  });

  it("with every filter off keeps anything, text unchanged", () => {
    const off = parseExportSettings({ ...NO_FILTERS });
    const messy = row({ verdict: "ungraded", contaminationStatus: "contaminated", solution: "x \\boxed{1} \\boxed{2}\nmore" });
    expect(filterExportRow(messy, off, new ProblemChecks())).toEqual({ keep: true, solution: "x \\boxed{1} \\boxed{2}\nmore", trimmed: false });
  });

  it("dedup remembers one problem at a time", () => {
    const dedup = new ProblemDedup();
    expect(dedup.isDuplicate(1, "a")).toBe(false);
    expect(dedup.isDuplicate(1, "a")).toBe(true);
    expect(dedup.isDuplicate(2, "a")).toBe(false);
  });
});
