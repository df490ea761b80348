// Loads the demo content into an EMPTY database (no problem set yet), in one transaction, so a
// new user's first `npm start` shows a living studio: seed, benchmark and synthetic sets, two
// recorded batches with graded solutions, majority-vote labels, and one synthetic problem that
// copies a benchmark problem for the decontamination demo. Everything is graded by the real
// engine at load time; nothing is precomputed.
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { DEMO_BATCH, DEMO_BENCHMARK_SETS, DEMO_SEED_SETS, DEMO_SYNTHETIC_SET, type DemoSample } from "@/lib/demo/demo-content";
import { extractAnswer } from "@/lib/grading/extract";
import { gradeSample } from "@/lib/grading/grade-sample";
import { voteAnswers } from "@/lib/grading/vote";

type Tx = Prisma.TransactionClient;

export interface DemoLoadResult {
  sets: number;
  problems: number;
  samples: number;
}

// Any constant: serialises two starts racing to load the demo into the same database.
const DEMO_LOCK_KEY = 724_301_992;

export async function loadDemoIfEmpty(log: (line: string) => void = () => {}): Promise<DemoLoadResult | null> {
  return prisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`;
      if ((await tx.problemSet.findFirst({ select: { id: true } })) !== null) return null;
      log("empty database: loading the demo data");
      return loadDemo(tx);
    },
    { timeout: 60_000 },
  );
}

interface Counters {
  samples: number;
  graded: number;
  correct: number;
}

async function loadDemo(tx: Tx): Promise<DemoLoadResult> {
  const problemIds = new Map<string, { id: number; setId: number; gold: string | null }>();
  const setCounters = new Map<number, Counters>();
  let problems = 0;
  let samples = 0;

  for (const demoSet of [...DEMO_SEED_SETS, ...DEMO_BENCHMARK_SETS]) {
    // Ids only: the loader also runs against older schemas (a migration test loads it before the
    // latest migrations), where newer columns do not exist yet.
    const set = await tx.problemSet.create({ data: { name: demoSet.name, role: demoSet.role, description: demoSet.description, problemCount: demoSet.problems.length }, select: { id: true } });
    setCounters.set(set.id, { samples: 0, graded: 0, correct: 0 });
    for (const p of demoSet.problems) {
      const row = await tx.problem.create({
        data: {
          setId: set.id,
          text: p.problem,
          textHash: problemHash(p.problem),
          sourceKey: p.sourceKey,
          source: demoSet.source,
          level: p.level ?? null,
          subject: p.subject ?? null,
          goldAnswer: p.goldAnswer,
          goldSource: "dataset",
        },
      });
      problemIds.set(p.sourceKey, { id: row.id, setId: set.id, gold: p.goldAnswer });
      problems++;
    }
  }

  const synthetic = await tx.problemSet.create({
    data: { name: DEMO_SYNTHETIC_SET.name, role: "synthetic", description: DEMO_SYNTHETIC_SET.description, problemCount: DEMO_SYNTHETIC_SET.problems.length },
    select: { id: true },
  });
  setCounters.set(synthetic.id, { samples: 0, graded: 0, correct: 0 });
  const seedSetId = problemIds.get(DEMO_SYNTHETIC_SET.problems[0].parentSourceKey)?.setId ?? synthetic.id;
  const problemBatch = await tx.generationBatch.create({
    data: completedBatch("demo: new problems from seeds", "problems", seedSetId, DEMO_SYNTHETIC_SET.model, 1, DEMO_SYNTHETIC_SET.problems.length, { targetSet: DEMO_SYNTHETIC_SET.name }),
  });
  const labelBatch = await tx.generationBatch.create({
    data: completedBatch("demo: majority-vote labels for synthetic problems", "label", synthetic.id, DEMO_SYNTHETIC_SET.model, 8, 0, {}),
  });
  for (const p of DEMO_SYNTHETIC_SET.problems) {
    const answers = p.samples.map((s) => {
      const extracted = extractAnswer(s.text);
      return extracted.ok ? extracted.answer : null;
    });
    const vote = voteAnswers(answers);
    const parent = problemIds.get(p.parentSourceKey);
    const row = await tx.problem.create({
      data: {
        setId: synthetic.id,
        text: p.problem,
        textHash: problemHash(p.problem),
        sourceKey: p.sourceKey,
        source: p.source,
        goldAnswer: vote.winner,
        goldSource: vote.winner ? "majority_vote" : "none",
        majorityVotes: vote.winnerVotes,
        totalVotes: vote.totalVotes,
        agreement: vote.totalVotes ? vote.agreement : null,
        parentId: parent?.id ?? null,
        createdByBatchId: problemBatch.id,
      },
    });
    problemIds.set(p.sourceKey, { id: row.id, setId: synthetic.id, gold: vote.winner });
    problems++;
    samples += await insertSamples(tx, labelBatch.id, DEMO_SYNTHETIC_SET.model, p.samples, problemIds, setCounters);
  }

  const solutionSetId = problemIds.get(DEMO_BATCH.problemSourceKeys[0])?.setId ?? synthetic.id;
  const solutionBatch = await tx.generationBatch.create({
    data: {
      ...completedBatch(DEMO_BATCH.name, "solutions", solutionSetId, DEMO_BATCH.model, DEMO_BATCH.samplesPerProblem, DEMO_BATCH.problemSourceKeys.length, { sets: DEMO_BATCH.setNames }),
      temperature: DEMO_BATCH.temperature,
      topP: DEMO_BATCH.topP,
      maxTokens: DEMO_BATCH.maxTokens,
    },
  });
  samples += await insertSamples(tx, solutionBatch.id, DEMO_BATCH.model, DEMO_BATCH.samples, problemIds, setCounters);

  for (const [setId, c] of setCounters) {
    await tx.problemSet.update({ where: { id: setId }, data: { sampleCount: c.samples, gradedCount: c.graded, correctCount: c.correct }, select: { id: true } });
  }
  await tx.auditLog.create({ data: { action: "demo.load", details: { problems, samples } } });
  return { sets: setCounters.size, problems, samples };
}

function completedBatch(name: string, kind: "solutions" | "problems" | "label", setId: number, model: string, perProblem: number, problemCount: number, selection: Prisma.InputJsonValue) {
  const finished = new Date();
  return {
    name,
    kind,
    state: "completed" as const,
    setId,
    model,
    samplesPerProblem: perProblem,
    problemCount,
    requestCount: problemCount * perProblem,
    doneCount: problemCount * perProblem,
    selection: { ...(selection as object), recorded: "demo data: outputs written for Boxed, not generated live" },
    startedAt: new Date(finished.getTime() - 9 * 60_000),
    finishedAt: finished,
  };
}

async function insertSamples(
  tx: Tx,
  batchId: number,
  model: string,
  demoSamples: readonly DemoSample[],
  problemIds: Map<string, { id: number; setId: number; gold: string | null }>,
  setCounters: Map<number, Counters>,
): Promise<number> {
  const batch = { done: 0, correct: 0, completionTokens: 0 };
  const perProblem = new Map<number, { samples: number; correct: number }>();
  for (const s of demoSamples) {
    const problem = problemIds.get(s.problemSourceKey);
    if (!problem) throw new Error(`demo sample refers to unknown problem ${s.problemSourceKey}`);
    const grade = gradeSample(s.text, problem.gold, { answerRule: "last-box", withoutGold: "wait", finishReason: s.finishReason });
    await tx.sample.create({
      // Only the id back: the migration tests load the demo into older schemas.
      select: { id: true },
      data: {
        problemId: problem.id,
        setId: problem.setId,
        // Demo outputs stand for a batch's: provenance "generated" (the column's default; not named
        // here so the demo also loads into a database from before migration solution_provenance).
        batchId,
        sampleIndex: s.sampleIndex,
        text: s.text,
        model,
        extractedAnswer: grade.extractedAnswer,
        answerKey: grade.answerKey,
        verdict: grade.verdict,
        verdictRule: grade.verdictRule,
        verdictReason: grade.verdictReason,
        finishReason: s.finishReason,
        completionTokens: s.completionTokens,
        charLength: s.text.length,
        tokenCount: s.completionTokens,
        boxedCount: grade.boxedCount,
        latencyMs: s.latencyMs,
        seed: s.sampleIndex,
        gradedAt: new Date(),
      },
    });
    const correct = grade.verdict === "equal";
    const counters = setCounters.get(problem.setId);
    if (counters) {
      counters.samples++;
      if (grade.verdict !== "ungraded") counters.graded++;
      if (correct) counters.correct++;
    }
    const p = perProblem.get(problem.id) ?? { samples: 0, correct: 0 };
    p.samples++;
    if (correct) p.correct++;
    perProblem.set(problem.id, p);
    batch.done++;
    if (correct) batch.correct++;
    batch.completionTokens += s.completionTokens;
  }
  for (const [id, p] of perProblem) {
    await tx.problem.update({ where: { id }, data: { sampleCount: { increment: p.samples }, correctCount: { increment: p.correct } }, select: { id: true } });
  }
  await tx.generationBatch.update({
    where: { id: batchId },
    data: { doneCount: batch.done, requestCount: batch.done, correctCount: batch.correct, completionTokens: BigInt(batch.completionTokens), problemCount: perProblem.size },
    select: { id: true },
  });
  return demoSamples.length;
}
