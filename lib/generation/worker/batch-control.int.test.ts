// Protects: pause stops claiming while in-flight requests land, resume carries on; cancel turns
// pending into cancelled; retry-failed re-runs only the failed; error storms (429 with
// Retry-After, 500, malformed JSON, dropped connections, timeouts) still end with exactly N
// samples per problem; a batch whose every request failed ends failed with its reason; and the
// requests-per-minute bucket is shared by concurrent runners.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { findFailedBatches } from "@/lib/dashboard/find-failed-batches";
import { pool } from "@/lib/db/pool";
import { cancelBatch, pauseBatch, resumeBatch, retryFailedRequests } from "@/lib/generation/batches/control-batch";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, requestStates, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { waitFor } from "@/lib/generation/testing/wait-for";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

// Resume and retry-failed really send run-batch jobs (pg-boss in this database); no worker
// consumes them here: the tests run the runners themselves.
let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ latencyMs: 40 });
  await createProblemSet("control-seed", "seed", arithmeticProblems(30));
  await createStubEndpoint("stub-control", stub.url, { maxConcurrency: 4, timeoutMs: 400 });
});
afterAll(() => stub.close());

const fast = { leaseMs: 2000, flushMs: 30, backoffBaseMs: 20, backoffMaxMs: 200 };
const launch = (n: number, extra: object = {}) => launchBatch({ kind: "solutions", set: "control-seed", endpoint: "stub-control", samplesPerProblem: n, ...extra }, CLI_ACTOR, { startWorkers: false });

