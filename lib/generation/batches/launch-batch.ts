// Launch = resolve and check the plan, create the batch with all its requests, wake the workers.
// Shared by the studio's server action and `boxed batch create` (they add the audit entry).
import { pool } from "@/lib/db/pool";
import { createBatch, type CreatedBatch } from "@/lib/generation/batches/create-batch";
import type { BatchLaunchInput } from "@/lib/generation/batches/batch-launch-input";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";

export interface LaunchOptions {
  /** false: plan only (tests run runners themselves). */
  startWorkers?: boolean;
  /** Plan for an offline run: the batch waits paused for a Batch API export. */
  offline?: boolean;
}

export async function launchBatch(input: BatchLaunchInput, createdById: number | null, options: LaunchOptions = {}): Promise<CreatedBatch & { name: string }> {
  const plan = await resolveBatchPlan(input);
  const created = await createBatch(plan, createdById);
  if (options.offline) {
    await pool().query(`UPDATE generation_batches SET state = 'paused', stats = jsonb_build_object('pausedReason', $2::text) WHERE id = $1`, [
      created.id,
      `offline run: export the requests (Batch API JSONL), run them elsewhere, import the results; or resume to run them here`,
    ]);
  } else if (options.startWorkers !== false) await startBatchJobs(created.id);
  return { ...created, name: plan.name };
}
