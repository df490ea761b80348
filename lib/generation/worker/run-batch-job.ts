// The pg-boss job that runs a batch on a worker. A job lets this process run the batch for one
// slice (runner options); a batch has a few such jobs in circulation (start-batch-jobs.ts):
// - no runner for the batch here yet: run it; at the end of a slice hand it back to the queue;
// - a runner already here: pass the job on after a delay, so a worker that starts later (or
//   replaces one that was killed) finds a job and joins in;
// - the batch is no longer queued/running: the job ends, and with it the circulation.
import { pool } from "@/lib/db/pool";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";
import { defineJob } from "@/lib/jobs/job-definitions";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";
import { BatchRunner, type RunOutcome } from "@/lib/generation/worker/batch-runner";

const PASS_ON_AFTER_SECONDS = 3;

const holder = globalThis as unknown as { boxedBatchRunners?: Map<number, BatchRunner> };
if (!holder.boxedBatchRunners) holder.boxedBatchRunners = new Map<number, BatchRunner>();
const runnersHere = holder.boxedBatchRunners;

/** Runners of this process (graceful shutdown, tests). */
export function localBatchRunners(): BatchRunner[] {
  return [...runnersHere.values()];
}

export async function runBatchSlice(batchId: number, log: (line: string) => void = console.log): Promise<RunOutcome | { reason: "passed-on" | "inactive"; state: string }> {
  const { rows } = await pool().query<{ state: string }>(`SELECT state::text FROM generation_batches WHERE id = $1`, [batchId]);
  const state = rows[0]?.state ?? "missing";
  if (state !== "queued" && state !== "running") return { reason: "inactive", state };
  if (runnersHere.has(batchId)) {
    await startBatchJobs(batchId, 1, PASS_ON_AFTER_SECONDS);
    return { reason: "passed-on", state };
  }
  const runner = new BatchRunner(batchId, {}, log);
  runnersHere.set(batchId, runner);
  try {
    const outcome = await runner.run();
    if (outcome.reason === "slice-over") await startBatchJobs(batchId, 1);
    return outcome;
  } finally {
    runnersHere.delete(batchId);
  }
}

export const runBatchJob = defineJob({
  queue: "generation-run-batch",
  // Batches this process runs at once (each with its own endpoint slots).
  concurrency: 4,
  // No Task: task recovery skips this queue (its jobs circulate, so it holds many rows).
  taskIdField: null,
  // A batch saying queued or running must have a job in circulation; one whose jobs all ended
  // (a worker killed again and again until the retries ran out) gets new ones. Safe: a runner
  // resumes from the claims, and a surplus job only passes itself on.
  async recoverOrphans() {
    const { rows } = await pool().query<{ id: number }>(
      `SELECT b.id FROM generation_batches b
        WHERE b.state IN ('queued', 'running')
          AND NOT EXISTS (SELECT 1 FROM ${BOSS_SCHEMA}.job j
                           WHERE j.name = $1 AND j.state IN ('created', 'retry', 'active') AND j.data->>'batchId' = b.id::text)`,
      ["generation-run-batch"],
    );
    for (const { id } of rows) await startBatchJobs(id);
    return rows.map(({ id }) => `batch ${id} had no job left in circulation; started its jobs again`);
  },
  async handle(data) {
    if (!Number.isInteger(data.batchId)) throw new Error(`run-batch job without a batch id: ${JSON.stringify(data)}`);
    return runBatchSlice(data.batchId, (line) => console.log(line));
  },
});
