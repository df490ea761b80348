// The worker side of bulk actions: one job per confirmed action, one at a time per worker (they
// write many rows; two at once would only contend).
import { defineJob } from "@/lib/jobs/job-definitions";
import { BULK_ACTION_QUEUE } from "@/lib/solutions/bulk-action-queue";
import { runBulkActionTask } from "@/lib/solutions/run-bulk-action";

export const bulkActionJob = defineJob<{ taskId: number }>({
  queue: BULK_ACTION_QUEUE,
  concurrency: 1,
  retryLimit: 0,
  expireInSeconds: 4 * 3600,
  async handle(data) {
    return runBulkActionTask(data.taskId);
  },
});
