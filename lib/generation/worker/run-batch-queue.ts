// The pg-boss queue that runs generation batches (kept apart from the job module so the web app
// can send to it without importing the worker).
export const RUN_BATCH_QUEUE = "generation-run-batch";
