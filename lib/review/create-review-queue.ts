// Creates an empty review queue and starts the job that draws its items (fill-review-queue.ts):
// drawing a stratified random sample may read millions of rows, so it runs in the worker with a
// Task for progress, never inside a request.
import { prisma } from "@/lib/db/prisma";
import { enqueue } from "@/lib/jobs/enqueue";
import { REVIEW_QUEUE_FILL_TASK_KIND } from "@/lib/review/fill-review-queue";
import type { ReviewQueueSpec } from "@/lib/review/review-queue-spec";
import { filterOfTarget } from "@/lib/solutions/bulk-target-sql";
import { createTask } from "@/lib/tasks/task-rows";

export async function createReviewQueue(spec: ReviewQueueSpec, userId: number): Promise<{ queueId: number; taskId: number }> {
  // Refuses an unreadable filter before anything is created.
  filterOfTarget({ kind: "filter", query: spec.filterQuery });
  const seed = spec.seed ?? Math.floor(Math.random() * 2_147_483_647);
  const frozen = { ...spec, seed };
  const { queue, taskId } = await prisma().$transaction(async (tx) => {
    const queue = await tx.reviewQueue.create({ data: { name: spec.name, spec: frozen, createdById: userId } });
    const taskId = await createTask(
      {
        kind: REVIEW_QUEUE_FILL_TASK_KIND,
        label: `Draw ${spec.size.toLocaleString("en-US")} items for review queue "${spec.name}"`,
        total: spec.size,
        unit: "items",
        payload: { queueId: queue.id },
        createdById: userId,
      },
      { tx, audit: (id) => ({ action: "review.queue.create", objectType: "review_queue", objectId: queue.id, details: { ...frozen, taskId: id } }) },
    );
    return { queue, taskId };
  });
  await enqueue("review-queue-fill", { taskId });
  return { queueId: queue.id, taskId };
}
