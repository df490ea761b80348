// Undo of a review decision: the annotation is kept for the record but superseded; the sample's
// status falls back to the latest decision still standing (or unreviewed), and a queue item goes
// back to the reviewer as an open item with a fresh lease.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { DONE_LOCK, LEASE } from "@/lib/review/review-lock";

export async function undoAnnotation(annotationId: number, userId: number): Promise<{ sampleId: number; reviewStatus: string }> {
  return prisma().$transaction(async (tx) => {
    const annotation = await tx.reviewAnnotation.findUnique({ where: { id: annotationId } });
    if (!annotation) throw new NotFoundError(`Review annotation #${annotationId}`);
    if (annotation.userId !== userId) throw new UserFacingError(`Annotation #${annotationId} is someone else's decision.`, "only its author can undo it; add your own decision instead");
    if (annotation.supersededAt) throw new UserFacingError(`Annotation #${annotationId} was already undone.`);
    await tx.$executeRaw`UPDATE review_annotations SET superseded_at = now() WHERE id = ${annotationId}`;
    const [latest] = await tx.$queryRaw<{ decision: string }[]>`
      SELECT decision::text FROM review_annotations WHERE sample_id = ${annotation.sampleId} AND superseded_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`;
    const reviewStatus = latest?.decision ?? "unreviewed";
    await tx.$executeRawUnsafe(`UPDATE samples SET review_status = $1::"ReviewStatus" WHERE id = $2`, reviewStatus, annotation.sampleId);
    if (annotation.queueId !== null) {
      await tx.$executeRawUnsafe(
        `UPDATE review_items SET locked_until = now() + ${LEASE} WHERE queue_id = $1 AND sample_id = $2 AND locked_by_id = $3 AND locked_until >= ${DONE_LOCK}`,
        annotation.queueId,
        annotation.sampleId,
        userId,
      );
    }
    await recordAudit({ userId, action: "review.undo", objectType: "sample", objectId: annotation.sampleId, details: { annotationId, restoredStatus: reviewStatus } }, tx);
    return { sampleId: annotation.sampleId, reviewStatus };
  });
}
