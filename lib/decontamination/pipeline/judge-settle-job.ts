// Follows a judge batch: settles its problems' statuses every few seconds while it runs (so the
// review queue fills as answers land) and once more when it ends. A paused batch is looked at
// once a minute.
import { settleJudgeBatchStep } from "@/lib/decontamination/pipeline/settle-judge-batch";
import { enqueue } from "@/lib/jobs/enqueue";
import { defineJob } from "@/lib/jobs/job-definitions";

export const judgeSettleJob = defineJob({
  queue: "decontam-judge-settle",
  concurrency: 2,
  // No Task: task recovery skips this queue (its jobs circulate, so it holds many rows).
  taskIdField: null,
  async handle(data) {
    const outcome = await settleJudgeBatchStep(data.batchId);
    if (outcome.again) await enqueue("decontam-judge-settle", { batchId: data.batchId }, { startAfter: outcome.batchState === "paused" ? 60 : 10 });
    return outcome;
  },
});
