// Protects stages 1 and 2 of decontamination against a real database and the real LLM stand-in:
// retrieval stores each synthesized problem's nearest benchmark problems (the demo paraphrase at
// rank 1), moves statuses by the documented rules, streams JSONL lines in score order and keeps a
// Task; an exact match is flagged without a judge; the optional embeddings retriever stores its
// cosine beside the lexical score; the judge batch asks every close pair in both orders, and a
// malformed reply becomes judge_failed (never clean), False twice keeps the candidate (judged
// clean), True flags.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { launchJudgeBatch } from "@/lib/decontamination/pipeline/launch-judge-batch";
import { runRetrievalHere, runRetrievalTask, startRetrievalTask } from "@/lib/decontamination/pipeline/retrieval-task";
import type { RetrievalLine } from "@/lib/decontamination/pipeline/run-retrieval";
import { settleJudgeBatch } from "@/lib/decontamination/pipeline/settle-judge-batch";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { addEndpoint, addSyntheticProblems, loadDemo, problemIdByKey, statusOf } from "./decontam-helpers";

let stub: LlmStub;

beforeAll(async () => {
  await loadDemo();
  stub = await startLlmStub({ judge: { trueRate: 0, malformedRate: 0 } });
});

afterAll(async () => {
  await stub?.close();
});

async function candidatesOf(problemId: number) {
  const { rows } = await pool().query<{ key: string; set: string; rank: number; score: number; embedding_score: number | null; exact: boolean; evidence: { sharedNgrams: string[]; sharedNumbers: string[]; views: Record<string, number> }; judge_forward: string | null; judge_backward: string | null }>(
    `SELECT b.source_key AS key, s.name AS set, c.rank, c.score, c.embedding_score, c.exact, c.evidence, c.judge_forward::text, c.judge_backward::text
     FROM contamination_candidates c JOIN problems b ON b.id = c.benchmark_problem_id JOIN problem_sets s ON s.id = b.set_id
     WHERE c.problem_id = $1 ORDER BY c.rank`,
    [problemId],
  );
  return rows;
}

async function runJudge(batchId: number) {
  const outcome = await new BatchRunner(batchId, { flushMs: 20, backoffBaseMs: 5, backoffMaxMs: 20, maxAttempts: 2 }).run();
  expect(outcome.reason).toBe("completed");
  return settleJudgeBatch(batchId);
}

