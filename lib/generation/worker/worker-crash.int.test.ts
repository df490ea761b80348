// Protects: a worker PROCESS killed with SIGKILL mid-batch loses no finished sample and
// duplicates none; another worker started afterwards takes over the dead one's claims when their
// leases run out and finishes the batch with exactly N samples per problem.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { pool } from "@/lib/db/pool";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, requestStates, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { spawnWorker, type SpawnedWorker } from "@/lib/generation/testing/spawn-worker";
import { waitFor } from "@/lib/generation/testing/wait-for";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

let stub: LlmStub;
const workers: SpawnedWorker[] = [];
beforeAll(async () => {
  stub = await startLlmStub({ latencyMs: { min: 20, max: 60 } });
});
afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
  await stub.close();
});

/** Waits for the batch row to meet `done`; the worker exiting first fails at once, with its output. */
function whileRunning(worker: SpawnedWorker, name: string, what: string, batchId: number, done: (b: Awaited<ReturnType<typeof batchRow>>) => boolean, timeoutMs: number, everyMs: number) {
  const running = async () => {
    if (worker.child.exitCode !== null) throw new Error(`the ${name} exited with code ${worker.child.exitCode}`);
    return batchRow(batchId);
  };
  return waitFor(`the ${name} ${what}`, running, done, timeoutMs, everyMs).catch((error) => {
    throw new Error(`${error}\n${name} output:\n${worker.output()}`);
  });
}

describe("a worker killed with SIGKILL", () => {
  it("loses and duplicates nothing; a restarted worker finishes the batch", { timeout: 180_000 }, async () => {
    const set = await createProblemSet("crash-seed", "seed", arithmeticProblems(40));
    await createStubEndpoint("stub-crash", stub.url, { maxConcurrency: 8 });
    const batch = await launchBatch({ kind: "solutions", set: "crash-seed", endpoint: "stub-crash", samplesPerProblem: 5 }, CLI_ACTOR);
    const env = { DATABASE_URL: process.env.DATABASE_URL as string, BOXED_BATCH_LEASE_MS: "1500", BOXED_BATCH_FLUSH_MS: "100" };

    const first = spawnWorker(env);
    workers.push(first);
    await whileRunning(first, "first worker", "to store samples", batch.id, (b) => b.done_count >= 40, 90_000, 100);
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await batchRow(batch.id);
    expect(atKill.state).toBe("running");
    expect(atKill.done_count).toBeLessThan(200);
    const samplesAtKill = await pool().query<{ id: number }>(`SELECT id FROM samples WHERE batch_id = $1`, [batch.id]);
    // What the dead worker committed is all there, counted once.
    expect(samplesAtKill.rows.length).toBe(atKill.done_count);

    const second = spawnWorker(env);
    workers.push(second);
    await whileRunning(second, "second worker", "to finish the batch", batch.id, (b) => b.state === "completed", 120_000, 200);
    second.child.kill("SIGTERM");
    await second.exited;

    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(40).fill(5));
    expect(await requestStates(batch.id)).toEqual({ done: 200 });
    expect(await batchRow(batch.id)).toMatchObject({ done_count: 200, failed_count: 0 });
    const kept = await pool().query(`SELECT count(*)::int AS n FROM samples WHERE id = ANY($1::int[])`, [samplesAtKill.rows.map((r) => r.id)]);
    expect(kept.rows[0].n).toBe(samplesAtKill.rows.length);
    const counters = await pool().query(`SELECT sample_count FROM problem_sets WHERE id = $1`, [set.id]);
    expect(counters.rows[0].sample_count).toBe(200);
    const perProblem = await pool().query(`SELECT count(*)::int AS n FROM problems WHERE set_id = $1 AND sample_count <> 5`, [set.id]);
    expect(perProblem.rows[0].n).toBe(0);
  });
});
