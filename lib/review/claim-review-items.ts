// Hands a reviewer the next items of a queue: first the ones they already hold (a reload resumes
// where they were), then new ones claimed with FOR UPDATE SKIP LOCKED, so two reviewers asking at
// the same moment never get the same item. Items are returned in queue order.
import { inTransaction } from "@/lib/db/in-transaction";
import { pool } from "@/lib/db/pool";
import { DONE_LOCK, LEASE } from "@/lib/review/review-lock";

export interface ClaimedItem {
  itemId: number;
  sampleId: number;
  position: number;
  stratum: string | null;
}

export async function claimReviewItems(queueId: number, userId: number, want: number, holding: number[] = []): Promise<ClaimedItem[]> {
  return inTransaction(async (client) => {
    // Items this reviewer holds (and has not finished) are theirs first; their lease is renewed.
    const held = await client.query<ClaimedItem>(
      `UPDATE review_items ri SET locked_until = now() + ${LEASE}
       FROM (SELECT id FROM review_items WHERE queue_id = $1 AND locked_by_id = $2 AND locked_until > now() AND locked_until < ${DONE_LOCK}
             AND id <> ALL($3::int[]) ORDER BY position LIMIT $4 FOR UPDATE) mine
       WHERE ri.id = mine.id
       RETURNING ri.id AS "itemId", ri.sample_id AS "sampleId", ri.position, ri.stratum`,
      [queueId, userId, holding, want],
    );
    const items = [...held.rows];
    if (items.length < want) {
      const fresh = await client.query<ClaimedItem>(
        `UPDATE review_items ri SET locked_by_id = $2, locked_until = now() + ${LEASE}
         FROM (
           SELECT c.id FROM review_items c
           WHERE c.queue_id = $1 AND (c.assigned_to_id IS NULL OR c.assigned_to_id = $2)
             AND (c.locked_until IS NULL OR c.locked_until < now())
             AND c.id <> ALL($3::int[])
             AND NOT EXISTS (SELECT 1 FROM review_annotations a WHERE a.queue_id = $1 AND a.sample_id = c.sample_id AND a.user_id = $2 AND a.superseded_at IS NULL)
           ORDER BY c.position LIMIT $4 FOR UPDATE SKIP LOCKED
         ) pick
         WHERE ri.id = pick.id
         RETURNING ri.id AS "itemId", ri.sample_id AS "sampleId", ri.position, ri.stratum`,
        [queueId, userId, [...holding, ...items.map((i) => i.itemId)], want - items.length],
      );
      items.push(...fresh.rows);
    }
    return items.sort((a, b) => a.position - b.position);
  });
}

/** Gives back items the reviewer holds but did not review (leaving the review mode). */
export async function releaseReviewItems(queueId: number, userId: number, itemIds: number[]): Promise<void> {
  await pool().query(
    `UPDATE review_items SET locked_by_id = NULL, locked_until = NULL
     WHERE queue_id = $1 AND locked_by_id = $2 AND id = ANY($3::int[]) AND locked_until < ${DONE_LOCK}`,
    [queueId, userId, itemIds],
  );
}
