// The recall targets of issue #7, asserted on a fixed sample of 1,000 benchmark problems
// (500 GSM8K test + 500 MATH test) against an index of every shared test set.
import { describe, expect, it } from "vitest";
import { buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { loadBenchmarkItems, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { evaluateFamily, falseCandidateRate, sampleItems } from "@/lib/decontamination/eval/recall-eval";
import { REWRITE_FAMILY_NAMES, type RewriteFamily } from "@/lib/decontamination/eval/rewrite-rules";
import { runSeparation } from "@/lib/decontamination/eval/run-separation";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";

describe.skipIf(!hasSharedData)("recall on rewritten benchmark problems (shared data)", () => {
  const items = hasSharedData ? loadBenchmarkItems(sharedDataPath()) : [];
  const index = buildBenchmarkIndex(items);
  const sources = sampleItems(items, { gsm8k: 500, math: 500 });

  const targets: [RewriteFamily, number][] = [
    ["paraphrase", 0.95],
    ["latex-respelled", 0.95],
    ["renamed", 0.95],
    ["numbers-changed", 0.9],
    ["renamed-numbers-changed", 0.9],
  ];
  it.each(targets)("%s: recall@5 >= %s", (family, target) => {
    const r = evaluateFamily(index, sources, family);
    expect(r.evaluated).toBeGreaterThan(300);
    expect(r.recallAt5).toBeGreaterThanOrEqual(target);
    expect(r.recallAt1).toBeGreaterThanOrEqual(target - 0.05);
  }, 60_000);

  it("a LaTeX/number re-spelled copy comes back at rank 1", () => {
    const r = evaluateFamily(index, sources.slice(0, 200), "latex-respelled");
    expect(r.recallAt1).toBeGreaterThan(0.99);
  });

  it("flags few unrelated grade-school problems (GSM8K train against the test sets)", () => {
    const r = falseCandidateRate(index, loadTrainProblems(sharedDataPath(), "gsm8k").slice(0, 2000));
    expect(r.rate).toBeLessThan(0.02);
  }, 60_000);
});

describe.skipIf(!hasSharedData)("separation against plain TF-IDF (shared data, evaluation half)", () => {
  it("beats word uni+bigram TF-IDF on AUC of the top-1 score and keeps recall@5 on every family, held-out ones included", async () => {
    const { results } = await runSeparation({ perSet: 60 });
    expect(results.length).toBe(REWRITE_FAMILY_NAMES.length);
    for (const r of results) {
      expect(r.evaluated, r.family).toBeGreaterThan(30);
      expect(r.score.auc, r.family).toBeGreaterThan(r.tfidf.auc);
      expect(r.score.recallAt5, r.family).toBeGreaterThanOrEqual(0.98);
    }
  }, 240_000);
});
