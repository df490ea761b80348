// The worker side of bulk actions: one job per confirmed action, one at a time per worker (they
// write many rows; two at once would only contend).
import { defineJob } from "@/lib/jobs/job-definitions";
import { runBulkActionTask } from "@/lib/solutions/run-bulk-action";

export const bulkActionJob = defineJob({
  queue: "samples-bulk",
  concurrency: 1,
  async handle(data) {
    return runBulkActionTask(data.taskId);
  },
});
