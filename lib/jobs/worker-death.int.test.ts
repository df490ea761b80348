// Protects: a worker PROCESS killed with SIGKILL leaves no Task saying "running" forever. Its
// pg-boss job is failed once its heartbeat stops; the next worker fails the Task with a reason
// the page shows, removes the upload, and the set is as it was. A batch killed the same way loses
// and duplicates nothing, and the dead worker's job does not stay active.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { createImportTask } from "@/lib/datasets/import/run-import-task";
import { pool } from "@/lib/db/pool";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { arithmeticProblems, batchRow, createProblemSet, createStubEndpoint, requestStates, sampleCountsByProblem } from "@/lib/generation/testing/batch-fixtures";
import { spawnWorker, type SpawnedWorker } from "@/lib/generation/testing/spawn-worker";
import { waitFor } from "@/lib/generation/testing/wait-for";
import { enqueue } from "@/lib/jobs/enqueue";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";

// Seconds, so a dead worker is noticed within the test (the defaults are a minute and 15 s).
const timing = { BOXED_JOB_HEARTBEAT_SECONDS: "10", BOXED_JOB_SUPERVISE_SECONDS: "1" };
const workers: SpawnedWorker[] = [];
const uploads = mkdtempSync(join(tmpdir(), "boxed-uploads-"));
let stub: LlmStub;

beforeAll(async () => {
  // Jobs sent from this process carry the same short heartbeat.
  Object.assign(process.env, timing);
  stub = await startLlmStub({ latencyMs: { min: 20, max: 60 } });
});

afterAll(async () => {
  for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill("SIGKILL");
  await Promise.all(workers.map((w) => w.exited));
  await stub.close();
  rmSync(uploads, { recursive: true, force: true });
});

function startWorker(): SpawnedWorker {
  const worker = spawnWorker({ DATABASE_URL: process.env.DATABASE_URL as string, ...timing, BOXED_BATCH_LEASE_MS: "1500", BOXED_BATCH_FLUSH_MS: "100" });
  workers.push(worker);
  return worker;
}

async function kill(worker: SpawnedWorker) {
  worker.child.kill("SIGKILL");
  await worker.exited;
}

const taskRow = (id: number) =>
  pool()
    .query<{ state: string; done: string; error: string | null }>(`SELECT state::text, done::text, error FROM tasks WHERE id = $1`, [id])
    .then((r) => r.rows[0]);

const setRows = async (name: string) => {
  const { rows } = await pool().query<{ sets: number; problems: number }>(
    `SELECT (SELECT count(*)::int FROM problem_sets WHERE name = $1) AS sets,
            (SELECT count(*)::int FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = $1) AS problems`,
    [name],
  );
  return rows[0];
};

