import { describe, expect, it } from "vitest";
import { BULK_MIN_ROWS, chooseGradingPath } from "@/lib/datasets/grading-job/grading-path";

describe("which way a grading run writes", () => {
  it("bulk when the rows to grade are many and most of the set's rows", () => {
    expect(chooseGradingPath({ toGrade: 14_000_000, staged: 0, setRows: 14_000_000 })).toBe("bulk");
    expect(chooseGradingPath({ toGrade: BULK_MIN_ROWS, staged: 0, setRows: 2 * BULK_MIN_ROWS })).toBe("bulk");
  });

  it("in place when they are few, or a small part of a large set", () => {
    expect(chooseGradingPath({ toGrade: BULK_MIN_ROWS - 1, staged: 0, setRows: BULK_MIN_ROWS - 1 })).toBe("update");
    expect(chooseGradingPath({ toGrade: 1_000_000, staged: 0, setRows: 14_000_000 })).toBe("update");
    expect(chooseGradingPath({ toGrade: 0, staged: 0, setRows: 0 })).toBe("update");
  });

  it("a stopped bulk run resumes as one, whatever is left; a forced path wins", () => {
    expect(chooseGradingPath({ toGrade: 10, staged: 5, setRows: 14_000_000 })).toBe("bulk");
    expect(chooseGradingPath({ toGrade: 10, staged: 0, setRows: 10 }, "bulk")).toBe("bulk");
    expect(chooseGradingPath({ toGrade: 14_000_000, staged: 0, setRows: 14_000_000 }, "update")).toBe("update");
    expect(chooseGradingPath({ toGrade: 14_000_000, staged: 0, setRows: 14_000_000 }, "auto")).toBe("bulk");
  });
});
