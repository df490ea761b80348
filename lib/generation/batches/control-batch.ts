// Pause, resume, cancel and retry-failed. Each is one guarded UPDATE, so a control racing a
// worker's flush can never half-apply: workers read the state before every claim and stop
// claiming when it is no longer queued/running; requests already in flight finish and land.
// Each control audits itself (`batch.<control>`, with the state it left and `via`) in the
// transaction of its UPDATE, so the studio and `boxed batch <control>` write the same entry and a
// refused control writes none.
import type { PoolClient } from "pg";
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { UserFacingError } from "@/lib/errors";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import type { BatchKindName } from "@/lib/generation/batches/batch-launch-input";
import { mergeStats, type BatchStats } from "@/lib/generation/batches/batch-stats";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";
import { inTransaction } from "@/lib/db/in-transaction";

export type BatchControl = "pause" | "resume" | "cancel" | "retry-failed";

async function stateOf(client: PoolClient, id: number): Promise<string> {
  const { rows } = await client.query<{ state: string }>(`SELECT state::text FROM generation_batches WHERE id = $1`, [id]);
  if (!rows[0]) throw new UserFacingError(`Batch ${id} was not found.`, "see `npx boxed batch list`");
  return rows[0].state;
}

function refuse(id: number, action: string, state: string, allowed: string): never {
  throw new UserFacingError(`Batch ${id} is ${state}; ${action} applies only to ${allowed} batches.`);
}

/** The entry every control writes, inside its transaction. */
async function auditControl(client: PoolClient, id: number, control: BatchControl, state: string, actor: Actor): Promise<void> {
  await recordAudit({ userId: actor.userId, action: `batch.${control}`, objectType: "batch", objectId: id, details: { state, via: actor.via } }, client);
}

export async function pauseBatch(id: number, actor: Actor): Promise<{ state: string }> {
  return inTransaction(async (client) => {
    const { rowCount } = await client.query(`UPDATE generation_batches SET state = 'paused' WHERE id = $1 AND state IN ('queued', 'running')`, [id]);
    if (!rowCount) refuse(id, "pause", await stateOf(client, id), "queued or running");
    await auditControl(client, id, "pause", "paused", actor);
    return { state: "paused" };
  });
}

export async function resumeBatch(id: number, actor: Actor): Promise<{ state: string }> {
  await inTransaction(async (client) => {
    const { rowCount } = await client.query(`UPDATE generation_batches SET state = 'running', stats = stats - 'pausedReason' WHERE id = $1 AND state = 'paused'`, [id]);
    if (!rowCount) refuse(id, "resume", await stateOf(client, id), "paused");
    await auditControl(client, id, "resume", "running", actor);
  });
  await startBatchJobs(id);
  return { state: "running" };
}

export async function cancelBatch(id: number, actor: Actor): Promise<{ state: string; cancelled: number }> {
  return inTransaction(async (client) => {
    const batch = await client.query<{ state: string; stats: BatchStats }>(`SELECT state::text, stats FROM generation_batches WHERE id = $1 FOR UPDATE`, [id]);
    const row = batch.rows[0];
    if (!row) throw new UserFacingError(`Batch ${id} was not found.`);
    if (!["queued", "running", "paused"].includes(row.state)) refuse(id, "cancel", row.state, "queued, running or paused");
    const cancelled = await client.query(`UPDATE batch_requests SET state = 'cancelled', updated_at = now() WHERE batch_id = $1 AND state = 'pending'`, [id]);
    const n = cancelled.rowCount ?? 0;
    await client.query(`UPDATE generation_batches SET state = 'cancelled', finished_at = now(), stats = $2 WHERE id = $1`, [id, JSON.stringify(mergeStats(row.stats ?? {}, { cancelled: n }))]);
    await auditControl(client, id, "cancel", "cancelled", actor);
    return { state: "cancelled", cancelled: n };
  });
}

export async function retryFailedRequests(id: number, actor: Actor): Promise<{ state: string; retried: number }> {
  const { state, retried, reopened } = await inTransaction(async (client) => {
    const batch = await client.query<{ state: string; kind: BatchKindName; stats: BatchStats }>(`SELECT state::text, kind::text, stats FROM generation_batches WHERE id = $1 FOR UPDATE`, [id]);
    const row = batch.rows[0];
    if (!row) throw new UserFacingError(`Batch ${id} was not found.`);
    if (row.state === "cancelled") refuse(id, "retry-failed", row.state, "queued, running, paused, completed or failed");
    const reset = await client.query(
      `UPDATE batch_requests SET state = 'pending', attempts = 0, not_before = NULL, lease_until = NULL, updated_at = now()
       WHERE batch_id = $1 AND state = 'failed'`,
      [id],
    );
    const count = reset.rowCount ?? 0;
    const next = row.state === "completed" || row.state === "failed" ? (count > 0 ? "running" : row.state) : row.state;
    const stats: BatchStats = { ...(row.stats ?? {}), failedFinal: {} };
    await client.query(
      `UPDATE generation_batches SET failed_count = failed_count - $2, state = $3::"BatchState", finished_at = CASE WHEN $3 = 'running' THEN NULL ELSE finished_at END, stats = $4
       WHERE id = $1`,
      [id, count, next, JSON.stringify(stats)],
    );
    await auditControl(client, id, "retry-failed", next, actor);
    return { state: next, retried: count, reopened: next !== row.state ? row.kind : null };
  });
  if (retried > 0 && (state === "running" || state === "queued")) await startBatchJobs(id);
  // What followed a finished batch has stopped (a judge batch's settle job): send it again, so
  // the retried requests are followed too (the judge's statuses move once the pairs are answered).
  if (reopened) await batchKind(reopened).follow?.(id);
  return { state, retried };
}

export async function controlBatch(id: number, control: BatchControl, actor: Actor): Promise<{ state: string; message: string }> {
  switch (control) {
    case "pause":
      return { ...(await pauseBatch(id, actor)), message: `batch ${id} paused: workers stop claiming; requests in flight finish` };
    case "resume":
      return { ...(await resumeBatch(id, actor)), message: `batch ${id} resumed` };
    case "cancel": {
      const result = await cancelBatch(id, actor);
      return { state: result.state, message: `batch ${id} cancelled: ${result.cancelled} pending requests cancelled` };
    }
    case "retry-failed": {
      const result = await retryFailedRequests(id, actor);
      return { state: result.state, message: `batch ${id}: ${result.retried} failed requests queued again` };
    }
  }
}