describe("a worker killed with SIGKILL", () => {
  it("mid-import: the next worker fails the Task with the reason, removes the upload; nothing imported", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(uploads, "upload-"));
    const file = join(dir, "big.jsonl");
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      lines.push(JSON.stringify({ problem: `What is ${i} + ${i}? (crash import ${i})`, generated_solution: `It is \\boxed{${2 * i}}.`, expected_answer: String(2 * i) }));
    }
    writeFileSync(file, `${lines.join("\n")}\n`);
    const taskId = await createImportTask({ paths: [file], setName: "crash-import", role: "synthetic", removeUploadDir: true, via: "web" }, null, 1);
    await enqueue("dataset-import", { taskId });

    const first = startWorker();
    await waitFor("the import to be under way", () => taskRow(taskId), (t) => t.state === "running" && Number(t.done) > 0, 90_000, 50).catch((error) => {
      throw new Error(`${error}\nworker output:\n${first.output()}`);
    });
    await kill(first);
    expect((await taskRow(taskId)).state).toBe("running");

    const second = startWorker();
    const failed = await waitFor("the Task to be failed", () => taskRow(taskId), (t) => t.state === "failed", 90_000, 200).catch((error) => {
      throw new Error(`${error}\nsecond worker output:\n${second.output()}`);
    });
    expect(failed.error).toMatch(/worker running this stopped before finishing it/);
    expect(failed.error).toMatch(/Nothing was imported.*rolled back.*uploaded file was removed/);
    expect(existsSync(dir)).toBe(false);
    expect(await setRows("crash-import")).toEqual({ sets: 0, problems: 0 });
    const job = await pool().query(`SELECT state::text FROM pgboss.job WHERE name = $1 AND data->>'taskId' = $2`, ["dataset-import", String(taskId)]);
    expect(job.rows).toEqual([{ state: "failed" }]);
    expect(second.output()).toMatch(new RegExp(`\\[recovery\\] task ${taskId} \\(dataset-import\\) failed`));
    // The page reads the same row: /api/imports/<id> answers state and error from it.
    await kill(second);
  });

  it("mid-batch: nothing lost or duplicated, and the dead worker's job does not stay active", { timeout: 180_000 }, async () => {
    await createProblemSet("death-seed", "seed", arithmeticProblems(30));
    await createStubEndpoint("stub-death", stub.url, { maxConcurrency: 8 });
    const batch = await launchBatch({ kind: "solutions", set: "death-seed", endpoint: "stub-death", samplesPerProblem: 4 }, CLI_ACTOR);
    const first = startWorker();
    await waitFor("samples from the first worker", () => batchRow(batch.id), (b) => b.done_count >= 30, 90_000, 50).catch((error) => {
      throw new Error(`${error}\nworker output:\n${first.output()}`);
    });
    await kill(first);
    const atKill = await batchRow(batch.id);
    expect(atKill.state).toBe("running");
    const committed = await pool().query<{ id: number }>(`SELECT id FROM samples WHERE batch_id = $1`, [batch.id]);
    expect(committed.rows.length).toBe(atKill.done_count);

    const second = startWorker();
    await waitFor("the batch to finish", () => batchRow(batch.id), (b) => b.state === "completed", 120_000, 200).catch((error) => {
      throw new Error(`${error}\nsecond worker output:\n${second.output()}`);
    });
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(30).fill(4));
    expect(await requestStates(batch.id)).toEqual({ done: 120 });
    expect(await batchRow(batch.id)).toMatchObject({ done_count: 120, failed_count: 0 });
    const kept = await pool().query(`SELECT count(*)::int AS n FROM samples WHERE id = ANY($1::int[])`, [committed.rows.map((r) => r.id)]);
    expect(kept.rows[0].n).toBe(committed.rows.length);
    // No job of the batch is left claimed by the dead process.
    await waitFor(
      "no active job of the batch",
      () => pool().query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'active' AND data->>'batchId' = $2`, ["generation-run-batch", String(batch.id)]).then((r) => r.rows[0].n as number),
      (n) => n === 0,
      60_000,
      250,
    );
    await kill(second);
  });

  it("again and again until its batch's jobs ran out of retries: the next worker starts the batch again", { timeout: 180_000 }, async () => {
    await createProblemSet("orphan-seed", "seed", arithmeticProblems(10));
    await createStubEndpoint("stub-orphan", stub.url, { maxConcurrency: 8 });
    const batch = await launchBatch({ kind: "solutions", set: "orphan-seed", endpoint: "stub-orphan", samplesPerProblem: 2 }, CLI_ACTOR);
    // What pg-boss leaves after the last retry of every job of the batch failed with its worker.
    const ended = await pool().query(`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE name = $1 AND data->>'batchId' = $2`, ["generation-run-batch", String(batch.id)]);
    expect(ended.rowCount).toBeGreaterThan(0);
    const worker = startWorker();
    await waitFor("the batch to finish", () => batchRow(batch.id), (b) => b.state === "completed", 120_000, 200).catch((error) => {
      throw new Error(`${error}\nworker output:\n${worker.output()}`);
    });
    expect(worker.output()).toMatch(new RegExp(`batch ${batch.id} had no job left in circulation`));
    expect([...(await sampleCountsByProblem(batch.id)).values()]).toEqual(Array(10).fill(2));
    await kill(worker);
  });
});
