// The worker side of review queue creation.
import { defineJob } from "@/lib/jobs/job-definitions";
import { fillReviewQueue } from "@/lib/review/fill-review-queue";
import { REVIEW_QUEUE_FILL_QUEUE } from "@/lib/review/review-queue-fill-queue";

export const reviewQueueFillJob = defineJob<{ taskId: number }>({
  queue: REVIEW_QUEUE_FILL_QUEUE,
  concurrency: 1,
  retryLimit: 0,
  expireInSeconds: 2 * 3600,
  async handle(data) {
    return fillReviewQueue(data.taskId);
  },
});
