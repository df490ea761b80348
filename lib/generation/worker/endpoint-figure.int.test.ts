// Protects: the batch page's "at the endpoint" figure is what the endpoint sees. Runners claim
// requests about two rounds ahead and hold answered ones until the flush, so the claimed count
// runs above the endpoint's limit; the figure the page shows as open at the endpoint never does,
// and it matches the stand-in's own count of open requests (real HTTP, real PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, createProblemSet, createStubEndpoint } from "@/lib/generation/testing/batch-fixtures";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
beforeAll(async () => {
  stub = await startLlmStub({ latencyMs: { min: 150, max: 250 } });
});
afterAll(() => stub.close());

describe("the batch page's endpoint figure", () => {
  it("never exceeds the endpoint's limit while claims run ahead of it", async () => {
    await createProblemSet("figure-seed", "seed", arithmeticProblems(40));
    await createStubEndpoint("stub-figure", stub.url, { maxConcurrency: 4 });
    const batch = await launchBatch({ kind: "solutions", set: "figure-seed", endpoint: "stub-figure", samplesPerProblem: 2 }, CLI_ACTOR, { startWorkers: false });
    const run = new BatchRunner(batch.id, { leaseMs: 900, flushMs: 400, backoffBaseMs: 20 }).run();
    const seen: { atEndpoint: number; claimed: number; limit: number | null }[] = [];
    let finished = false;
    void run.finally(() => {
      finished = true;
    });
    while (!finished) {
      const p = await getBatchProgress(batch.id);
      if (p) seen.push({ atEndpoint: p.atEndpoint, claimed: p.inFlight, limit: p.endpointLimit });
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await run).reason).toBe("completed");
    expect(seen.every((s) => s.limit === 4)).toBe(true);
    expect(Math.max(...seen.map((s) => s.atEndpoint))).toBeGreaterThan(0);
    expect(seen.every((s) => s.atEndpoint <= 4)).toBe(true);
    // The old figure: claimed rows, several rounds of the limit.
    expect(Math.max(...seen.map((s) => s.claimed))).toBeGreaterThan(4);
    expect(stub.stats().maxInFlight).toBeLessThanOrEqual(4);
    expect((await getBatchProgress(batch.id))?.atEndpoint).toBe(0);
  });
});
