// The worker side of review queue creation.
import { defineJob } from "@/lib/jobs/job-definitions";
import { REVIEW_QUEUE_FILL_QUEUE } from "@/lib/jobs/queues";
import { fillReviewQueue } from "@/lib/review/fill-review-queue";

export const reviewQueueFillJob = defineJob({
  queue: REVIEW_QUEUE_FILL_QUEUE,
  concurrency: 1,
  async handle(data) {
    return fillReviewQueue(data.taskId);
  },
});
