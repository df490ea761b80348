// Creates an empty review queue and starts the job that draws its items (fill-review-queue.ts):
// drawing a stratified random sample may read millions of rows, so it runs in the worker with a
// Task for progress, never inside a request.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { enqueue } from "@/lib/jobs/enqueue";
import type { ReviewQueueSpec } from "@/lib/review/review-queue-spec";
import { filterOfTarget } from "@/lib/solutions/bulk-target-sql";

export async function createReviewQueue(spec: ReviewQueueSpec, userId: number): Promise<{ queueId: number; taskId: number }> {
  // Refuses an unreadable filter before anything is created.
  filterOfTarget({ kind: "filter", query: spec.filterQuery });
  const seed = spec.seed ?? Math.floor(Math.random() * 2_147_483_647);
  const frozen = { ...spec, seed };
  const { queue, task } = await prisma().$transaction(async (tx) => {
    const queue = await tx.reviewQueue.create({ data: { name: spec.name, spec: frozen, createdById: userId } });
    const task = await tx.task.create({
      data: {
        kind: "review.queue.fill",
        label: `Draw ${spec.size.toLocaleString("en-US")} items for review queue "${spec.name}"`,
        total: BigInt(spec.size),
        unit: "items",
        payload: { queueId: queue.id },
        createdById: userId,
      },
    });
    await recordAudit({ userId, action: "review.queue.create", objectType: "review_queue", objectId: queue.id, details: { ...frozen, taskId: task.id } }, tx);
    return { queue, task };
  });
  await enqueue("review-queue-fill", { taskId: task.id });
  return { queueId: queue.id, taskId: task.id };
}
