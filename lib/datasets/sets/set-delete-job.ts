// The worker side of set deletion: one at a time per worker (it deletes many rows), retried when
// the worker dies half-way (every step deletes only what is still there).
import { runSetDeletionTask } from "@/lib/datasets/sets/delete-set";
import { defineJob } from "@/lib/jobs/job-definitions";

export const setDeleteJob = defineJob({
  queue: "set-delete",
  concurrency: 1,
  async handle(data) {
    return runSetDeletionTask(data.taskId);
  },
});
