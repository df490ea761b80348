// Draws a review queue's items: count the matching solutions per stratum, decide each stratum's
// quota (allocate-quotas.ts), then take that many per stratum in a seeded random order
// (hashint4(id XOR seed): reproducible, and uniform enough for sampling), and insert them in a
// second seeded order so strata are interleaved for the reviewers.
import { pool } from "@/lib/db/pool";
import { allocateQuotas } from "@/lib/review/allocate-quotas";
import { type ReviewQueueSpec, ReviewQueueSpecSchema } from "@/lib/review/review-queue-spec";
import { STRATUM_JOINS, stratumExpression } from "@/lib/review/review-strata";
import { filterOfTarget } from "@/lib/solutions/bulk-target-sql";
import { SqlParams, solutionConditions, whereClause } from "@/lib/solutions/solution-sql";
import { claimTask, failTask, finishTask, updateTaskProgress } from "@/lib/tasks/task-rows";

export const REVIEW_QUEUE_FILL_TASK_KIND = "review.queue.fill";

export interface ReviewQueueFillResult {
  queueId: number;
  items: number;
  /** Each stratum's quota. */
  strata: Record<string, number>;
}

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    "review.queue.fill": { payload: { queueId: number }; result: ReviewQueueFillResult };
  }
}

const MAX_STRATA = 1_000;

export async function fillReviewQueue(taskId: number): Promise<{ items: number; strata: number }> {
  const db = pool();
  const task = await claimTask(REVIEW_QUEUE_FILL_TASK_KIND, taskId, { from: ["queued"], message: "counting solutions per stratum" });
  if (!task) return { items: 0, strata: 0 };
  const queueId = task.payload.queueId;
  try {
    const { rows: queueRows } = await db.query<{ spec: ReviewQueueSpec }>("SELECT spec FROM review_queues WHERE id = $1", [queueId]);
    const spec = ReviewQueueSpecSchema.required({ seed: true }).parse(queueRows[0]?.spec);
    const filter = filterOfTarget({ kind: "filter", query: spec.filterQuery });
    const stratum = stratumExpression(spec.strata);

    const countParams = new SqlParams();
    const where = whereClause(solutionConditions(filter, countParams));
    const { rows: sizes } = await db.query<{ stratum: string; n: string }>(
      `SELECT ${stratum} AS stratum, count(*) AS n FROM samples s ${STRATUM_JOINS} ${where} GROUP BY 1 ORDER BY 1 LIMIT ${MAX_STRATA + 1}`,
      countParams.values,
    );
    if (sizes.length > MAX_STRATA) throw new Error(`more than ${MAX_STRATA} strata: choose fewer dimensions or a narrower filter`);
    const quotas = allocateQuotas(
      sizes.map((r) => ({ stratum: r.stratum, count: Number(r.n) })),
      spec.size,
      spec.allocation,
    );
    await updateTaskProgress(taskId, { message: `drawing from ${sizes.length} strata` });

    const params = new SqlParams();
    const conditions = whereClause(solutionConditions(filter, params));
    const seed = params.add(spec.seed);
    const order = params.add((spec.seed * 7919 + 17) % 2_147_483_647);
    const quotaJson = params.add(JSON.stringify(Object.fromEntries(quotas)));
    const queue = params.add(queueId);
    const { rowCount } = await db.query(
      `INSERT INTO review_items (queue_id, sample_id, position, stratum)
       SELECT ${queue}, x.id, row_number() OVER (ORDER BY hashint4(x.id # ${order}::int), x.id), x.stratum
       FROM (
         SELECT s.id, ${stratum} AS stratum, row_number() OVER (PARTITION BY ${stratum} ORDER BY hashint4(s.id # ${seed}::int), s.id) AS rn
         FROM samples s ${STRATUM_JOINS} ${conditions}
       ) x
       JOIN jsonb_each_text(${quotaJson}::jsonb) q ON q.key = x.stratum
       WHERE x.rn <= q.value::int`,
      params.values,
    );
    const items = rowCount ?? 0;
    await db.query("UPDATE review_queues SET item_count = $2 WHERE id = $1", [queueId, items]);
    await finishTask(
      taskId,
      {
        kind: REVIEW_QUEUE_FILL_TASK_KIND,
        state: "completed",
        done: items,
        total: items,
        message: `${items.toLocaleString("en-US")} items from ${sizes.length} strata`,
        result: { queueId, items, strata: Object.fromEntries(quotas) },
      },
      { audit: { userId: task.createdById, action: "review.queue.fill", objectType: "review_queue", objectId: queueId, details: { items, strata: sizes.length, taskId } } },
    );
    return { items, strata: sizes.length };
  } catch (error) {
    await failTask(taskId, error);
    throw error;
  }
}
