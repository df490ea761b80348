// The score's signals, one at a time, on real benchmark problems (the shared test sets as the
// index, so IDF is what production sees) with rephrasings and look-alikes written by hand, none of
// them produced by the evaluation's rewrite rules.
import { describe, expect, it } from "vitest";
import { buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { loadBenchmarkItems } from "@/lib/decontamination/eval/load-benchmarks";
import { DEFAULT_FLAG_THRESHOLD, rankPairs, retrieveCandidates } from "@/lib/decontamination/retrieve";
import { type PairFeatures, pairScore } from "@/lib/decontamination/scoring";
import { questionSentence } from "@/lib/decontamination/views";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";

const base: PairFeatures = { text: 0.4, words: 0.5, coverage: 0.5, skeleton: 0.4, numbers: 0.5, numberCoverage: 0.5, question: 0.5, evidence: 0.5, answer: 0 };

describe("pairScore", () => {
  it.each(["text", "coverage", "skeleton", "numbers", "numberCoverage", "question", "evidence"] as const)("rises with %s", (name) => {
    expect(pairScore({ ...base, [name]: 0.9 })).toBeGreaterThan(pairScore({ ...base, [name]: 0.1 }));
  });

  it("is a probability, and a known agreeing answer raises it", () => {
    for (const v of [0, 0.5, 1]) {
      const f = Object.fromEntries(Object.keys(base).map((k) => [k, v])) as PairFeatures;
      expect(pairScore(f)).toBeGreaterThanOrEqual(0);
      expect(pairScore(f)).toBeLessThanOrEqual(1);
    }
    const weak: PairFeatures = { ...base, text: 0.2, skeleton: 0.2, numbers: 0.2, numberCoverage: 0.2, evidence: 0.2 };
    expect(pairScore({ ...weak, answer: 1 })).toBeGreaterThan(pairScore(weak) + 0.2);
  });
});

describe("questionSentence", () => {
  it("takes the asking sentence, not a trailing answer-format instruction", () => {
    expect(questionSentence("A box has 3 red balls. What is the probability of red? Express your answer as a common fraction.")).toBe(
      "What is the probability of red?",
    );
    expect(questionSentence("Let $x = 2.5$. Find $x^2$. Express your answer as a decimal.")).toBe("Find $x^2$.");
  });
});

describe.skipIf(!hasSharedData)("signals on the shared test sets", () => {
  const items = hasSharedData ? loadBenchmarkItems(sharedDataPath()) : [];
  const index = buildBenchmarkIndex(items);
  const ducks = items.find((i) => i.setName === "gsm8k" && i.key === "0")!;
  const pairFor = (text: string, answer?: string) => rankPairs(index, text, { answer }).find((p) => index.items[p.doc].id === ducks.id);

  const paraphrase =
    "Every day Janet's ducks produce 16 eggs. Each morning three of them are her breakfast, and four go into muffins she bakes for her friends. At the farmers' market she sells what is left for $2 an egg. What does she earn, in dollars, each day at the market?";
  const lookAlike =
    "Maria's chickens lay 9 eggs per day. She uses 2 of them for an omelette and gives the others to her neighbour. How many eggs does she give away in a week?";

  it("a free rephrasing that keeps the numbers and the question finds its source and reaches the threshold", () => {
    const [top] = retrieveCandidates(index, paraphrase);
    expect(top.key).toBe("0");
    expect(top.score).toBeGreaterThanOrEqual(DEFAULT_FLAG_THRESHOLD);
    expect(top.evidence.views.numberCoverage).toBe(1);
  });

  it("a same-topic look-alike with other numbers and another question stays below it", () => {
    const [top] = retrieveCandidates(index, lookAlike);
    expect(top?.score ?? 0).toBeLessThan(DEFAULT_FLAG_THRESHOLD);
    expect(pairFor(lookAlike)?.score ?? 0).toBeLessThan(pairFor(paraphrase)!.score);
  });

  it("numbers: the same wording with the numbers removed scores lower", () => {
    const noNumbers = paraphrase.replace(/\b16\b/, "some").replace("three", "a few").replace("four", "several").replace("$2", "a price");
    const kept = pairFor(paraphrase)!;
    const dropped = pairFor(noNumbers)!;
    expect(dropped.features.numberCoverage).toBeLessThan(0.5);
    expect(dropped.score).toBeLessThan(kept.score);
  });

  it("coverage: an inserted irrelevant sentence keeps the benchmark's words covered and the score high", () => {
    const withDistractor = ducks.text.replace("She sells", "Her neighbour owns 7 goats that give milk every morning. She sells");
    const p = pairFor(withDistractor)!;
    expect(p.features.coverage).toBeGreaterThan(0.95);
    expect(p.score).toBeGreaterThanOrEqual(DEFAULT_FLAG_THRESHOLD);
  });

  it("question: the same facts asking for something else lowers the question signal and the score", () => {
    const otherAsk = paraphrase.replace(/What does she earn.*$/, "How many eggs does she sell in a week?");
    const same = pairFor(paraphrase)!;
    const other = pairFor(otherAsk)!;
    expect(other.features.question).toBeLessThan(same.features.question);
    expect(other.score).toBeLessThan(same.score);
  });

  it("answer: an agreeing label raises the score, a disagreeing one does not lower it", () => {
    const none = pairFor(paraphrase)!.score;
    expect(pairFor(paraphrase, "18")!.score).toBeGreaterThan(none);
    expect(pairFor(paraphrase, "$18.00")!.score).toBeGreaterThan(none);
    expect(pairFor(paraphrase, "17")!.score).toBeCloseTo(none, 10);
  });

  it("figure code shared by unrelated MATH problems is not evidence", () => {
    const figure = "[asy] size(150); real ticklen=3; real tickspace=2; real ticklength=0.1cm; real axisarrowsize=0.14cm; [/asy]";
    const a = `Compute the area of the shaded region. ${figure}`;
    const [top] = retrieveCandidates(index, a);
    expect(top?.score ?? 0).toBeLessThan(DEFAULT_FLAG_THRESHOLD);
  });
});
