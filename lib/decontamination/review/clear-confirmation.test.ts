// Protects: clearing an exact or near-exact copy of a benchmark problem needs a confirmation, and
// the pair named is the closest one; weaker pairs never ask.
import { describe, expect, it } from "vitest";
import { CONFIRM_CLEAR_SCORE, describeNearCopy, pairNeedingClearConfirmation } from "@/lib/decontamination/review/clear-confirmation";

const pair = (exact: boolean, score: number, key = "k") => ({ exact, score, benchmarkSet: "gsm8k-test", benchmarkKey: key });

describe("pairNeedingClearConfirmation", () => {
  it("asks for an exact match and for a score at or above the threshold, naming the closest pair", () => {
    expect(pairNeedingClearConfirmation([pair(false, 0.5), pair(true, 1, "copy")])?.benchmarkKey).toBe("copy");
    expect(pairNeedingClearConfirmation([pair(false, CONFIRM_CLEAR_SCORE, "edge")])?.benchmarkKey).toBe("edge");
    expect(pairNeedingClearConfirmation([pair(false, 0.96, "a"), pair(false, 0.99, "b")])?.benchmarkKey).toBe("b");
    expect(pairNeedingClearConfirmation([pair(false, 0.99, "near"), pair(true, 0.98, "exact")])?.benchmarkKey).toBe("exact");
  });

  it("does not ask below the threshold or without pairs", () => {
    expect(pairNeedingClearConfirmation([pair(false, 0.94), pair(false, 0.4)])).toBeNull();
    expect(pairNeedingClearConfirmation([])).toBeNull();
  });

  it("says which pair it is about", () => {
    expect(describeNearCopy(pair(true, 1, "test/7"))).toBe("an exact match with gsm8k-test/test/7 (score 1.00)");
    expect(describeNearCopy(pair(false, 0.97, "test/8"))).toBe("a near-exact match with gsm8k-test/test/8 (score 0.97)");
  });
});
