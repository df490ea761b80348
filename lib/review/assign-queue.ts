// Splits a review queue among chosen reviewers, with `perItem` reviewers per item (for agreement).
// Finished reviews stay with whoever did them and count toward perItem; every open item row is
// replaced by the new plan (plan-assignment.ts), so a reviewer who is dropped loses their open
// items and claims in progress are released. One transaction, with the queue row locked, so two
// assignments of the same queue cannot interleave.
import { can, isRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { inTransaction } from "@/lib/db/in-transaction";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { type ItemToAssign, planAssignment } from "@/lib/review/plan-assignment";
import { DONE_LOCK } from "@/lib/review/review-lock";

export const MAX_REVIEWERS_PER_ITEM = 5;
const INSERT_CHUNK = 5_000;

export interface AssignQueueInput {
  queueId: number;
  reviewerIds: number[];
  perItem: number;
}

export async function assignQueue(input: AssignQueueInput, userId: number): Promise<{ rows: number; items: number; load: Record<number, number> }> {
  const reviewerIds = [...new Set(input.reviewerIds)];
  if (reviewerIds.length === 0) throw new UserFacingError("Choose at least one reviewer to assign the queue to.");
  if (!Number.isInteger(input.perItem) || input.perItem < 1 || input.perItem > MAX_REVIEWERS_PER_ITEM) {
    throw new UserFacingError(`Reviewers per item must be between 1 and ${MAX_REVIEWERS_PER_ITEM} (got ${input.perItem}).`);
  }
  if (input.perItem > reviewerIds.length) {
    throw new UserFacingError(`${input.perItem} reviewers per item needs at least ${input.perItem} reviewers; you chose ${reviewerIds.length}.`);
  }
  return inTransaction(async (client) => {
    const queue = await client.query<{ id: number; name: string }>("SELECT id, name FROM review_queues WHERE id = $1 FOR UPDATE", [input.queueId]);
    if (!queue.rows[0]) throw new NotFoundError(`Review queue #${input.queueId}`);
    const { rows: people } = await client.query<{ id: number; email: string; role: string; active: boolean }>(
      "SELECT id, email, role::text, active FROM users WHERE id = ANY($1::int[])",
      [reviewerIds],
    );
    for (const id of reviewerIds) {
      const person = people.find((p) => p.id === id);
      if (!person) throw new NotFoundError(`User #${id}`);
      if (!person.active) throw new UserFacingError(`${person.email} is deactivated and cannot be assigned review work.`);
      if (!isRole(person.role) || !can(person.role, "review.annotate")) {
        throw new UserFacingError(`${person.email} is a ${person.role} and cannot review; give them the reviewer role first.`);
      }
    }
    const { rows: current } = await client.query<{ sample_id: number; position: number; stratum: string | null; done_by: number[] | null }>(
      `SELECT sample_id, min(position) AS position, min(stratum) AS stratum,
              array_agg(locked_by_id) FILTER (WHERE locked_until >= ${DONE_LOCK} AND locked_by_id IS NOT NULL) AS done_by
       FROM review_items WHERE queue_id = $1 GROUP BY sample_id`,
      [input.queueId],
    );
    if (current.length === 0) throw new UserFacingError(`Review queue "${queue.rows[0].name}" has no items yet; wait until they are drawn.`);
    const items: ItemToAssign[] = current.map((r) => ({ sampleId: r.sample_id, position: r.position, stratum: r.stratum, doneBy: r.done_by ?? [] }));
    const plan = planAssignment(items, reviewerIds, input.perItem);

    await client.query(`DELETE FROM review_items WHERE queue_id = $1 AND (locked_until IS NULL OR locked_until < ${DONE_LOCK})`, [input.queueId]);
    // A finished item that was taken from the shared pool now belongs to its reviewer.
    await client.query(
      `UPDATE review_items SET assigned_to_id = locked_by_id WHERE queue_id = $1 AND assigned_to_id IS NULL AND locked_by_id IS NOT NULL AND locked_until >= ${DONE_LOCK}`,
      [input.queueId],
    );
    for (let start = 0; start < plan.rows.length; start += INSERT_CHUNK) {
      const chunk = plan.rows.slice(start, start + INSERT_CHUNK);
      await client.query(
        `INSERT INTO review_items (queue_id, sample_id, position, stratum, assigned_to_id)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::int[])`,
        [input.queueId, chunk.map((r) => r.sampleId), chunk.map((r) => r.position), chunk.map((r) => r.stratum), chunk.map((r) => r.assignedToId)],
      );
    }
    await client.query("UPDATE review_queues SET reviewers_per_item = $2 WHERE id = $1", [input.queueId, input.perItem]);
    const load = Object.fromEntries(plan.load);
    await recordAudit(
      { userId, action: "review.queue.assign", objectType: "review_queue", objectId: input.queueId, details: { reviewerIds, perItem: input.perItem, newRows: plan.rows.length, items: items.length, load } },
      client,
    );
    return { rows: plan.rows.length, items: items.length, load };
  });
}
