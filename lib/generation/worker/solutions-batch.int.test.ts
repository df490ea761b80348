// Protects: a solutions batch (kind 1) ends with exactly N graded samples per problem, the
// counters of the batch, problems and set match the rows, seeds are seedBase + sampleIndex, and
// two runners sharing the endpoint never exceed its concurrency (real stand-in over HTTP,
// real PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";
import { FILTER_INPUTS_VERSION, solutionFilterInputs } from "@/lib/grading/filters/filter-inputs";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ latencyMs: { min: 5, max: 40 } });
});
afterAll(() => stub.close());

const fast = { leaseMs: 3000, flushMs: 50, backoffBaseMs: 20 };

describe("solutions batch", () => {
  it("stores and grades exactly N samples per problem, with matching counters, within the endpoint's concurrency", async () => {
    const problems = arithmeticProblems(12);
    const set = await createProblemSet("kind1-seed", "seed", problems);
    await createStubEndpoint("stub-kind1", stub.url, { maxConcurrency: 6 });
    const batch = await launchBatch({ kind: "solutions", set: "kind1-seed", endpoint: "stub-kind1", samplesPerProblem: 5, seedBase: 100 }, CLI_ACTOR, { startWorkers: false });
    expect(batch).toMatchObject({ requestCount: 60, problemCount: 12 });

    const outcomes = await Promise.all([new BatchRunner(batch.id, fast).run(), new BatchRunner(batch.id, fast).run()]);
    expect(outcomes.map((o) => o.reason)).toContain("completed");
    expect(outcomes.reduce((sum, o) => sum + o.landed, 0)).toBe(60);

    const counts = await sampleCountsByProblem(batch.id);
    expect([...counts.values()]).toEqual(Array(12).fill(5));
    const row = await batchRow(batch.id);
    expect(row).toMatchObject({ state: "completed", done_count: 60, failed_count: 0 });
    expect(Number(row.completion_tokens)).toBeGreaterThan(0);

    const samples = await pool().query<{ verdict: string; seed: number; sample_index: number; extracted_answer: string | null; finish_reason: string; latency_ms: number; char_length: number }>(
      `SELECT verdict::text, seed, sample_index, extracted_answer, finish_reason, latency_ms, char_length FROM samples WHERE batch_id = $1`,
      [batch.id],
    );
    expect(samples.rows.every((s) => s.verdict !== "ungraded")).toBe(true);
    expect(samples.rows.every((s) => s.seed === 100 + s.sample_index)).toBe(true);
    expect(samples.rows.every((s) => s.finish_reason === "stop" && s.latency_ms >= 0 && s.char_length > 0)).toBe(true);
    const equal = samples.rows.filter((s) => s.verdict === "equal").length;
    expect(equal).toBeGreaterThan(20);
    expect(equal).toBeLessThan(60);
    expect(row.correct_count).toBe(equal);
    // The export filters' inputs land with the sample (issue #21): what the filters compute.
    const stored = await pool().query(
      `SELECT s.text, p.text AS problem, s.filter_version, s.boxed_count, s.trimmed_chars, s.trimmed_length, s.trimmed_tokens, s.problem_tokens, s.arithmetic_error
         FROM samples s JOIN problems p ON p.id = s.problem_id WHERE s.batch_id = $1`,
      [batch.id],
    );
    for (const r of stored.rows) {
      const f = solutionFilterInputs(r.problem, r.text);
      expect([r.filter_version, r.boxed_count, r.trimmed_chars, r.trimmed_length, r.trimmed_tokens, r.problem_tokens, r.arithmetic_error]).toEqual([
        FILTER_INPUTS_VERSION,
        f.boxedCount,
        f.trimmedChars,
        f.trimmedLength,
        f.trimmedTokens,
        f.problemTokens,
        f.arithmeticError,
      ]);
    }

    const perProblem = await pool().query<{ sample_count: number; correct_count: number; actual: number }>(
      `SELECT p.sample_count, p.correct_count, (SELECT count(*)::int FROM samples s WHERE s.problem_id = p.id AND s.verdict = 'equal') AS actual FROM problems p WHERE p.set_id = $1`,
      [set.id],
    );
    expect(perProblem.rows.every((p) => p.sample_count === 5 && p.correct_count === p.actual)).toBe(true);
    const setRow = await pool().query(`SELECT sample_count, graded_count, correct_count FROM problem_sets WHERE id = $1`, [set.id]);
    expect(setRow.rows[0]).toEqual({ sample_count: 60, graded_count: 60, correct_count: equal });
    expect(stub.stats().maxInFlight).toBeLessThanOrEqual(6);
    const leases = await pool().query(`SELECT count(*)::int AS n FROM endpoint_leases`);
    expect(leases.rows[0].n).toBe(0);
  });
});
