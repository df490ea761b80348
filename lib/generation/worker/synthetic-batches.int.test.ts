// Protects: kind 2 stores new problems as synthetic problems with their parent and batch, without
// duplicates and without any answer; kind 3 labels them by majority vote over equivalence
// classes with the votes on the problem and grades each solution against the label; kind 4 (the
// judge) asks each candidate pair in both orders and records strictly parsed answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";
import { voteAnswers } from "@/lib/grading/vote";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ judge: { trueRate: 0.3, malformedRate: 0.25 } });
  await createStubEndpoint("stub-chat", stub.url, { apiStyle: "chat", maxConcurrency: 16 });
});
afterAll(() => stub.close());

const fast = { leaseMs: 3000, flushMs: 30, backoffBaseMs: 20 };

describe("problems, labels and judge batches", () => {
  it("kind 2 creates synthetic problems with parents; kind 3 labels them by majority vote", async () => {
    const seeds = await createProblemSet("kind2-seeds", "seed", arithmeticProblems(10));
    const problems = await launchBatch({ kind: "problems", set: "kind2-seeds", endpoint: "stub-chat", samplesPerProblem: 3, targetSet: "kind2-synthetic" }, CLI_ACTOR, { startWorkers: false });
    expect((await new BatchRunner(problems.id, fast).run()).reason).toBe("completed");
    expect(await batchRow(problems.id)).toMatchObject({ state: "completed", done_count: 30, failed_count: 0 });

    const created = await pool().query<{ id: number; parent_id: number; created_by_batch_id: number; gold_answer: string | null; gold_source: string; source: string; text: string; set_id: number }>(
      `SELECT p.id, p.parent_id, p.created_by_batch_id, p.gold_answer, p.gold_source::text, p.source, p.text, p.set_id FROM problems p
       JOIN problem_sets s ON s.id = p.set_id WHERE s.name = 'kind2-synthetic' ORDER BY p.id`,
    );
    const stats = (await batchRow(problems.id)).stats as { problems: { created: number; duplicate: number; rejected: Record<string, number> } };
    expect(created.rows.length).toBe(stats.problems.created);
    expect(stats.problems.created + stats.problems.duplicate + Object.values(stats.problems.rejected).reduce((a, b) => a + b, 0)).toBe(30);
    expect(created.rows.length).toBeGreaterThan(5);
    expect(new Set(created.rows.map((r) => r.text)).size).toBe(created.rows.length);
    for (const row of created.rows) {
      expect(seeds.problemIds).toContain(row.parent_id);
      expect(row).toMatchObject({ created_by_batch_id: problems.id, gold_answer: null, gold_source: "none" });
      expect(row.source).toMatch(/^augmented_(gsm8k|math)$/);
    }
    const target = await pool().query(`SELECT role::text, problem_count FROM problem_sets WHERE name = 'kind2-synthetic'`);
    expect(target.rows[0]).toEqual({ role: "synthetic", problem_count: created.rows.length });

    const label = await launchBatch({ kind: "label", set: "kind2-synthetic", endpoint: "stub-chat", samplesPerProblem: 7 }, CLI_ACTOR, { startWorkers: false });
    expect((await new BatchRunner(label.id, fast).run()).reason).toBe("completed");
    expect([...(await sampleCountsByProblem(label.id)).values()]).toEqual(Array(created.rows.length).fill(7));

    const labelled = await pool().query<{ id: number; gold_answer: string | null; gold_source: string; majority_votes: number; total_votes: number; agreement: number; correct_count: number; parent_gold: string }>(
      `SELECT p.id, p.gold_answer, p.gold_source::text, p.majority_votes, p.total_votes, p.agreement, p.correct_count, parent.gold_answer AS parent_gold
       FROM problems p JOIN problems parent ON parent.id = p.parent_id WHERE p.set_id = $1 ORDER BY p.id`,
      [created.rows[0]?.set_id],
    );
    let winnersTotal = 0;
    for (const problem of labelled.rows) {
      const samples = await pool().query<{ extracted_answer: string | null; verdict: string }>(
        `SELECT extracted_answer, verdict::text FROM samples WHERE batch_id = $1 AND problem_id = $2 ORDER BY sample_index`,
        [label.id, problem.id],
      );
      const vote = voteAnswers(samples.rows.map((s) => s.extracted_answer));
      expect(problem).toMatchObject({ gold_answer: vote.winner, gold_source: "majority_vote", majority_votes: vote.winnerVotes, total_votes: vote.totalVotes });
      expect(problem.agreement).toBeCloseTo(vote.agreement, 6);
      const equal = samples.rows.filter((s) => s.verdict === "equal").length;
      expect(equal).toBe(vote.winnerVotes);
      expect(problem.correct_count).toBe(equal);
      expect(samples.rows.every((s) => s.verdict !== "ungraded")).toBe(true);
      winnersTotal += vote.winnerVotes;
    }
    // The seed's answer was never a vote: changed numbers give other answers.
    expect(labelled.rows.some((p) => p.gold_answer !== p.parent_gold)).toBe(true);
    const row = await batchRow(label.id);
    expect(row.correct_count).toBe(winnersTotal);
    expect((row.stats as { labels: { labelled: number; histogram: number[] } }).labels.labelled).toBe(labelled.rows.length);
    const set = await pool().query(`SELECT sample_count, graded_count, correct_count FROM problem_sets WHERE name = 'kind2-synthetic'`);
    expect(set.rows[0]).toEqual({ sample_count: 7 * labelled.rows.length, graded_count: 7 * labelled.rows.length, correct_count: winnersTotal });
  });

  it("a label batch refuses a seed set", async () => {
    await createProblemSet("kind3-not-synthetic", "seed", arithmeticProblems(2));
    await expect(launchBatch({ kind: "label", set: "kind3-not-synthetic", endpoint: "stub-chat" }, CLI_ACTOR, { startWorkers: false })).rejects.toThrow(/synthetic/);
  });

  it("kind 4 judges every candidate pair in both orders and records strict answers", async () => {
    const bench = await createProblemSet("judge-bench", "benchmark", arithmeticProblems(4, 500));
    const synth = await createProblemSet("judge-synth", "synthetic", [...arithmeticProblems(3, 500), { text: "A train leaves at noon.", gold: null }]);
    let candidates = 0;
    for (const [i, problemId] of synth.problemIds.entries()) {
      for (const [rank, benchId] of bench.problemIds.slice(0, 2).entries()) {
        await pool().query(`INSERT INTO contamination_candidates (problem_id, benchmark_problem_id, rank, score, exact) VALUES ($1, $2, $3, 0.5, $4)`, [
          problemId,
          benchId,
          rank + 1,
          i === 3 && rank === 1,
        ]);
        candidates += i === 3 && rank === 1 ? 0 : 1;
      }
    }
    // As retrieval leaves them (a close pair makes a candidate); a judge batch asks only problems nobody decided.
    await pool().query(`UPDATE problems SET contamination_status = 'candidate' WHERE set_id = $1`, [synth.id]);
    const judge = await launchBatch({ kind: "judge", set: "judge-synth", endpoint: "stub-chat" }, CLI_ACTOR, { startWorkers: false });
    expect(judge.requestCount).toBe(candidates * 2);
    expect((await new BatchRunner(judge.id, fast).run()).reason).toBe("completed");
    const rows = await pool().query<{ exact: boolean; judge_forward: string | null; judge_backward: string | null; judge_raw: { forward?: { text: string }; backward?: { text: string } } | null; judge_batch_id: number | null }>(
      `SELECT exact, judge_forward::text, judge_backward::text, judge_raw, judge_batch_id FROM contamination_candidates ORDER BY id`,
    );
    const judged = rows.rows.filter((r) => !r.exact);
    expect(judged).toHaveLength(candidates);
    for (const row of judged) {
      expect(["said_true", "said_false", "failed"]).toContain(row.judge_forward);
      expect(["said_true", "said_false", "failed"]).toContain(row.judge_backward);
      expect(row.judge_batch_id).toBe(judge.id);
      expect(typeof row.judge_raw?.forward?.text).toBe("string");
      expect(typeof row.judge_raw?.backward?.text).toBe("string");
    }
    // Identical pairs are True in both orders; malformed replies are "failed", never "false".
    expect(judged.filter((r) => r.judge_forward === "said_true").length).toBeGreaterThan(0);
    expect(judged.filter((r) => r.judge_forward === "failed" || r.judge_backward === "failed").length).toBeGreaterThan(0);
    for (const row of judged) {
      for (const side of ["forward", "backward"] as const) {
        const text = row.judge_raw?.[side]?.text ?? "";
        const value = side === "forward" ? row.judge_forward : row.judge_backward;
        if (value === "said_false") expect(text.trim().replace(/\.$/, "").toLowerCase()).toBe("false");
      }
    }
    expect(rows.rows.filter((r) => r.exact).every((r) => r.judge_forward === null)).toBe(true);
    const stats = (await batchRow(judge.id)).stats as { judge: { true: number; false: number; failed: number } };
    expect(stats.judge.true + stats.judge.false + stats.judge.failed).toBe(candidates * 2);
  });
});
