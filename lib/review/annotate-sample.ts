// A reviewer's decision on a solution: an annotation (the record), the sample's review status
// (what the browser filters on), the queue item marked done for this reviewer, and an audit entry,
// all in one transaction.
import { recordAudit } from "@/lib/audit/record-audit";
import { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { DONE_LOCK } from "@/lib/review/review-lock";

// DONE_LOCK as a raw SQL fragment for $queryRaw (a constant, never a bound value).
const DONE_LOCK_SQL = Prisma.raw(DONE_LOCK);

export type ReviewDecision = "accepted" | "rejected" | "unsure";

export interface AnnotationInput {
  sampleId: number;
  decision: ReviewDecision;
  note?: string | null;
  /** The queue item being reviewed, when the decision comes from a review queue. */
  itemId?: number | null;
}

export async function annotateSample(input: AnnotationInput, userId: number): Promise<{ annotationId: number }> {
  return prisma().$transaction(async (tx) => {
    const sample = await tx.sample.findUnique({ where: { id: input.sampleId }, select: { id: true } });
    if (!sample) throw new NotFoundError(`Solution #${input.sampleId}`);
    let queueId: number | null = null;
    if (input.itemId) {
      const [item] = await tx.$queryRaw<
        { queue_id: number; sample_id: number; assigned_to_id: number | null; assignee: string | null; locked_by_id: number | null; live: boolean; done: boolean; holder: string | null }[]
      >`
        SELECT ri.queue_id, ri.sample_id, ri.assigned_to_id, ri.locked_by_id,
          (SELECT COALESCE(u.name, u.email) FROM users u WHERE u.id = ri.assigned_to_id) AS assignee,
          (ri.locked_until IS NOT NULL AND ri.locked_until > now()) AS live,
          (ri.locked_until >= ${DONE_LOCK_SQL}) AS done,
          (SELECT COALESCE(u.name, u.email) FROM users u WHERE u.id = ri.locked_by_id) AS holder
        FROM review_items ri WHERE ri.id = ${input.itemId} FOR UPDATE`;
      if (!item || item.sample_id !== input.sampleId) throw new NotFoundError(`Review item #${input.itemId} of solution #${input.sampleId}`);
      // The assignment holds here as in claimReviewItems: an item dealt to someone else cannot be
      // reviewed by sending its id.
      if (item.assigned_to_id !== null && item.assigned_to_id !== userId) {
        throw new UserFacingError(`Review item #${input.itemId} is assigned to ${item.assignee ?? "another reviewer"}, not to you.`, "review the items the queue hands you");
      }
      if (item.locked_by_id !== null && item.locked_by_id !== userId && item.live) {
        throw new UserFacingError(
          `Review item #${input.itemId} is ${item.done ? "already reviewed" : "being reviewed"} by ${item.holder ?? "another reviewer"}.`,
          "move on to the next item (j); your lock on this one had expired",
        );
      }
      queueId = item.queue_id;
    }
    const note = input.note?.trim() ? input.note.trim().slice(0, 5_000) : null;
    const annotation = await tx.reviewAnnotation.create({ data: { sampleId: input.sampleId, queueId, userId, decision: input.decision, note } });
    await tx.sample.update({ where: { id: input.sampleId }, data: { reviewStatus: input.decision } });
    if (input.itemId) {
      await tx.$executeRawUnsafe(`UPDATE review_items SET locked_by_id = $1, locked_until = ${DONE_LOCK} WHERE id = $2`, userId, input.itemId);
    }
    await recordAudit(
      { userId, action: "review.annotate", objectType: "sample", objectId: input.sampleId, details: { decision: input.decision, note, queueId, itemId: input.itemId ?? null, annotationId: annotation.id } },
      tx,
    );
    return { annotationId: annotation.id };
  });
}
