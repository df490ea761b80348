// Protects: the agreement figures shown for multi-reviewer queues equal hand-computed values.
import { describe, expect, it } from "vitest";
import { cohensKappa, summarizeAgreement, unanimousShare } from "@/lib/review/agreement";

const repeat = (pair: [string, string], times: number) => Array.from({ length: times }, () => pair);

describe("cohensKappa", () => {
  it("matches the textbook 2×2 example", () => {
    // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    // observed = 35/50 = 0.7; A says yes 25/50, B says yes 30/50;
    // expected = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    const pairs = [...repeat(["yes", "yes"], 20), ...repeat(["yes", "no"], 5), ...repeat(["no", "yes"], 10), ...repeat(["no", "no"], 15)];
    const k = cohensKappa(pairs);
    expect(k.items).toBe(50);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.expected).toBeCloseTo(0.5, 12);
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });

  it("handles three labels", () => {
    // A: acc acc acc acc rej rej rej uns uns acc
    // B: acc acc acc rej rej rej uns uns acc acc
    // agreed on items 1,2,3,5,6,8,10 → observed 0.7; A = (5, 3, 2)/10, B = (5, 3, 2)/10;
    // expected = 0.25 + 0.09 + 0.04 = 0.38; kappa = 0.32 / 0.62 = 0.516129…
    const a = ["acc", "acc", "acc", "acc", "rej", "rej", "rej", "uns", "uns", "acc"];
    const b = ["acc", "acc", "acc", "rej", "rej", "rej", "uns", "uns", "acc", "acc"];
    const k = cohensKappa(a.map((label, i) => [label, b[i]] as const));
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.expected).toBeCloseTo(0.38, 12);
    expect(k.kappa).toBeCloseTo(0.32 / 0.62, 12);
  });

  it("is 1 for perfect agreement, −1 for systematic disagreement, undefined without variation", () => {
    expect(cohensKappa([["a", "a"], ["b", "b"]]).kappa).toBeCloseTo(1, 12);
    // observed 0, expected 0.5·0.5 + 0.5·0.5 = 0.5 → (0 − 0.5) / 0.5 = −1.
    expect(cohensKappa([["a", "b"], ["b", "a"]]).kappa).toBeCloseTo(-1, 12);
    expect(cohensKappa([["a", "a"], ["a", "a"]]).kappa).toBeNull();
    expect(cohensKappa([])).toEqual({ kappa: null, observed: null, expected: null, items: 0 });
  });
});

describe("unanimousShare", () => {
  it("counts only items with two or more labels", () => {
    const result = unanimousShare([["a", "a", "a"], ["a", "b", "a"], ["b", "b"], ["a"], []]);
    expect(result).toEqual({ items: 3, unanimous: 2, share: 2 / 3 });
    expect(unanimousShare([["a"]]).share).toBeNull();
  });
});

describe("summarizeAgreement", () => {
  it("gives kappa over the shared items when exactly two reviewers labelled", () => {
    const items = [
      new Map([[1, "accepted"], [2, "accepted"]]),
      new Map([[1, "rejected"], [2, "accepted"]]),
      new Map([[1, "rejected"], [2, "rejected"]]),
      new Map([[1, "accepted"]]), // not shared: left out of kappa
    ];
    const summary = summarizeAgreement(items);
    expect(summary.reviewers).toBe(2);
    // observed 2/3; reviewer 1: acc 1/3, rej 2/3; reviewer 2: acc 2/3, rej 1/3;
    // expected = 1/3·2/3 + 2/3·1/3 = 4/9; kappa = (2/3 − 4/9) / (5/9) = 0.4.
    expect(summary.kappa?.items).toBe(3);
    expect(summary.kappa?.kappa).toBeCloseTo(0.4, 12);
    expect(summary.unanimity).toEqual({ items: 3, unanimous: 2, share: 2 / 3 });
  });

  it("gives only the unanimous share for three or more reviewers", () => {
    const summary = summarizeAgreement([
      new Map([[1, "a"], [2, "a"], [3, "a"]]),
      new Map([[1, "a"], [2, "b"], [4, "a"]]),
    ]);
    expect(summary.reviewers).toBe(4);
    expect(summary.kappa).toBeNull();
    expect(summary.unanimity.share).toBe(0.5);
  });
});
