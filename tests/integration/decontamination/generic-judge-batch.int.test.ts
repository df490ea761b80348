// Protects "one judge batch, whichever way it is launched": a judge batch created through the
// generic path (launchBatch, behind `boxed batch create --kind judge` and /batches/new) asks
// exactly the pairs `boxed decontam judge` (launchJudgeBatch) asks (score or embedding threshold,
// not exact, not answered in both orders, problems nobody decided), its preview counts what it
// creates, it is audited and followed by the settle job, and the problems' contamination statuses
// move exactly as they do for launchJudgeBatch, against the real LLM stand-in. Also: retrying the
// failed requests of a finished judge batch sends the settle job again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, CLI_ACTOR } from "@/lib/audit/actor";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { pool } from "@/lib/db/pool";
import { countJudgePairs } from "@/lib/decontamination/pipeline/create-judge-batch";
import { launchJudgeBatch } from "@/lib/decontamination/pipeline/launch-judge-batch";
import { retryFailedRequests } from "@/lib/generation/batches/control-batch";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { previewBatch } from "@/lib/generation/batches/plan-requests";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { createProblemSet } from "@/lib/generation/testing/batch-fixtures";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";
import { jobDefinitions } from "@/lib/jobs/job-registry";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { addEndpoint, auditActions } from "./decontam-helpers";

const BENCHMARK = [
  "A farmer has 12 cows and buys 7 more. How many cows does the farmer have now?",
  "A library lends 45 books on Monday and 38 on Tuesday. How many books did it lend in total?",
  "Sara runs 3 miles every day for 2 weeks. How many miles does she run?",
  "A pizza is cut into 8 slices and Tom eats 3. What fraction of the pizza is left?",
  "A shop sells pens at $2 each. How much do 15 pens cost?",
  "A tank holds 60 liters and leaks 4 liters an hour. After how many hours is it empty?",
];

type Answer = "said_true" | "said_false" | "failed" | null;
interface Pair {
  bench: number;
  score: number;
  embedding?: number;
  exact?: boolean;
  answered?: [Answer, Answer];
}
interface Synthetic {
  text: string;
  status: string;
  pairs: Pair[];
}

// Problem by problem, what a judge batch must and must not ask (marked "asked"):
const SYNTHETIC: Synthetic[] = [
  // 0: the same problem up to case and punctuation (the stand-in always says True): asked.
  { text: "a farmer has 12 cows, and buys 7 more! How many cows does the farmer have now", status: "candidate", pairs: [{ bench: 0, score: 0.95 }] },
  // 1: one close pair (asked) and one far below the threshold (never asked).
  {
    text: "A library lent 45 books on Monday and 38 books on Tuesday; how many in all?",
    status: "candidate",
    pairs: [
      { bench: 1, score: 0.6 },
      { bench: 2, score: 0.1 },
    ],
  },
  // 2: lexically far but close by embedding cosine: asked.
  { text: "Sara jogs three miles a day for fourteen days. How far does she jog?", status: "clean", pairs: [{ bench: 2, score: 0.2, embedding: 0.95 }] },
  // 3: an exact match, already flagged without a judge: never asked.
  { text: "A shop sells pens at $2 each. How much do 15 pens cost?", status: "flagged", pairs: [{ bench: 4, score: 1, exact: true }] },
  // 4: one pair answered False in both orders (not asked again), one close pair (asked).
  {
    text: "A tank of 60 liters leaks 4 liters each hour. When is it empty?",
    status: "candidate",
    pairs: [
      { bench: 5, score: 0.7, answered: ["said_false", "said_false"] },
      { bench: 1, score: 0.5 },
    ],
  },
  // 5: a person decided it: never asked, never moved.
  { text: "A pizza has 8 slices and Tom eats 3 of them. What fraction remains?", status: "contaminated", pairs: [{ bench: 3, score: 0.8 }] },
  // 6: only a far pair: never asked, stays clean.
  { text: "Ben has 5 apples and eats 2. How many are left?", status: "clean", pairs: [{ bench: 0, score: 0.3 }] },
];
/** [synthetic index, benchmark index] of the pairs a judge batch asks, in planning order. */
const ASKED = [
  [0, 0],
  [1, 1],
  [2, 2],
  [4, 1],
];

/** A launch from the studio, without a signed-in user to name (the entry says via "web"). */
const STUDIO: Actor = { userId: null, via: "web" };

let stub: LlmStub;
let endpointId: number;
let benchmarkIds: number[];

