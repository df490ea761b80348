"use server";
// Curator actions of the decontamination page: start a retrieval run (a Task and a worker job),
// cancel it, count and launch a judge batch. Each checks the role on the server; the lib
// functions write the audit entries.
import { z } from "zod";
import { webActor } from "@/lib/audit/actor";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { keepOnePerCluster, startClusterTask } from "@/lib/decontamination/diversity/cluster-task";
import { countJudgePairs } from "@/lib/decontamination/pipeline/create-judge-batch";
import { launchJudgeBatch } from "@/lib/decontamination/pipeline/launch-judge-batch";
import { RETRIEVAL_TASK_KIND, startRetrievalTask } from "@/lib/decontamination/pipeline/retrieval-task";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { resolveCheckedSet } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_TOP_K } from "@/lib/decontamination/retrieve";
import { UserFacingError } from "@/lib/errors";
import { cancelTask } from "@/lib/tasks/task-rows";

const id = z.number().int().positive();
const threshold = z.number().min(0).max(1);

export const startRetrievalAction = authorizedAction(
  "decontam.run",
  z.object({
    problemSet: id,
    against: z.array(id).min(1, "choose at least one benchmark set"),
    topK: z.number().int().min(1).max(100).default(DEFAULT_TOP_K),
    threshold: threshold.default(DEFAULT_FLAG_THRESHOLD),
    embeddingEndpoint: id.nullable().default(null),
    embeddingThreshold: z.number().min(-1).max(1).default(DEFAULT_EMBEDDING_THRESHOLD),
  }),
  async (input, user) => startRetrievalTask(input, user.id),
);

export const cancelRetrievalAction = authorizedAction("decontam.run", z.object({ taskId: id }), async ({ taskId }, user) => {
  const cancelled = await cancelTask(RETRIEVAL_TASK_KIND, taskId, { userId: user.id, action: "decontam.retrieve.cancel" });
  if (!cancelled) throw new UserFacingError(`Retrieval task #${taskId} is not queued or running.`);
  return { taskId };
});

const judgeInput = z.object({ problemSet: id, endpoint: id, threshold: threshold.default(DEFAULT_FLAG_THRESHOLD), template: id.optional() });

export const previewJudgeAction = authorizedAction("decontam.run", judgeInput, async (input) => {
  const problemSet = await resolveCheckedSet(input.problemSet);
  return countJudgePairs(problemSet.id, input.threshold, DEFAULT_EMBEDDING_THRESHOLD);
});

export const launchJudgeAction = authorizedAction("decontam.run", judgeInput, async (input, user) => {
  const batch = await launchJudgeBatch(input, webActor(user));
  return { batchId: batch.batchId, pairs: batch.pairs, problems: batch.problems };
});

// Question diversity (/decontamination/clusters): cluster a set's near-duplicates (a Task), then
// keep one problem per cluster (the others are marked for the export's near-duplicate filter).
export const startClusteringAction = authorizedAction("decontam.run", z.object({ problemSet: id }), async ({ problemSet }, user) =>
  startClusterTask(problemSet, user.id),
);

export const keepOnePerClusterAction = authorizedAction("decontam.run", z.object({ problemSet: id }), async ({ problemSet }, user) =>
  keepOnePerCluster(problemSet, user.id),
);
