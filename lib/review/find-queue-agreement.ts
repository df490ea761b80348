// Agreement between the reviewers of one queue, from each reviewer's standing decision (latest,
// not undone) per item. Only items with two or more decisions are read back, one row per item.
import { pool } from "@/lib/db/pool";
import { type QueueAgreement, summarizeAgreement } from "@/lib/review/agreement";

export async function findQueueAgreement(queueId: number): Promise<QueueAgreement & { reviewedByMany: number }> {
  const { rows } = await pool().query<{ users: number[]; decisions: string[] }>(
    `WITH standing AS (
       SELECT DISTINCT ON (sample_id, user_id) sample_id, user_id, decision::text AS decision
       FROM review_annotations
       WHERE queue_id = $1 AND superseded_at IS NULL AND user_id IS NOT NULL
       ORDER BY sample_id, user_id, created_at DESC, id DESC
     )
     SELECT array_agg(user_id ORDER BY user_id) AS users, array_agg(decision ORDER BY user_id) AS decisions
     FROM standing GROUP BY sample_id HAVING count(*) >= 2`,
    [queueId],
  );
  const labels = rows.map((r) => new Map(r.users.map((id, i) => [id, r.decisions[i]] as const)));
  return { ...summarizeAgreement(labels), reviewedByMany: rows.length };
}
