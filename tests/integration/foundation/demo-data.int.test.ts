// Protects: the first start of an empty database shows a living studio, graded by the real engine,
// and a second start never loads the demo twice.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { DEMO_BATCH, DEMO_SYNTHETIC_SET } from "@/lib/demo/demo-content";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";

describe("demo data", () => {
  it("loads once into an empty database, with counters that match the rows", async () => {
    const [first, second] = await Promise.all([loadDemoIfEmpty(), loadDemoIfEmpty()]);
    const loaded = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(loaded?.sets).toBe(4);
    expect(await loadDemoIfEmpty()).toBeNull();

    const sets = await prisma().problemSet.findMany({ include: { _count: { select: { problems: true, samples: true } } } });
    expect(sets.map((s) => s.role).sort()).toEqual(["benchmark", "seed", "seed", "synthetic"]);
    for (const set of sets) {
      expect(set.problemCount).toBe(set._count.problems);
      expect(set.sampleCount).toBe(set._count.samples);
      const correct = await prisma().sample.count({ where: { setId: set.id, verdict: "equal" } });
      expect(set.correctCount).toBe(correct);
    }
  });

  it("grades the recorded batch with the real engine: right, wrong, unboxed, truncated, equivalent forms", async () => {
    const batch = await prisma().generationBatch.findFirstOrThrow({ where: { name: DEMO_BATCH.name }, include: { samples: true } });
    expect(batch.samples).toHaveLength(DEMO_BATCH.samples.length);
    const verdicts = new Map<string, number>();
    for (const s of batch.samples) verdicts.set(s.verdict, (verdicts.get(s.verdict) ?? 0) + 1);
    expect(verdicts.get("equal")).toBeGreaterThan(15);
    expect(verdicts.get("not_equal")).toBeGreaterThan(3);
    expect(verdicts.get("no_answer")).toBeGreaterThanOrEqual(2);
    const truncated = batch.samples.find((s) => s.finishReason === "length");
    expect(truncated?.verdictRule).toBe("truncated");
    const decimal = batch.samples.find((s) => s.extractedAnswer === "0.375");
    expect(decimal?.verdict).toBe("equal");
    expect(batch.correctCount).toBe(verdicts.get("equal"));
  });

  it("labels synthetic problems by majority vote, never with the seed's answer", async () => {
    const problems = await prisma().problem.findMany({ where: { set: { role: "synthetic" } }, include: { parent: true } });
    expect(problems).toHaveLength(DEMO_SYNTHETIC_SET.problems.length);
    for (const p of problems) {
      const expected = DEMO_SYNTHETIC_SET.problems.find((d) => d.sourceKey === p.sourceKey);
      expect(p.goldSource).toBe("majority_vote");
      expect(p.majorityVotes).toBe(expected?.expectedMajority.votes);
      expect(p.totalVotes).toBe(expected?.expectedMajority.total);
      expect(p.parent?.sourceKey).toBe(expected?.parentSourceKey);
    }
    const split = problems.find((p) => (p.agreement ?? 1) < 0.6);
    expect(split).toBeDefined();
  });
});
