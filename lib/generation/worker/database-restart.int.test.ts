// Protects: PostgreSQL restarting mid-batch neither kills the worker nor loses or duplicates a
// sample: the worker (the real `boxed worker` process) waits the outage out, keeps its results
// buffered, and finishes the batch with exactly N samples per problem. Uses its own embedded
// cluster, since the shared test cluster cannot be restarted under other files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { pool } from "@/lib/db/pool";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, requestStates, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { spawnWorker, type SpawnedWorker, stopWorker } from "@/lib/generation/testing/spawn-worker";
import { waitFor } from "@/lib/generation/testing/wait-for";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { ownDatabase, releaseDatabaseClients } from "@/tests/support/own-database";

const database = ownDatabase("boxed-restart-pg-");
const { home } = database;
let stub: LlmStub;
let worker: SpawnedWorker | undefined;

beforeAll(async () => {
  stub = await startLlmStub({ latencyMs: { min: 20, max: 50 } });
  await database.start();
}, 120_000);

afterAll(async () => {
  await stopWorker(worker);
  await database.stop();
  await stub.close();
}, 120_000);

describe("a PostgreSQL restart mid-batch", () => {
  it("is waited out; the batch ends with exactly N samples per problem", { timeout: 180_000 }, async () => {
    await createProblemSet("restart-seed", "seed", arithmeticProblems(40));
    await createStubEndpoint("stub-restart", stub.url, { maxConcurrency: 8 });
    const batch = await launchBatch({ kind: "solutions", set: "restart-seed", endpoint: "stub-restart", samplesPerProblem: 5 }, CLI_ACTOR);
    worker = spawnWorker({ DATABASE_URL: process.env.DATABASE_URL as string, BOXED_BATCH_LEASE_MS: "2000", BOXED_BATCH_FLUSH_MS: "100" });
    const before = await waitFor("samples before the restart", () => batchRow(batch.id), (b) => b.done_count >= 40, 60_000, 50);
    expect(before.state).toBe("running");
    expect(before.done_count).toBeLessThan(160);

    // This process lets go of its connections; the worker keeps its own through the outage.
    await releaseDatabaseClients();
    expect(await stopEmbeddedPostgres(home)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await startEmbeddedPostgres({ home, ephemeral: true });

    const done = await waitFor("the batch to finish after the restart", () => batchRow(batch.id).catch(() => null), (b) => b?.state === "completed", 120_000, 250).catch((error) => {
      throw new Error(`${error}\nworker output:\n${worker?.output()}`);
    });
    // The same process, alive throughout: it saw the outage and carried on.
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).toMatch(/database unavailable, waiting|terminating connection|Connection terminated/);
    expect(done).toMatchObject({ done_count: 200, failed_count: 0 });
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(40).fill(5));
    expect(await requestStates(batch.id)).toEqual({ done: 200 });
    const sets = await pool().query(`SELECT sample_count, graded_count FROM problem_sets WHERE name = 'restart-seed'`);
    expect(sets.rows[0]).toEqual({ sample_count: 200, graded_count: 200 });
  });
});
