// The score's signals end to end against a real database: the benchmark's gold answers and the
// synthesized problems' labels (gold_answer) reach the score, the stored evidence carries every
// signal, a rephrasing outranks a same-topic look-alike, and statuses follow the flag threshold.
import { beforeAll, describe, expect, it } from "vitest";
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { runRetrievalHere } from "@/lib/decontamination/pipeline/retrieval-task";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { loadDemo, problemIdByKey, statusOf } from "./decontam-helpers";

async function addSet(name: string, role: "benchmark" | "synthetic", problems: { key: string; text: string; answer?: string }[]) {
  const set = await prisma().problemSet.create({ data: { name, role } });
  for (const p of problems) {
    await prisma().problem.create({
      data: {
        setId: set.id,
        text: p.text,
        textHash: problemHash(p.text),
        sourceKey: p.key,
        source: role === "benchmark" ? "gsm8k" : "augmented_gsm8k",
        goldAnswer: p.answer ?? null,
        goldSource: p.answer ? (role === "benchmark" ? "dataset" : "majority_vote") : "none",
      },
    });
  }
  await prisma().problemSet.update({ where: { id: set.id }, data: { problemCount: problems.length } });
}

async function pairsOf(key: string) {
  const { rows } = await pool().query<{ key: string; score: number; evidence: { views: Record<string, number> } }>(
    `SELECT b.source_key AS key, c.score::float8 AS score, c.evidence FROM contamination_candidates c JOIN problems b ON b.id = c.benchmark_problem_id
     WHERE c.problem_id = $1 ORDER BY c.rank`,
    [await problemIdByKey(key)],
  );
  return rows;
}

const BENCHMARK = [
  {
    key: "sig/ducks",
    answer: "18",
    text: "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins for her friends every day with four. She sells the remainder at the farmers' market daily for $2 per fresh duck egg. How much in dollars does she make every day at the farmers' market?",
  },
  {
    key: "sig/hens",
    answer: "84",
    text: "A farmer's hens lay 30 eggs each day. He keeps 6 of them for his family and sells the rest in cartons of 12 eggs. How many eggs does he sell in a week?",
  },
  { key: "sig/robe", answer: "3", text: "A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total does it take?" },
  { key: "sig/train", answer: "120", text: "A train travels at 60 miles per hour for 2 hours. How far does it travel?" },
  { key: "sig/shirts", answer: "40", text: "Mark buys 4 shirts at $10 each. How much does he spend on shirts?" },
];

const PARAPHRASE =
  "Every day Janet's ducks produce 16 eggs. Each morning three of them are her breakfast, and four go into muffins she bakes for her friends. At the farmers' market she sells what is left for $2 an egg. What does she earn, in dollars, each day at the market?";

beforeAll(async () => {
  await loadDemo();
  await addSet("signals-benchmark", "benchmark", BENCHMARK);
  // The same text three times needs three sets (a set holds a text once).
  await addSet("signals-synthetic-unlabelled", "synthetic", [{ key: "sig-syn/unlabelled", text: PARAPHRASE }]);
  await addSet("signals-synthetic-wrong", "synthetic", [{ key: "sig-syn/wrong-label", text: PARAPHRASE, answer: "20" }]);
  await addSet("signals-synthetic", "synthetic", [
    { key: "sig-syn/labelled", text: PARAPHRASE, answer: "18" },
    {
      key: "sig-syn/look-alike",
      answer: "35",
      text: "Maria's chickens lay 9 eggs per day. She uses 2 of them for an omelette and gives the others to her neighbour. How many eggs does she give away in a week?",
    },
  ]);
});

describe("the score's signals through the database", () => {
  it("stores every signal, credits an agreeing label, and ranks a rephrasing above a look-alike", async () => {
    const { summary } = await runRetrievalHere({ problemSet: "signals-synthetic", against: ["signals-benchmark"], topK: 3 }, null);
    expect(summary.checked).toBe(2);
    for (const set of ["signals-synthetic-unlabelled", "signals-synthetic-wrong"]) {
      await runRetrievalHere({ problemSet: set, against: ["signals-benchmark"], topK: 3 }, null);
    }

    const labelled = await pairsOf("sig-syn/labelled");
    const unlabelled = await pairsOf("sig-syn/unlabelled");
    const wrong = await pairsOf("sig-syn/wrong-label");
    const lookAlike = await pairsOf("sig-syn/look-alike");
    for (const pairs of [labelled, unlabelled, wrong]) expect(pairs[0].key).toBe("sig/ducks");
    expect(Object.keys(labelled[0].evidence.views).sort()).toEqual(
      ["answer", "coverage", "evidence", "numberCoverage", "numbers", "question", "skeleton", "text", "words"].sort(),
    );
    // The label agrees with the benchmark's gold: the answer signal fires and the score rises.
    expect(labelled[0].evidence.views.answer).toBe(1);
    expect(unlabelled[0].evidence.views.answer).toBe(0);
    expect(labelled[0].score).toBeGreaterThan(unlabelled[0].score);
    // A disagreeing label is not evidence against (a rephrasing's label can be wrong).
    expect(wrong[0].score).toBeCloseTo(unlabelled[0].score, 4);
    // Every number of the benchmark problem is kept.
    expect(unlabelled[0].evidence.views.numberCoverage).toBe(1);
    // The same-topic look-alike (eggs per day, other numbers, other question) scores below the rephrasing.
    const lookAlikeBest = lookAlike[0]?.score ?? 0;
    expect(lookAlikeBest).toBeLessThan(unlabelled[0].score);

    for (const key of ["sig-syn/labelled", "sig-syn/unlabelled", "sig-syn/look-alike"]) {
      const best = (await pairsOf(key))[0]?.score ?? 0;
      expect(await statusOf(await problemIdByKey(key)), key).toBe(best >= DEFAULT_FLAG_THRESHOLD ? "candidate" : "clean");
    }
    expect(await statusOf(await problemIdByKey("sig-syn/labelled"))).toBe("candidate");
  }, 60_000);
});