describe("stage 1: retrieval", () => {
  it("stores the top-k of every synthetic problem, finds the demo paraphrase at rank 1, and sets statuses", async () => {
    const lines: RetrievalLine[] = [];
    const progress: number[] = [];
    const { taskId, summary } = await runRetrievalHere({ problemSet: "demo-synthetic", against: ["demo-benchmark"], topK: 5 }, null, {
      onLine: (line) => lines.push(line),
      onProgress: (p) => progress.push(p.done),
    });
    expect(summary.checked).toBe(6);
    expect(summary.indexSize).toBe(6);
    expect(progress.at(-1)).toBe(6);
    expect(lines.map((l) => l.problem).sort()).toEqual(["demo-synthetic/0", "demo-synthetic/1", "demo-synthetic/2", "demo-synthetic/3", "demo-synthetic/4", "demo-synthetic/5"]);

    const paraphraseId = await problemIdByKey("demo-synthetic/1");
    const stored = await candidatesOf(paraphraseId);
    expect(stored[0]).toMatchObject({ key: "demo-test/gsm8k/1", set: "demo-benchmark", rank: 1, exact: false });
    expect(stored[0].score).toBeGreaterThanOrEqual(DEFAULT_FLAG_THRESHOLD);
    expect(stored[0].evidence.sharedNumbers).toEqual(expect.arrayContaining(["3", "5", "6"]));
    expect(stored[0].evidence.sharedNgrams.length).toBeGreaterThan(0);
    expect(Object.keys(stored[0].evidence.views).sort()).toEqual(
      ["answer", "coverage", "evidence", "numberCoverage", "numbers", "question", "skeleton", "text", "words"].sort(),
    );
    expect(stored.length).toBeLessThanOrEqual(5);
    expect(await statusOf(paraphraseId)).toBe("candidate");
    const line = lines.find((l) => l.problem === "demo-synthetic/1");
    expect(line?.candidates[0]).toEqual({ benchmark: "demo-benchmark", key: "demo-test/gsm8k/1", score: stored[0].score });
    for (const l of lines) {
      const scores = l.candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }

    // Every status follows from the stored pairs (exact → flagged, >= threshold → candidate, else clean).
    const counts = { flagged: 0, candidate: 0, clean: 0 };
    for (const key of lines.map((l) => l.problem)) {
      const id = await problemIdByKey(key);
      const pairs = await candidatesOf(id);
      const expected = pairs.some((p) => p.exact) ? "flagged" : pairs.some((p) => p.score >= DEFAULT_FLAG_THRESHOLD) ? "candidate" : "clean";
      expect(await statusOf(id), key).toBe(expected);
      counts[expected]++;
    }
    expect({ flagged: summary.exact, candidate: summary.near, clean: summary.clean }).toEqual(counts);

    const task = await pool().query(`SELECT state::text, done::int, total::int, unit, result FROM tasks WHERE id = $1`, [taskId]);
    expect(task.rows[0]).toMatchObject({ state: "completed", done: 6, total: 6, unit: "problems" });
    expect(task.rows[0].result.checked).toBe(6);

    // A second run upserts: same pairs, no duplicates.
    const before = await pool().query(`SELECT count(*)::int AS n FROM contamination_candidates`);
    await runRetrievalHere({ problemSet: "demo-synthetic", against: ["demo-benchmark"] }, null);
    const after = await pool().query(`SELECT count(*)::int AS n FROM contamination_candidates`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("flags an exact match (after trim + lowercase) at once, and the judge never asks about it", async () => {
    const [copyId] = await addSyntheticProblems("decontam-exact", [
      {
        key: "copy/0",
        text: "  a school orders 8 boxes of markers with 24 markers in each box.   The art teacher keeps 1/4 of the markers and shares the rest equally among 6 classrooms. HOW MANY MARKERS DOES EACH CLASSROOM GET?\n",
      },
    ]);
    const { summary } = await runRetrievalHere({ problemSet: "decontam-exact", against: ["demo-benchmark"] }, null);
    expect(summary.exact).toBe(1);
    expect(await statusOf(copyId)).toBe("flagged");
    const [top] = await candidatesOf(copyId);
    expect(top).toMatchObject({ key: "demo-test/gsm8k/0", exact: true, score: 1 });
    const endpointId = await addEndpoint("judge-exact", stub.url);
    await expect(launchJudgeBatch({ problemSet: "decontam-exact", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false })).rejects.toThrow(/No pairs to judge/);
  });

  it("refuses a set against itself and references that are not benchmark sets, with the fix", async () => {
    await expect(runRetrievalHere({ problemSet: "demo-benchmark", against: ["demo-benchmark"] }, null)).rejects.toThrow(/cannot be checked against itself/);
    await expect(runRetrievalHere({ problemSet: "demo-synthetic", against: ["demo-synthetic"] }, null)).rejects.toThrow(/synthetic set, not a benchmark set/);
    await expect(runRetrievalHere({ problemSet: "demo-synthetic", against: ["nope"] }, null)).rejects.toThrow(/Benchmark set "nope" was not found/);
  });

  it("runs as a queued Task in the worker, and stores embedding cosines beside the lexical scores", async () => {
    const embeddingsId = await addEndpoint("stub-embeddings", stub.url, "embeddings");
    const { taskId } = await startRetrievalTask({ problemSet: "demo-synthetic", against: ["demo-benchmark"], embeddingEndpoint: embeddingsId }, null);
    const queued = await pool().query(`SELECT state::text FROM tasks WHERE id = $1`, [taskId]);
    expect(queued.rows[0].state).toBe("queued");
    const summary = await runRetrievalTask(taskId);
    expect(summary).toMatchObject({ checked: 6, embeddingEndpoint: "stub-embeddings" });
    expect(stub.stats().requests["POST /v1/embeddings"]).toBeGreaterThanOrEqual(2);
    const pairs = await candidatesOf(await problemIdByKey("demo-synthetic/1"));
    for (const p of pairs) {
      expect(p.embedding_score).not.toBeNull();
      expect(Math.abs(p.embedding_score as number)).toBeLessThanOrEqual(1);
    }
    const best = [...pairs].sort((a, b) => (b.embedding_score ?? 0) - (a.embedding_score ?? 0))[0];
    expect(best.key).toBe("demo-test/gsm8k/1");
    await expect(startRetrievalTask({ problemSet: "demo-synthetic", against: ["demo-benchmark"], embeddingEndpoint: await addEndpoint("not-embeddings", stub.url) }, null)).rejects.toThrow(
      /generation endpoint, not an embeddings endpoint/,
    );
  });
});

describe("stage 2: the LLM judge", () => {
  it("asks each close pair in both orders; malformed → judge_failed, then False twice → candidate, True → flagged", async () => {
    const endpointId = await addEndpoint("judge-stub", stub.url);
    const setId = (await pool().query(`SELECT id FROM problem_sets WHERE name = 'demo-synthetic'`)).rows[0].id as number;
    const close = await pool().query<{ id: number; problem_id: number }>(
      `SELECT c.id, c.problem_id FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id
       WHERE p.set_id = $1 AND NOT c.exact AND c.score >= 0.4 ORDER BY c.id`,
      [setId],
    );
    expect(close.rows.length).toBeGreaterThan(0);
    const problemIds = [...new Set(close.rows.map((r) => r.problem_id))];

    // Every reply malformed: every close pair fails, every such problem goes to people.
    stub.setOptions({ judge: { trueRate: 0, malformedRate: 1 } });
    const first = await launchJudgeBatch({ problemSet: "demo-synthetic", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false });
    expect(first.pairs).toBe(close.rows.length);
    expect(first.requests).toBe(2 * close.rows.length);
    const orders = await pool().query<{ candidate_id: number; orders: number[] }>(
      `SELECT candidate_id, array_agg(sample_index % 2 ORDER BY sample_index) AS orders FROM batch_requests WHERE batch_id = $1 GROUP BY candidate_id`,
      [first.batchId],
    );
    expect(orders.rows.map((r) => r.orders)).toEqual(close.rows.map(() => [0, 1]));
    const settled = await runJudge(first.batchId);
    expect(settled.judgeFailed).toBe(problemIds.length);
    for (const id of problemIds) expect(await statusOf(id)).toBe("judge_failed");
    const answers = await pool().query(`SELECT judge_forward::text AS f, judge_backward::text AS b, judge_raw FROM contamination_candidates WHERE id = ANY($1::int[])`, [close.rows.map((r) => r.id)]);
    for (const a of answers.rows) {
      expect([a.f, a.b]).toEqual(["failed", "failed"]);
      expect(a.judge_raw.forward.why).toMatch(/expected only "True" or "False"|replied with nothing/);
    }

    // Asked again (failed pairs are re-asked), now a clean False in both orders.
    stub.setOptions({ judge: { trueRate: 0, malformedRate: 0 } });
    const second = await launchJudgeBatch({ problemSet: "demo-synthetic", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false });
    expect(second.pairs).toBe(close.rows.length);
    const again = await runJudge(second.batchId);
    expect(again.backToCandidate).toBe(problemIds.length);
    for (const id of problemIds) expect(await statusOf(id)).toBe("candidate");
    // Answered in both orders: nothing left to ask.
    await expect(launchJudgeBatch({ problemSet: "demo-synthetic", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false })).rejects.toThrow(/No pairs to judge/);

    // A renamed copy the judge calls the same: flagged.
    const [renamedId] = await addSyntheticProblems("decontam-renamed", [
      { key: "renamed/0", text: "A bakery sells sandwiches for $8 each and drinks for $3 each. On Friday it sold 45 sandwiches and 60 drinks, and its costs for the day were $210. How much profit did the bakery make on Friday?" },
    ]);
    await runRetrievalHere({ problemSet: "decontam-renamed", against: ["demo-benchmark"] }, null);
    expect(await statusOf(renamedId)).toBe("candidate");
    stub.setOptions({ judge: { trueRate: 1, malformedRate: 0 } });
    const third = await launchJudgeBatch({ problemSet: "decontam-renamed", endpoint: endpointId }, CLI_ACTOR, { startWorkers: false });
    const flagged = await runJudge(third.batchId);
    expect(flagged.flagged).toBe(1);
    expect(await statusOf(renamedId)).toBe("flagged");
  });
});
