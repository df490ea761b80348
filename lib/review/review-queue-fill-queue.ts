// The pg-boss queue that draws review queue items (shared by the sender and the job definition).
export const REVIEW_QUEUE_FILL_QUEUE = "review-queue-fill";
