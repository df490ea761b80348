// The worker side of retrieval runs: one at a time per worker process (a run is CPU-bound and
// holds its benchmark index in memory).
import { runRetrievalTask } from "@/lib/decontamination/pipeline/retrieval-task";
import { defineJob } from "@/lib/jobs/job-definitions";

export const retrievalJob = defineJob({
  queue: "decontam-retrieve",
  concurrency: 1,
  async handle(data) {
    return runRetrievalTask(data.taskId);
  },
});
