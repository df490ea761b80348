// The bulk-action job: walks the target rows in id order, CHUNK at a time, each chunk in its own
// transaction with the Task's progress, so a 14M-row action holds no long lock, shows steady
// progress, and stops between chunks when the task is cancelled.
import type { PoolClient } from "pg";
import { pool } from "@/lib/db/pool";
import type { BulkTaskPayload } from "@/lib/solutions/bulk-action";
import { targetConditions } from "@/lib/solutions/bulk-target-sql";
import { SqlParams, whereClause } from "@/lib/solutions/solution-sql";
import { claimTask, failTask, finishTask, lockTaskInChunk, recordChunkProgress } from "@/lib/tasks/task-rows";

export const CHUNK = 2_000;

export interface BulkResult {
  processed: number;
  /** Solutions whose review status changed, problems newly flagged, or items added. */
  changed: number;
  what: string;
}

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    "samples.bulk": { payload: BulkTaskPayload; result: BulkResult };
  }
}

async function applyChunk(client: PoolClient, payload: BulkTaskPayload, ids: number[], taskId: number, base: { position: number }): Promise<number> {
  const { request, userId } = payload;
  if (request.action === "accept" || request.action === "reject") {
    const decision = request.action === "accept" ? "accepted" : "rejected";
    const { rowCount } = await client.query(
      `WITH changed AS (
         UPDATE samples SET review_status = $2::"ReviewStatus" WHERE id = ANY($1::int[]) AND review_status <> $2::"ReviewStatus" RETURNING id
       )
       INSERT INTO review_annotations (sample_id, user_id, decision, note) SELECT id, $3, $2::"ReviewStatus", $4 FROM changed`,
      [ids, decision, userId, request.note?.trim() || `bulk action (task #${taskId})`],
    );
    return rowCount ?? 0;
  }
  if (request.action === "flag_contamination") {
    const { rowCount } = await client.query(
      `UPDATE problems SET contamination_status = 'flagged'
       WHERE id IN (SELECT problem_id FROM samples WHERE id = ANY($1::int[])) AND contamination_status NOT IN ('flagged', 'contaminated')`,
      [ids],
    );
    return rowCount ?? 0;
  }
  const { rows } = await client.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO review_items (queue_id, sample_id, position, stratum)
       SELECT $1, x.id, $2 + x.ord, $3 FROM unnest($4::int[]) WITH ORDINALITY AS x(id, ord)
       WHERE NOT EXISTS (SELECT 1 FROM review_items ri WHERE ri.queue_id = $1 AND ri.sample_id = x.id)
       RETURNING 1
     ) SELECT count(*)::int AS n FROM added`,
    [request.queueId, base.position, `bulk task #${taskId}`, ids],
  );
  const added = rows[0]?.n ?? 0;
  base.position += ids.length;
  await client.query("UPDATE review_queues SET item_count = item_count + $2 WHERE id = $1", [request.queueId, added]);
  return added;
}

const WHAT: Record<BulkTaskPayload["request"]["action"], string> = {
  accept: "solutions accepted",
  reject: "solutions rejected",
  flag_contamination: "problems flagged for contamination review",
  add_to_queue: "items added to the queue",
};

export async function runBulkActionTask(taskId: number): Promise<BulkResult> {
  const db = pool();
  // A retried job finds its Task still running, and carries on from the rows not yet changed.
  const task = await claimTask("samples.bulk", taskId, { from: ["queued", "running"] });
  if (!task) return { processed: 0, changed: 0, what: "task was not runnable (cancelled or finished)" };
  const payload = task.payload;
  const userId = task.createdById;
  let processed = 0;
  let changed = 0;
  try {
    const base = { position: 0 };
    if (payload.request.action === "add_to_queue") {
      const { rows } = await db.query<{ p: number }>("SELECT COALESCE(max(position), 0) AS p FROM review_items WHERE queue_id = $1", [payload.request.queueId]);
      base.position = rows[0]?.p ?? 0;
    }
    let lastId = 0;
    for (;;) {
      const params = new SqlParams();
      const conditions = [...targetConditions(payload.request.target, payload.maxId, params), `s.id > ${params.add(lastId)}`];
      const { rows } = await db.query<{ id: number }>(`SELECT s.id FROM samples s ${whereClause(conditions)} ORDER BY s.id LIMIT ${CHUNK}`, params.values);
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      const client = await db.connect();
      try {
        await client.query("BEGIN");
        if ((await lockTaskInChunk(client, taskId)) === "cancelled") {
          await client.query("ROLLBACK");
          return { processed, changed, what: `${WHAT[payload.request.action]} before cancellation` };
        }
        changed += await applyChunk(client, payload, ids, taskId, base);
        processed += ids.length;
        await recordChunkProgress(client, taskId, processed);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      lastId = ids[ids.length - 1];
      if (rows.length < CHUNK) break;
    }
    const result: BulkResult = { processed, changed, what: WHAT[payload.request.action] };
    await finishTask(
      taskId,
      {
        kind: "samples.bulk",
        state: "completed",
        done: processed,
        total: Math.max(task.total ?? 0, processed),
        result,
        message: `${changed.toLocaleString("en-US")} ${result.what} (${processed.toLocaleString("en-US")} solutions processed)`,
      },
      { audit: { userId, action: "samples.bulk.finish", details: { ...result, action: payload.request.action } } },
    );
    return result;
  } catch (error) {
    await failTask(taskId, error, (message) => ({ userId, action: "samples.bulk.fail", details: { processed, error: message } }));
    throw error;
  }
}
