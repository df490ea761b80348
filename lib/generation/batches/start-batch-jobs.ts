// Wakes workers for a batch: sends RUN_SLICES jobs of the run-batch queue. Each job lets one
// worker process run the batch; more jobs than processes is harmless (a process already running
// the batch passes the job on after a delay, so a worker started later still finds one).
import { enqueue } from "@/lib/jobs/enqueue";

export const RUN_SLICES = 3;

// A job whose worker died (SIGKILL, lost machine) stops sending pg-boss heartbeats; pg-boss then
// fails it and retries it on another worker, a safety net beside the circulating jobs.
const HEARTBEAT_SECONDS = 30;

export async function startBatchJobs(batchId: number, count = RUN_SLICES, startAfterSeconds = 0): Promise<void> {
  for (let i = 0; i < count; i++) {
    await enqueue("generation-run-batch", { batchId }, { heartbeatSeconds: HEARTBEAT_SECONDS, ...(startAfterSeconds > 0 ? { startAfter: startAfterSeconds } : {}) });
  }
}
