// The worker side of retrieval runs: one at a time per worker process (a run is CPU-bound and
// holds its benchmark index in memory).
import { RETRIEVAL_QUEUE } from "@/lib/decontamination/pipeline/retrieval-queue";
import { runRetrievalTask } from "@/lib/decontamination/pipeline/retrieval-task";
import { defineJob } from "@/lib/jobs/job-definitions";

export const retrievalJob = defineJob<{ taskId: number }>({
  queue: RETRIEVAL_QUEUE,
  concurrency: 1,
  // A failed run is visible on its Task; running it again is a person's decision.
  retryLimit: 0,
  expireInSeconds: 6 * 3600,
  async handle(data) {
    return runRetrievalTask(data.taskId);
  },
});
