// Each assigned reviewer's progress in a queue: items assigned to them and how many they finished
// (the DONE lock, see review-lock.ts). Reads the queue's own rows only (at most a few hundred
// thousand), grouped in the database.
import { pool } from "@/lib/db/pool";
import { DONE_LOCK } from "@/lib/review/review-lock";

export interface AssignmentProgress {
  userId: number;
  reviewer: string;
  active: boolean;
  assigned: number;
  done: number;
}

export async function findAssignmentProgress(queueId: number): Promise<{ reviewersPerItem: number; reviewers: AssignmentProgress[] }> {
  const queue = await pool().query<{ reviewers_per_item: number }>("SELECT reviewers_per_item FROM review_queues WHERE id = $1", [queueId]);
  const { rows } = await pool().query<{ user_id: number; reviewer: string; active: boolean; assigned: string; done: string }>(
    `SELECT ri.assigned_to_id AS user_id, COALESCE(u.name, u.email) AS reviewer, u.active,
            count(*) AS assigned, count(*) FILTER (WHERE ri.locked_until >= ${DONE_LOCK}) AS done
     FROM review_items ri JOIN users u ON u.id = ri.assigned_to_id
     WHERE ri.queue_id = $1
     GROUP BY 1, 2, 3 ORDER BY 2`,
    [queueId],
  );
  return {
    reviewersPerItem: queue.rows[0]?.reviewers_per_item ?? 1,
    reviewers: rows.map((r) => ({ userId: r.user_id, reviewer: r.reviewer, active: r.active, assigned: Number(r.assigned), done: Number(r.done) })),
  };
}