describe("batch control", () => {
  it("pause: no new claims, in-flight requests land; resume finishes with exactly N per problem", async () => {
    const batch = await launch(4);
    const run = new BatchRunner(batch.id, fast).run();
    await waitFor("some samples", () => batchRow(batch.id), (b) => b.done_count >= 10);
    await pauseBatch(batch.id, CLI_ACTOR);
    expect((await run).reason).toBe("inactive");
    const paused = await batchRow(batch.id);
    const states = await requestStates(batch.id);
    expect(paused.state).toBe("paused");
    expect(states.in_flight ?? 0).toBe(0);
    expect(states.pending).toBeGreaterThan(0);
    expect(states.done).toBe(paused.done_count);
    // Nothing moves while paused, even with a runner started.
    expect((await new BatchRunner(batch.id, fast).run()).reason).toBe("inactive");
    expect((await batchRow(batch.id)).done_count).toBe(paused.done_count);

    await resumeBatch(batch.id, CLI_ACTOR);
    expect((await new BatchRunner(batch.id, fast).run()).reason).toBe("completed");
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(30).fill(4));
    expect(await batchRow(batch.id)).toMatchObject({ state: "completed", done_count: 120 });
  });

  it("cancel: pending requests become cancelled, in-flight ones still land once", async () => {
    const batch = await launch(4);
    const run = new BatchRunner(batch.id, fast).run();
    await waitFor("some samples", () => batchRow(batch.id), (b) => b.done_count >= 8);
    const { cancelled } = await cancelBatch(batch.id, CLI_ACTOR);
    await run;
    const states = await requestStates(batch.id);
    const row = await batchRow(batch.id);
    expect(row.state).toBe("cancelled");
    expect(states.pending ?? 0).toBe(0);
    expect(states.in_flight ?? 0).toBe(0);
    // The cancel itself, plus any claim a runner handed back just after it (swept on its way out).
    expect(states.cancelled).toBeGreaterThanOrEqual(cancelled);
    expect((row.stats as { cancelled: number }).cancelled).toBe(states.cancelled);
    expect(states.done + states.cancelled).toBe(120);
    expect(await getBatchProgress(batch.id)).toMatchObject({ pending: 0, inFlight: 0, cancelled: states.cancelled, doneCount: states.done });
    const stored = [...(await sampleCountsByProblem(batch.id)).values()].reduce((a, b) => a + b, 0);
    expect(stored).toBe(states.done);
    expect(row.done_count).toBe(states.done);
    await expect(resumeBatch(batch.id, CLI_ACTOR)).rejects.toThrow(/cancelled/);
  });

  it("retry-failed re-runs only the failed requests", async () => {
    stub.setOptions({ errorRate: { "500": 0.5 } });
    const batch = await launch(2);
    expect((await new BatchRunner(batch.id, { ...fast, maxAttempts: 1 }).run()).reason).toBe("completed");
    const first = await batchRow(batch.id);
    expect(first.failed_count).toBeGreaterThan(0);
    expect(first.done_count + first.failed_count).toBe(60);
    expect((first.stats as { failedFinal: Record<string, number> }).failedFinal.server).toBe(first.failed_count);
    const before = await pool().query<{ id: number }>(`SELECT id FROM samples WHERE batch_id = $1 ORDER BY id`, [batch.id]);

    stub.setOptions({ errorRate: 0 });
    const { retried, state } = await retryFailedRequests(batch.id, CLI_ACTOR);
    expect(retried).toBe(first.failed_count);
    expect(state).toBe("running");
    expect((await new BatchRunner(batch.id, fast).run()).reason).toBe("completed");
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(30).fill(2));
    expect(await batchRow(batch.id)).toMatchObject({ state: "completed", done_count: 60, failed_count: 0 });
    // The samples stored before the retry are untouched.
    const after = await pool().query<{ id: number }>(`SELECT id FROM samples WHERE batch_id = $1 AND id = ANY($2::int[])`, [batch.id, before.rows.map((r) => r.id)]);
    expect(after.rows.length).toBe(before.rows.length);
  });

  it("a batch whose every request failed ends failed, with the reason on its page and the dashboard", async () => {
    stub.setOptions({ errorRate: { "500": 1 } });
    try {
      const batch = await launch(1);
      expect((await new BatchRunner(batch.id, { ...fast, maxAttempts: 1 }).run()).reason).toBe("completed");
      expect(await batchRow(batch.id)).toMatchObject({ state: "failed", done_count: 0, failed_count: 30 });
      const progress = await getBatchProgress(batch.id);
      expect(progress?.failureReason).toMatch(/^30 of 30 requests failed with server: /);
      const failed = await findFailedBatches(100);
      expect(failed.find((b) => b.id === batch.id)?.reason).toBe(progress?.failureReason);
      // Retrying after the endpoint is fixed completes it.
      stub.setOptions({ errorRate: 0 });
      expect((await retryFailedRequests(batch.id, CLI_ACTOR)).state).toBe("running");
      await new BatchRunner(batch.id, fast).run();
      expect(await batchRow(batch.id)).toMatchObject({ state: "completed", done_count: 30, failed_count: 0 });
      expect((await findFailedBatches(100)).some((b) => b.id === batch.id)).toBe(false);
    } finally {
      stub.setOptions({ errorRate: 0 });
    }
  });

  it("honours Retry-After on 429: the retry waits at least that long", async () => {
    stub.setOptions({ errorRate: { "429": 1 }, retryAfterSeconds: 2 });
    try {
      const batch = await launch(1, { limit: 3 });
      const run = new BatchRunner(batch.id, fast).run();
      const waiting = await waitFor(
        "rate-limited requests waiting",
        () => pool().query<{ wait_ms: number }>(`SELECT EXTRACT(EPOCH FROM (not_before - updated_at)) * 1000 AS wait_ms FROM batch_requests WHERE batch_id = $1 AND error_kind = 'rate-limit' AND state = 'pending'`, [batch.id]),
        (r) => r.rows.length === 3,
      );
      for (const row of waiting.rows) expect(Number(row.wait_ms)).toBeGreaterThanOrEqual(1990);
      await cancelBatch(batch.id, CLI_ACTOR);
      await run;
    } finally {
      stub.setOptions({ errorRate: 0, retryAfterSeconds: 1 });
    }
  });

  it("an error storm still ends with exactly N samples per problem", async () => {
    stub.setOptions({ errorRate: { "429": 0.1, "500": 0.1, "malformed-json": 0.08, "drop-connection": 0.08, timeout: 0.04 }, retryAfterSeconds: 0 });
    try {
      const batch = await launch(3);
      const outcomes = await Promise.all([new BatchRunner(batch.id, { ...fast, maxAttempts: 12 }).run(), new BatchRunner(batch.id, { ...fast, maxAttempts: 12 }).run()]);
      expect(outcomes.map((o) => o.reason)).toContain("completed");
      expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(30).fill(3));
      const row = await batchRow(batch.id);
      expect(row).toMatchObject({ state: "completed", done_count: 90, failed_count: 0 });
      const errors = (row.stats as { errors: Record<string, { count: number; message: string }> }).errors;
      expect(Object.keys(errors).sort()).toEqual(["connection", "malformed", "rate-limit", "server", "timeout"]);
      const injected = stub.stats().errorsInjected;
      expect(errors["rate-limit"]?.count).toBeGreaterThan(0);
      expect(injected["drop-connection"]).toBeGreaterThan(0);
      expect(injected.timeout).toBeGreaterThan(0);
    } finally {
      stub.setOptions({ errorRate: 0, retryAfterSeconds: 1 });
    }
  });

  it("shares one requests-per-minute bucket between runners", async () => {
    await createStubEndpoint("stub-rpm", stub.url, { maxConcurrency: 8, requestsPerMinute: 240 });
    const batch = await launchBatch({ kind: "solutions", set: "control-seed", endpoint: "stub-rpm", samplesPerProblem: 1, limit: 16 }, CLI_ACTOR, { startWorkers: false });
    const started = Date.now();
    await Promise.all([new BatchRunner(batch.id, fast).run(), new BatchRunner(batch.id, fast).run()]);
    const seconds = (Date.now() - started) / 1000;
    // 240/min = 4 per second with a bucket of 4: 16 requests need at least (16 - 4) / 4 = 3 s.
    expect(seconds).toBeGreaterThanOrEqual(2.8);
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(16).fill(1));
  });
});