beforeAll(async () => {
  stub = await startLlmStub({ judge: { trueRate: 0, malformedRate: 0 } });
  endpointId = await addEndpoint("generic-judge", stub.url);
  benchmarkIds = (await createProblemSet("gj-benchmark", "benchmark", BENCHMARK.map((text) => ({ text, gold: null })))).problemIds;
});

afterAll(async () => {
  await stub?.close();
});

/** A synthetic set with SYNTHETIC's problems, statuses and retrieval pairs; problem ids by index. */
async function syntheticSet(name: string, problems: Synthetic[] = SYNTHETIC): Promise<number[]> {
  const { problemIds } = await createProblemSet(name, "synthetic", problems.map((p) => ({ text: p.text, gold: null })));
  for (const [i, problem] of problems.entries()) {
    await pool().query(`UPDATE problems SET contamination_status = $2::"ContaminationStatus" WHERE id = $1`, [problemIds[i], problem.status]);
    for (const [rank, pair] of problem.pairs.entries()) {
      await pool().query(
        `INSERT INTO contamination_candidates (problem_id, benchmark_problem_id, rank, score, embedding_score, exact, judge_forward, judge_backward)
         VALUES ($1, $2, $3, $4, $5, $6, $7::"JudgeAnswer", $8::"JudgeAnswer")`,
        [problemIds[i], benchmarkIds[pair.bench], rank + 1, pair.score, pair.embedding ?? null, pair.exact ?? false, pair.answered?.[0] ?? null, pair.answered?.[1] ?? null],
      );
    }
  }
  return problemIds;
}

async function statuses(problemIds: number[]): Promise<string[]> {
  const { rows } = await pool().query<{ id: number; s: string }>(`SELECT id, contamination_status::text AS s FROM problems WHERE id = ANY($1::int[])`, [problemIds]);
  return problemIds.map((id) => rows.find((r) => r.id === id)?.s ?? "missing");
}

/** The batch's requests as [synthetic index, benchmark index, sample_index], in id order. */
async function askedPairs(batchId: number, problemIds: number[]): Promise<number[][]> {
  const { rows } = await pool().query<{ problem_id: number; benchmark_problem_id: number; sample_index: number }>(
    `SELECT r.problem_id, c.benchmark_problem_id, r.sample_index FROM batch_requests r JOIN contamination_candidates c ON c.id = r.candidate_id
     WHERE r.batch_id = $1 ORDER BY r.problem_id, r.sample_index`,
    [batchId],
  );
  return rows.map((r) => [problemIds.indexOf(r.problem_id), benchmarkIds.indexOf(r.benchmark_problem_id), r.sample_index]);
}

