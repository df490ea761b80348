// Review queues with their progress: items done (DONE lock), in progress (a live lease), open;
// and per reviewer, how many decisions of each kind they made (standing ones, not undone).
import { pool } from "@/lib/db/pool";
import { DONE_LOCK } from "@/lib/review/review-lock";
import type { ReviewQueueSpec } from "@/lib/review/review-queue-spec";

export interface ReviewQueueSummary {
  id: number;
  name: string;
  itemCount: number;
  done: number;
  inProgress: number;
  createdAt: Date;
  createdBy: string | null;
  spec: Partial<ReviewQueueSpec>;
  /** The fill task, while the items are still being drawn. */
  fillTask: { id: number; state: string; message: string | null; error: string | null } | null;
}

export async function findReviewQueues(queueId?: number): Promise<ReviewQueueSummary[]> {
  const { rows } = await pool().query<{
    id: number;
    name: string;
    item_count: number;
    done: string;
    in_progress: string;
    created_at: Date;
    created_by: string | null;
    spec: Partial<ReviewQueueSpec>;
    task_id: number | null;
    task_state: string | null;
    task_message: string | null;
    task_error: string | null;
  }>(
    `SELECT q.id, q.name, q.item_count, q.created_at, q.spec, COALESCE(u.name, u.email) AS created_by,
       (SELECT count(*) FROM review_items ri WHERE ri.queue_id = q.id AND ri.locked_until >= ${DONE_LOCK}) AS done,
       (SELECT count(*) FROM review_items ri WHERE ri.queue_id = q.id AND ri.locked_until > now() AND ri.locked_until < ${DONE_LOCK}) AS in_progress,
       t.id AS task_id, t.state AS task_state, t.message AS task_message, t.error AS task_error
     FROM review_queues q
     LEFT JOIN users u ON u.id = q.created_by_id
     LEFT JOIN LATERAL (
       SELECT id, state::text, message, error FROM tasks WHERE kind = 'review.queue.fill' AND (payload->>'queueId')::int = q.id ORDER BY id DESC LIMIT 1
     ) t ON true
     ${queueId ? "WHERE q.id = $1" : ""}
     ORDER BY q.id DESC LIMIT 200`,
    queueId ? [queueId] : [],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    itemCount: r.item_count,
    done: Number(r.done),
    inProgress: Number(r.in_progress),
    createdAt: r.created_at,
    createdBy: r.created_by,
    spec: r.spec,
    fillTask: r.task_id && r.task_state !== "completed" ? { id: r.task_id, state: r.task_state ?? "", message: r.task_message, error: r.task_error } : null,
  }));
}

export interface ReviewerProgress {
  userId: number | null;
  reviewer: string;
  accepted: number;
  rejected: number;
  unsure: number;
  total: number;
}

export async function findReviewerProgress(queueId: number): Promise<ReviewerProgress[]> {
  const { rows } = await pool().query<{ user_id: number | null; reviewer: string | null; decision: string; n: string }>(
    `SELECT a.user_id, COALESCE(u.name, u.email) AS reviewer, a.decision::text, count(*) AS n
     FROM review_annotations a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.queue_id = $1 AND a.superseded_at IS NULL GROUP BY 1, 2, 3`,
    [queueId],
  );
  const byUser = new Map<string, ReviewerProgress>();
  for (const row of rows) {
    const key = String(row.user_id);
    const entry = byUser.get(key) ?? { userId: row.user_id, reviewer: row.reviewer ?? "(deleted user)", accepted: 0, rejected: 0, unsure: 0, total: 0 };
    const n = Number(row.n);
    if (row.decision === "accepted" || row.decision === "rejected" || row.decision === "unsure") entry[row.decision] += n;
    entry.total += n;
    byUser.set(key, entry);
  }
  return [...byUser.values()].sort((a, b) => b.total - a.total);
}

/** Queue names for pickers (the bulk "add to queue" action). */
export async function listReviewQueueNames(): Promise<{ id: number; name: string }[]> {
  const { rows } = await pool().query<{ id: number; name: string }>("SELECT id, name FROM review_queues ORDER BY id DESC LIMIT 200");
  return rows;
}
