// The worker side of near-duplicate clustering: one at a time per worker (it holds every
// signature of a set in memory), retried when the worker dies (the run rewrites the set's rows).
import { runClusterTask } from "@/lib/decontamination/diversity/cluster-task";
import { defineJob } from "@/lib/jobs/job-definitions";

export const clusterSetJob = defineJob({
  queue: "decontam-cluster",
  concurrency: 1,
  async handle(data) {
    return runClusterTask(data.taskId);
  },
});
