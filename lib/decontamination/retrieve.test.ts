import { describe, expect, it } from "vitest";
import { buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { DEFAULT_FLAG_THRESHOLD, retrieveCandidates } from "@/lib/decontamination/retrieve";
import { retrieveMany } from "@/lib/decontamination/retrieve-many";

const bench = [
  "Janet’s ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
  "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?",
  "How many vertical asymptotes does the graph of $y=\\frac{2}{x^2+x-6}$ have?",
  "What is the positive difference between $120\\%$ of 30 and $130\\%$ of 20?",
  "Find the distance between the foci of the ellipse \\[x^2 + 4y^2 = 400.\\]",
  "Toulouse has twice as many sheep as Charleston. Charleston has 4 times as many sheep as Seattle. How many sheep do Toulouse, Charleston, and Seattle have together if Seattle has 20 sheep?",
].map((text, i) => ({ id: 100 + i, setName: i < 2 || i === 5 ? "gsm8k" : "math", key: `k${i}`, text }));
const index = buildBenchmarkIndex(bench);

describe("retrieveCandidates", () => {
  it("flags a verbatim copy (recipe normalisation) as exact with score 1", () => {
    const [top] = retrieveCandidates(index, `  ${bench[1].text.toUpperCase()} `);
    expect(top).toMatchObject({ benchmarkId: 101, exact: true, exactKind: "verbatim", score: 1 });
  });

  it("flags a LaTeX/number re-spelling as exact (normalized)", () => {
    const [top] = retrieveCandidates(index, "How many vertical asymptotes does the graph of \\(y=\\dfrac{2}{x^{2}+x-6}\\) have?");
    expect(top).toMatchObject({ benchmarkId: 102, exact: true, exactKind: "normalized", score: 1 });
  });

  it("finds a reworded question that keeps its numbers, with evidence", () => {
    const [top] = retrieveCandidates(
      index,
      "Every day Janet's ducks lay 16 eggs. She eats 3 of them at breakfast and uses 4 to bake muffins for friends. The rest she sells at the farmers market for $2 each. How many dollars does she earn daily?",
    );
    expect(top.benchmarkId).toBe(100);
    expect(top.exact).toBe(false);
    // Absolute scores depend on the corpus IDF; on this 6-problem index, only the margin is stable.
    expect(top.score).toBeGreaterThan(0.3);
    expect(top.evidence.sharedNumbers.sort()).toEqual(["16", "2", "3", "4"]);
    expect(top.evidence.sharedNgrams.length).toBeGreaterThan(0);
    expect(Object.keys(top.evidence.views)).toEqual([
      "text",
      "skeleton",
      "numbers",
      "words",
      "coverage",
      "numberCoverage",
      "question",
      "evidence",
      "answer",
    ]);
  });

  it("finds the same question with renamed people and objects", () => {
    const [top] = retrieveCandidates(
      index,
      "Priyanka’s hens lay 16 eggs per day. She eats three for breakfast every morning and bakes cupcakes for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh hen egg. How much in dollars does she make every day at the farmers' market?",
    );
    expect(top.benchmarkId).toBe(100);
    expect(top.evidence.views.skeleton).toBeGreaterThan(0.9);
  });

  it("finds the same template with changed numbers and names, via the skeleton", () => {
    const [top] = retrieveCandidates(
      index,
      "Lyon has twice as many sheep as Boston. Boston has 7 times as many sheep as Denver. How many sheep do Lyon, Boston, and Denver have together if Denver has 35 sheep?",
    );
    expect(top.benchmarkId).toBe(105);
    expect(top.evidence.sharedNumbers).toEqual([]);
    expect(top.evidence.views.skeleton).toBeGreaterThan(top.evidence.views.text);
    expect(top.score).toBeGreaterThan(0.3);
  });

  it("returns top-k in score order, scores in 0..1, low scores for unrelated problems", () => {
    const c = retrieveCandidates(index, "Compute the number of primes below 50 that are congruent to 1 mod 4.", { topK: 3 });
    expect(c.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < c.length; i++) expect(c[i - 1].score).toBeGreaterThanOrEqual(c[i].score);
    for (const x of c) expect(x.score).toBeGreaterThanOrEqual(0);
    expect(c[0]?.score ?? 0).toBeLessThan(DEFAULT_FLAG_THRESHOLD);
  });

  it("handles an empty index and an empty problem", () => {
    expect(retrieveCandidates(buildBenchmarkIndex([]), "anything")).toEqual([]);
    expect(retrieveCandidates(index, "")).toEqual([]);
  });
});

describe("retrieveMany", () => {
  const problems = bench.map((b, i) => ({ id: i, text: b.text.replace(/\d+/g, (n) => String(Number(n) + 1)) }));

  it("in-thread gives the same as retrieveCandidates, in input order", async () => {
    const many = await retrieveMany(index, problems, { topK: 2, chunkSize: 2 });
    expect(many.map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const r of many) expect(r.candidates).toEqual(retrieveCandidates(index, problems[r.id].text, { topK: 2 }));
  });

  it("with worker processes gives the same results", async () => {
    const inThread = await retrieveMany(index, problems, { topK: 2 });
    const streamed: number[] = [];
    const parallel = await retrieveMany(index, problems, { topK: 2, workers: 2, chunkSize: 3 });
    await retrieveMany(index, problems, { topK: 2, workers: 2, chunkSize: 3, onBatch: (b) => streamed.push(...b.map((r) => r.id)) });
    expect(parallel).toEqual(inThread);
    expect(streamed.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  }, 60_000);
});
