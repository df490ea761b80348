import { describe, expect, it } from "vitest";
import { auc, fprAtRecall } from "@/lib/decontamination/eval/separation-eval";
import { buildTfidfIndex, tfidfTop } from "@/lib/decontamination/eval/tfidf-baseline";
import { canonicalAnswer } from "@/lib/decontamination/answer";

describe("auc", () => {
  it("is 1 for perfect separation, 0.5 for ties, 0 for reversed", () => {
    expect(auc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(auc([0.5, 0.5], [0.5])).toBe(0.5);
    expect(auc([0.1], [0.9, 0.8])).toBe(0);
    expect(auc([0.9, 0.3], [0.5])).toBe(0.5);
    expect(Number.isNaN(auc([], [1]))).toBe(true);
  });
});

describe("fprAtRecall", () => {
  it("counts negatives at or above the score that keeps the asked share of positives", () => {
    const pos = Array.from({ length: 20 }, (_, i) => (i + 1) / 20); // 0.05 .. 1
    // 95% of 20 = 19 positives kept: cut at the 19th best = 0.1
    expect(fprAtRecall(pos, [0.05, 0.1, 0.5, 0.01])).toBe(0.5);
  });
});

describe("TF-IDF baseline (scikit-learn defaults)", () => {
  const docs = ["the cat sat on the mat", "a dog sat on a log", "cats and dogs"];
  const index = buildTfidfIndex(docs);

  it("scores an identical text 1 and ranks by cosine", () => {
    const [top] = tfidfTop(index, docs[0]);
    expect(top.doc).toBe(0);
    expect(top.score).toBeCloseTo(1, 10);
    expect(tfidfTop(index, "dog on a log").map((t) => t.doc)[0]).toBe(1);
  });

  it("matches a hand computation: smooth idf, raw counts, L2 norm, unseen terms ignored", () => {
    // query "sat zebra": only "sat" is known (df 2 of 3): idf = ln(4/3) + 1. Against doc 1 ("a dog
    // sat on a log": terms dog, sat, on, log, dog sat, sat on, on log — "a" is too short).
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    const w = { dog: idf(1), sat: idf(2), on: idf(2), log: idf(1), "dog sat": idf(1), "sat on": idf(2), "on log": idf(1) };
    const norm = Math.sqrt(Object.values(w).reduce((a, x) => a + x * x, 0));
    const expected = w.sat / norm;
    const got = tfidfTop(index, "sat zebra", 3).find((t) => t.doc === 1)!;
    expect(got.score).toBeCloseTo(expected, 10);
  });
});

describe("canonicalAnswer", () => {
  it("unifies number formats and boxed/LaTeX wrappers, and leaves unknown empty", () => {
    expect(canonicalAnswer("18.00")).toBe("18");
    expect(canonicalAnswer("1,000")).toBe("1000");
    expect(canonicalAnswer("\\boxed{\\dfrac{1}{2}}")).toBe(canonicalAnswer("\\frac{1}{2}"));
    expect(canonicalAnswer("$ 18 $")).toBe("18");
    expect(canonicalAnswer(undefined)).toBe("");
    expect(canonicalAnswer("0.5")).not.toBe(canonicalAnswer("1/2"));
  });
});
