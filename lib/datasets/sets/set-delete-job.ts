// The worker side of set deletion: one at a time per worker (it deletes many rows), retried when
// the worker dies half-way (every step deletes only what is still there).
import { runSetDeletionTask } from "@/lib/datasets/sets/delete-set";
import { SET_DELETE_QUEUE } from "@/lib/datasets/sets/set-delete-queue";
import { defineJob } from "@/lib/jobs/job-definitions";

export const setDeleteJob = defineJob<{ taskId: number }>({
  queue: SET_DELETE_QUEUE,
  concurrency: 1,
  retryLimit: 2,
  expireInSeconds: 4 * 3600,
  async handle(data) {
    return runSetDeletionTask(data.taskId);
  },
});