async function settleJobs(batchId: number): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND (data->>'batchId')::int = $2`, ["decontam-judge-settle", batchId]);
  return rows[0]?.n ?? 0;
}

/** What a worker does with the batch and the job that follows it: run it here, then the settle job's step. */
async function runAndSettle(batchId: number) {
  const outcome = await new BatchRunner(batchId, { flushMs: 20, backoffBaseMs: 5, backoffMaxMs: 20, maxAttempts: 1 }).run();
  expect(outcome.reason).toBe("completed");
  // The handler the worker runs for the queue (looked up as the worker does, by queue name).
  const settleJob = jobDefinitions.find((job) => job.queue === "decontam-judge-settle");
  const settled = (await settleJob?.handle({ batchId } as never, {} as never)) as { again: boolean; flagged: number; judgeFailed: number; backToCandidate: number };
  expect(settled.again).toBe(false);
  return settled;
}

describe("a judge batch launched through the generic path", () => {
  it("asks the same pairs as launchJudgeBatch, is settled by the same job, and moves the statuses the same way", async () => {
    const viaDecontam = await syntheticSet("gj-decontam");
    const viaGeneric = await syntheticSet("gj-generic");
    const generic = { kind: "judge", set: "gj-generic", endpoint: endpointId } as const;

    // The preview counts exactly the pairs the batch will ask (and the decontamination page's count).
    const preview = await previewBatch(await resolveBatchPlan(generic));
    expect(preview).toMatchObject({ problems: 3 + 1, requests: ASKED.length * 2 });
    expect(await countJudgePairs((await resolveBatchPlan(generic)).set.id, 0.4, 0.9)).toEqual({ pairs: ASKED.length, problems: 4 });
    expect(await previewBatch(await resolveBatchPlan({ ...generic, limit: 2 }))).toMatchObject({ problems: 2, requests: 4 });
    expect(await previewBatch(await resolveBatchPlan({ ...generic, threshold: 0.55 }))).toMatchObject({ problems: 3, requests: 6 });

    const rounds = [
      // Every reply malformed: every asked problem goes to people, whatever its status was.
      { judge: { trueRate: 0, malformedRate: 1 }, expected: ["judge_failed", "judge_failed", "judge_failed", "flagged", "judge_failed", "contaminated", "clean"] },
      // The failed pairs are asked again: the same problem → True → flagged; the others False → candidate.
      { judge: { trueRate: 0, malformedRate: 0 }, expected: ["flagged", "candidate", "candidate", "flagged", "candidate", "contaminated", "clean"] },
    ];
    for (const [round, { judge, expected }] of rounds.entries()) {
      stub.setOptions({ judge });
      const decontam = await launchJudgeBatch({ problemSet: "gj-decontam", endpoint: endpointId }, CLI_ACTOR);
      const created = await launchBatch(generic, STUDIO);
      expect(created).toMatchObject({ requestCount: decontam.requests, problemCount: decontam.problems, name: expect.stringContaining(`score ≥ ${DEFAULT_FLAG_THRESHOLD}`) });
      if (round === 0) expect(created.requestCount).toBe(preview.requests);

      // Same pairs, both orders, same sample indexes.
      // (pos numbers a problem's asked pairs: here each problem has one, so orders 0 and 1.)
      const asked = ASKED.flatMap(([problem, bench]) => [0, 1].map((order) => [problem, bench, order]));
      expect(await askedPairs(decontam.batchId, viaDecontam)).toEqual(asked);
      expect(await askedPairs(created.id, viaGeneric)).toEqual(asked);

      // Both are followed by the settle job (the workers would run it), and both are audited as judge starts.
      expect(await settleJobs(decontam.batchId)).toBe(1);
      expect(await settleJobs(created.id)).toBe(1);

      const settledDecontam = await runAndSettle(decontam.batchId);
      const settledGeneric = await runAndSettle(created.id);
      expect(settledGeneric).toEqual(settledDecontam);
      expect(await statuses(viaDecontam)).toEqual(expected);
      expect(await statuses(viaGeneric)).toEqual(expected);
    }
    const starts = await auditActions("decontam.judge.start");
    expect(starts.map((a) => [a.details.set, a.details.via, a.details.pairs])).toEqual([
      ["gj-decontam", "cli", 4],
      ["gj-generic", "web", 4],
      ["gj-decontam", "cli", 4],
      ["gj-generic", "web", 4],
    ]);

    // Answered in both orders: nothing left to ask, by either path.
    await expect(launchJudgeBatch({ problemSet: "gj-decontam", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false })).rejects.toThrow(/No pairs to judge/);
    await expect(launchBatch(generic, CLI_ACTOR, { startWorkers: false })).rejects.toThrow(/No pairs to judge/);
    // The start is audited in the creating transaction: a refused launch leaves no entry, by either path.
    expect(await auditActions("decontam.judge.start")).toHaveLength(starts.length);
    // The generic launch writes its own batch.launch beside the judge's start, in the same transaction.
    expect((await auditActions("batch.launch")).map((a) => [a.details.set, a.details.via, a.details.requests])).toEqual([
      ["gj-generic", "web", 8],
      ["gj-generic", "web", 8],
    ]);
    expect((await previewBatch(await resolveBatchPlan(generic))).requests).toBe(0);
  });

  it("refuses a judge batch on a set that is not synthetic, and a threshold on other kinds", async () => {
    await expect(launchBatch({ kind: "judge", set: "gj-benchmark", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false })).rejects.toThrow(
      /"gj-benchmark" is a benchmark set; decontamination checks synthesized problems only/,
    );
    await expect(resolveBatchPlan({ kind: "solutions", set: "gj-benchmark", endpoint: endpointId, threshold: 0.5 })).rejects.toThrow(/threshold applies to judge batches only/);
  });

  it("sends the settle job again when the failed requests of a finished judge batch are retried", async () => {
    const ids = await syntheticSet("gj-retry", [SYNTHETIC[1] as Synthetic]);
    stub.setOptions({ judge: { trueRate: 0, malformedRate: 0 }, errorRate: { "500": 1 } });
    const batch = await launchBatch({ kind: "judge", set: "gj-retry", endpoint: endpointId }, CLI_ACTOR);
    expect(await settleJobs(batch.id)).toBe(1);
    await runAndSettle(batch.id);
    expect(await statuses(ids)).toEqual(["judge_failed"]);

    stub.setOptions({ errorRate: 0 });
    expect((await retryFailedRequests(batch.id, CLI_ACTOR)).retried).toBe(2);
    expect(await settleJobs(batch.id)).toBe(2);
    await runAndSettle(batch.id);
    expect(await statuses(ids)).toEqual(["candidate"]);
  });
});
