// Launch = resolve and check the plan, create the batch with all its requests and its
// `batch.launch` audit entry in one transaction, wake the workers. The studio's server action and
// `boxed batch create` both call this with their actor, so both write the same entry (only `via`
// and the user differ). The kind's plug-in creates the batch and says what follows it besides the
// runners: a judge batch is created exactly as `boxed decontam judge` creates it (the same pairs,
// the decontam.judge.start audit entry) and followed by the settle job that moves its problems'
// contamination statuses.
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { pool } from "@/lib/db/pool";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import type { BatchLaunchInput } from "@/lib/generation/batches/batch-launch-input";
import type { CreatedBatch } from "@/lib/generation/batches/create-batch";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";

const ANALYZE_AFTER_REQUESTS = 10_000;

const OFFLINE_PAUSED_REASON = "offline run: export the requests (Batch API JSONL), run them elsewhere, import the results; or resume to run them here";

export interface LaunchOptions {
  /** false: plan only (tests run runners themselves; the caller settles a judge batch). */
  startWorkers?: boolean;
  /** Plan for an offline run: the batch waits paused for a Batch API export. */
  offline?: boolean;
}

export async function launchBatch(input: BatchLaunchInput, actor: Actor, options: LaunchOptions = {}): Promise<CreatedBatch & { name: string }> {
  const plan = await resolveBatchPlan(input);
  const kind = batchKind(plan.kind);
  const offline = options.offline === true;
  const created = await kind.create(plan, actor, async (client, batch) => {
    // Paused before it commits, so no worker's recovery ever sees it queued without a job.
    if (offline) await client.query(`UPDATE generation_batches SET state = 'paused', stats = jsonb_build_object('pausedReason', $2::text) WHERE id = $1`, [batch.id, OFFLINE_PAUSED_REASON]);
    await recordAudit(
      {
        userId: actor.userId,
        action: "batch.launch",
        objectType: "batch",
        objectId: batch.id,
        details: { ...input, offline, requests: batch.requestCount, problems: batch.problemCount, via: actor.via },
      },
      client,
    );
  });
  // A large batch changes what batch_requests looks like at once; the claim query (SKIP LOCKED
  // on batch and state) should not run on statistics from before it until autovacuum gets there.
  if (created.requestCount >= ANALYZE_AFTER_REQUESTS) await pool().query("ANALYZE batch_requests");
  if (offline) {
    // The judge's settle job looks at a paused batch once a minute and settles when the import completes it.
    await kind.follow?.(created.id);
  } else if (options.startWorkers !== false) {
    await startBatchJobs(created.id);
    await kind.follow?.(created.id);
  }
  return { ...created, name: plan.name };
}
