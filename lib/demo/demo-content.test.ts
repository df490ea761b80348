// The demo content must be right: a new user's first look at Boxed is these answers, votes and
// verdicts. Every gold answer is checked against its reference solution, every recorded sample
// against the scenario it is there to show.
import { describe, expect, it } from "vitest";
import {
  DEMO_BATCH,
  DEMO_BENCHMARK_SETS,
  DEMO_SEED_SETS,
  DEMO_SYNTHETIC_SET,
  type DemoProblem,
  type DemoSample,
} from "@/lib/demo/demo-content";

/** Contents of every \boxed{...} in order, braces matched (every brace counts, as in the recipe). */
function boxedContents(text: string): string[] {
  const found: string[] = [];
  const command = /\\boxed\s*\{/g;
  for (let m = command.exec(text); m; m = command.exec(text)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let i = open; i < text.length; i++) {
      if (text[i] === "{") depth++;
      else if (text[i] === "}" && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) break;
    found.push(text.slice(open + 1, close));
    command.lastIndex = close + 1;
  }
  return found;
}

function lastBoxed(text: string): string | undefined {
  return boxedContents(text).at(-1);
}

/** Numeric value of the few answer shapes the demo uses for equivalent forms; NaN otherwise. */
function numericValue(answer: string): number {
  const s = answer.replace(/\s+/g, "");
  let m = /^\\d?frac\{(\d+)\}\{(\d+)\}$/.exec(s);
  if (m) return Number(m[1]) / Number(m[2]);
  m = /^(\d*)\\sqrt\{(\d+)\}$/.exec(s);
  if (m) return (m[1] === "" ? 1 : Number(m[1])) * Math.sqrt(Number(m[2]));
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

const collapse = (answer: string) => answer.replace(/\s+/g, "");

const seedProblems = DEMO_SEED_SETS.flatMap((set) => set.problems);
const benchmarkProblems = DEMO_BENCHMARK_SETS.flatMap((set) => set.problems);
const goldProblems: DemoProblem[] = [...seedProblems, ...benchmarkProblems];
const seedByKey = new Map(seedProblems.map((p) => [p.sourceKey, p]));
const benchmarkByKey = new Map(benchmarkProblems.map((p) => [p.sourceKey, p]));
const syntheticProblems = DEMO_SYNTHETIC_SET.problems;
const allSamples: DemoSample[] = [...DEMO_BATCH.samples, ...syntheticProblems.flatMap((p) => p.samples)];

describe("demo seed and benchmark sets", () => {
  it("has two seed sets of 14 problems and one benchmark set of 3 + 3", () => {
    expect(DEMO_SEED_SETS.map((s) => [s.name, s.role, s.source, s.problems.length])).toEqual([
      ["demo-gsm8k-style", "seed", "gsm8k", 14],
      ["demo-math-style", "seed", "math", 14],
    ]);
    expect(DEMO_BENCHMARK_SETS).toHaveLength(1);
    const [benchmark] = DEMO_BENCHMARK_SETS;
    expect([benchmark.name, benchmark.role, benchmark.source]).toEqual(["demo-benchmark", "benchmark", "demo-test"]);
    expect(benchmark.problems.filter((p) => p.style === "gsm8k")).toHaveLength(3);
    expect(benchmark.problems.filter((p) => p.style === "math")).toHaveLength(3);
    for (const set of DEMO_SEED_SETS) {
      const style = set.source === "gsm8k" ? "gsm8k" : "math";
      expect(set.problems.every((p) => p.style === style)).toBe(true);
    }
  });

  it("gives every problem a non-empty problem text and gold answer", () => {
    for (const p of goldProblems) {
      expect(p.problem.trim(), p.sourceKey).not.toBe("");
      expect(p.goldAnswer.trim(), p.sourceKey).not.toBe("");
    }
  });

  it.each(goldProblems.filter((p) => p.style === "math").map((p) => [p.sourceKey, p] as const))(
    "%s: the reference solution's last \\boxed{} is the gold answer",
    (_key, p) => {
      expect(lastBoxed(p.referenceSolution)).toBe(p.goldAnswer);
      expect(p.level).toMatch(/^Level [1-5]$/);
      expect(p.subject).toBeTruthy();
    },
  );

  it.each(goldProblems.filter((p) => p.style === "gsm8k").map((p) => [p.sourceKey, p] as const))(
    "%s: a plain-number gold answer, the reference ends with #### answer, and its arithmetic holds",
    (_key, p) => {
      expect(p.goldAnswer).toMatch(/^-?\d+(\.\d+)?$/);
      expect(p.referenceSolution.endsWith(`#### ${p.goldAnswer}`)).toBe(true);
      expect(p.referenceSolution).not.toContain("\\boxed");
      const annotations = [...p.referenceSolution.matchAll(/<<([^=>]+)=([^>]+)>>/g)];
      expect(annotations.length).toBeGreaterThan(0);
      for (const [, expression, result] of annotations) {
        expect(expression).toMatch(/^[\d+\-*/(). ]+$/);
        const value = new Function(`return (${expression});`)() as number;
        expect(value, expression).toBeCloseTo(Number(result), 9);
      }
    },
  );

  it("covers MATH levels 1-5, several subjects and a variety of answer forms", () => {
    const math = DEMO_SEED_SETS[1].problems;
    expect(new Set(math.map((p) => p.level))).toEqual(new Set(["Level 1", "Level 2", "Level 3", "Level 4", "Level 5"]));
    expect(new Set(math.map((p) => p.subject)).size).toBeGreaterThanOrEqual(6);
    const golds = math.map((p) => p.goldAnswer);
    expect(golds).toContain("\\frac{3}{8}");
    expect(golds).toContain("2\\sqrt{5}");
    expect(golds).toContain("(-\\infty, 3]");
    expect(golds).toContain("12\\pi");
    expect(golds).toContain("1, 4");
    expect(golds).toContain("(4, 2)");
    expect(golds.some((g) => /^\d+$/.test(g))).toBe(true);
  });
});

describe("demo synthetic set", () => {
  it("has 6 problems, each from a real seed of the matching style, with no dataset answer", () => {
    expect(DEMO_SYNTHETIC_SET.name).toBe("demo-synthetic");
    expect(DEMO_SYNTHETIC_SET.role).toBe("synthetic");
    expect(syntheticProblems).toHaveLength(6);
    for (const p of syntheticProblems) {
      expect("goldAnswer" in p, p.sourceKey).toBe(false);
      const parent = seedByKey.get(p.parentSourceKey);
      expect(parent, p.parentSourceKey).toBeDefined();
      expect(parent?.style).toBe(p.style);
      expect(p.source).toBe(p.style === "gsm8k" ? "augmented_gsm8k" : "augmented_math");
      expect(p.problem).not.toBe(parent?.problem);
    }
  });

  it.each(syntheticProblems.map((p) => [p.sourceKey, p] as const))(
    "%s: 6-8 samples with one box each, whose majority is the expected label",
    (_key, p) => {
      expect(p.samples.length).toBeGreaterThanOrEqual(6);
      expect(p.samples.length).toBeLessThanOrEqual(8);
      expect(p.samples.map((s) => s.sampleIndex)).toEqual(p.samples.map((_, i) => i));
      const tally = new Map<string, number>();
      for (const s of p.samples) {
        expect(s.problemSourceKey).toBe(p.sourceKey);
        expect(s.finishReason).toBe("stop");
        const boxes = boxedContents(s.text);
        expect(boxes).toHaveLength(1);
        tally.set(collapse(boxes[0]), (tally.get(collapse(boxes[0])) ?? 0) + 1);
      }
      const [winner, votes] = [...tally].sort((a, b) => b[1] - a[1])[0];
      expect(winner).toBe(collapse(p.expectedMajority.answer));
      expect(votes).toBe(p.expectedMajority.votes);
      expect(p.samples).toHaveLength(p.expectedMajority.total);
      // Majority votes are strict: no tie for first place.
      expect([...tally.values()].filter((v) => v === votes)).toHaveLength(1);
      // The samples the author marked correct are exactly the majority.
      for (const s of p.samples) {
        expect(collapse(lastBoxed(s.text) ?? "") === winner, `${p.sourceKey}#${s.sampleIndex}`).toBe(s.scenario === "correct");
      }
    },
  );

  it("has one low-agreement problem and otherwise clear majorities", () => {
    const agreements = syntheticProblems.map((p) => p.expectedMajority.votes / p.expectedMajority.total);
    expect(agreements.filter((a) => a < 0.6)).toHaveLength(1);
    expect(agreements.filter((a) => a >= 0.8)).toHaveLength(5);
  });

  it("has exactly one paraphrase of a real benchmark problem, keeping its numbers", () => {
    const paraphrases = syntheticProblems.filter((p) => p.paraphraseOfBenchmarkKey !== undefined);
    expect(paraphrases).toHaveLength(1);
    const [paraphrase] = paraphrases;
    const original = benchmarkByKey.get(paraphrase.paraphraseOfBenchmarkKey ?? "");
    expect(original).toBeDefined();
    if (!original) return;
    const numbers = (text: string) => (text.match(/\d+(\.\d+)?/g) ?? []).sort();
    expect(numbers(paraphrase.problem)).toEqual(numbers(original.problem));
    expect(paraphrase.problem).not.toBe(original.problem);
    expect(collapse(paraphrase.expectedMajority.answer)).toBe(original.goldAnswer);
  });
});

describe("demo generation batch", () => {
  const samples = DEMO_BATCH.samples;

  it("covers 4 problems of each seed set with 4 samples each", () => {
    expect(DEMO_BATCH.name).toBe("demo: solutions for seed problems");
    expect(DEMO_BATCH.model).toBe("demo-llama-3.1-405b (recorded)");
    expect(DEMO_BATCH.samplesPerProblem).toBe(4);
    expect(DEMO_BATCH.problemSourceKeys).toHaveLength(8);
    const styles = DEMO_BATCH.problemSourceKeys.map((k) => seedByKey.get(k)?.style);
    expect(styles.filter((s) => s === "gsm8k")).toHaveLength(4);
    expect(styles.filter((s) => s === "math")).toHaveLength(4);
    expect(samples).toHaveLength(32);
    for (const key of DEMO_BATCH.problemSourceKeys) {
      expect(samples.filter((s) => s.problemSourceKey === key).map((s) => s.sampleIndex)).toEqual([0, 1, 2, 3]);
    }
    expect(new Set(samples.map((s) => s.problemSourceKey))).toEqual(new Set(DEMO_BATCH.problemSourceKeys));
  });

  it.each(samples.map((s) => [`${s.problemSourceKey}#${s.sampleIndex} (${s.scenario})`, s] as const))(
    "%s is what its scenario says",
    (_label, s) => {
      const gold = seedByKey.get(s.problemSourceKey)?.goldAnswer ?? "";
      const boxes = boxedContents(s.text);
      expect(s.finishReason).toBe(s.scenario === "truncated" ? "length" : "stop");
      switch (s.scenario) {
        case "correct":
          expect(boxes).toEqual([gold]);
          break;
        case "equivalent-form":
          expect(boxes).toHaveLength(1);
          expect(boxes[0]).not.toBe(gold);
          expect(numericValue(boxes[0])).toBeCloseTo(numericValue(gold), 12);
          break;
        case "wrong-answer":
          expect(boxes).toHaveLength(1);
          expect(collapse(boxes[0])).not.toBe(collapse(gold));
          if (!Number.isNaN(numericValue(gold))) expect(numericValue(boxes[0])).not.toBeCloseTo(numericValue(gold), 6);
          break;
        case "no-box":
        case "truncated":
          expect(boxes).toHaveLength(0);
          break;
        case "two-boxes":
          expect(boxes.length).toBe(2);
          expect(new Set(boxes).size).toBe(2);
          break;
      }
    },
  );

  it("mixes mostly correct samples with every failure the studio should show", () => {
    const count = (scenario: DemoSample["scenario"]) => samples.filter((s) => s.scenario === scenario).length;
    expect(count("correct")).toBeGreaterThan(samples.length / 2);
    expect(count("wrong-answer")).toBeGreaterThanOrEqual(2);
    expect(count("equivalent-form")).toBeGreaterThanOrEqual(1);
    expect(count("no-box")).toBeGreaterThanOrEqual(1);
    expect(count("two-boxes")).toBeGreaterThanOrEqual(1);
    expect(count("truncated")).toBeGreaterThanOrEqual(1);
    expect(samples.some((s) => s.scenario === "equivalent-form" && lastBoxed(s.text) === "0.375")).toBe(true);
    const truncated = samples.filter((s) => s.finishReason === "length");
    for (const s of truncated) expect(s.completionTokens).toBe(DEMO_BATCH.maxTokens);
  });

  it("writes in the OpenMath CoT style", () => {
    for (const s of samples) {
      expect(s.text).not.toMatch(/step \d/i);
      expect(s.text).not.toContain("\n\n\n");
      if (seedByKey.get(s.problemSourceKey)?.style === "math") expect(s.text).toContain("\\[");
      // The box, when there is one, is in the last paragraph.
      if (s.scenario !== "no-box" && s.scenario !== "truncated") expect(s.text.split("\n\n").at(-1)).toContain("\\boxed{");
    }
  });
});

describe("all demo content", () => {
  it("has unique source keys across every set", () => {
    const keys = [...goldProblems, ...syntheticProblems].map((p) => p.sourceKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("records realistic token counts and latencies", () => {
    for (const s of allSamples) {
      const label = `${s.problemSourceKey}#${s.sampleIndex}`;
      expect(s.text.trim(), label).not.toBe("");
      expect(s.latencyMs, label).toBeGreaterThanOrEqual(800);
      expect(s.latencyMs, label).toBeLessThanOrEqual(9000);
      expect(Number.isInteger(s.completionTokens), label).toBe(true);
      expect(s.completionTokens / s.text.length, label).toBeGreaterThan(0.2);
      expect(s.completionTokens / s.text.length, label).toBeLessThan(0.3);
    }
  });

  it("never leaves an unbalanced brace or an unescaped template hole in LaTeX", () => {
    const texts = [
      ...goldProblems.flatMap((p) => [p.problem, p.referenceSolution, p.goldAnswer]),
      ...syntheticProblems.map((p) => p.problem),
      ...allSamples.filter((s) => s.finishReason === "stop").map((s) => s.text),
    ];
    for (const text of texts) {
      expect(text).not.toContain("${");
      expect(text.split("{").length, text).toBe(text.split("}").length);
    }
  });
});
