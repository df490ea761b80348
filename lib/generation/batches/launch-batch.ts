// Launch = resolve and check the plan, create the batch with all its requests, wake the workers.
// Shared by the studio's server action and `boxed batch create` (they add the audit entry). The
// kind's plug-in creates the batch and says what follows it besides the runners: a judge batch is
// created exactly as `boxed decontam judge` creates it (the same pairs, the decontam.judge.start
// audit entry) and followed by the settle job that moves its problems' contamination statuses.
import { pool } from "@/lib/db/pool";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import type { BatchLaunchInput } from "@/lib/generation/batches/batch-launch-input";
import type { CreatedBatch } from "@/lib/generation/batches/create-batch";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";

const ANALYZE_AFTER_REQUESTS = 10_000;

export interface LaunchOptions {
  /** false: plan only (tests run runners themselves; the caller settles a judge batch). */
  startWorkers?: boolean;
  /** Plan for an offline run: the batch waits paused for a Batch API export. */
  offline?: boolean;
  /** Where the launch came from, for the audit entry of a judge batch. */
  via?: "studio" | "cli";
}

export async function launchBatch(input: BatchLaunchInput, createdById: number | null, options: LaunchOptions = {}): Promise<CreatedBatch & { name: string }> {
  const plan = await resolveBatchPlan(input);
  const kind = batchKind(plan.kind);
  const created = await kind.create(plan, createdById, options.via ?? "studio");
  // A large batch changes what batch_requests looks like at once; the claim query (SKIP LOCKED
  // on batch and state) should not run on statistics from before it until autovacuum gets there.
  if (created.requestCount >= ANALYZE_AFTER_REQUESTS) await pool().query("ANALYZE batch_requests");
  if (options.offline) {
    await pool().query(`UPDATE generation_batches SET state = 'paused', stats = jsonb_build_object('pausedReason', $2::text) WHERE id = $1`, [
      created.id,
      `offline run: export the requests (Batch API JSONL), run them elsewhere, import the results; or resume to run them here`,
    ]);
    // The judge's settle job looks at a paused batch once a minute and settles when the import completes it.
    await kind.follow?.(created.id);
  } else if (options.startWorkers !== false) {
    await startBatchJobs(created.id);
    await kind.follow?.(created.id);
  }
  return { ...created, name: plan.name };
}
