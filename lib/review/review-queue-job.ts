// The worker side of review queue creation.
import { defineJob } from "@/lib/jobs/job-definitions";
import { fillReviewQueue } from "@/lib/review/fill-review-queue";

export const reviewQueueFillJob = defineJob({
  queue: "review-queue-fill",
  concurrency: 1,
  async handle(data) {
    return fillReviewQueue(data.taskId);
  },
});
