"use server";
// Curator actions of the decontamination page: start a retrieval run (a Task and a worker job),
// cancel it, count and launch a judge batch. Each checks the role on the server; the lib
// functions write the audit entries.
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { recordAudit } from "@/lib/audit/record-audit";
import { pool } from "@/lib/db/pool";
import { keepOnePerCluster, startClusterTask } from "@/lib/decontamination/diversity/cluster-task";
import { countJudgePairs } from "@/lib/decontamination/pipeline/create-judge-batch";
import { launchJudgeBatch } from "@/lib/decontamination/pipeline/launch-judge-batch";
import { startRetrievalTask } from "@/lib/decontamination/pipeline/retrieval-task";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { resolveCheckedSet } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_TOP_K } from "@/lib/decontamination/retrieve";
import { UserFacingError } from "@/lib/errors";

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
  const { rowCount } = await pool().query(
    `UPDATE tasks SET state = 'cancelled', updated_at = now(), finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
     WHERE id = $1 AND kind = 'decontam.retrieve' AND state IN ('queued', 'running')`,
    [taskId],
  );
  if (!rowCount) throw new UserFacingError(`Retrieval task #${taskId} is not queued or running.`);
  await recordAudit({ userId: user.id, action: "decontam.retrieve.cancel", objectType: "task", objectId: taskId });
  return { taskId };
});

const judgeInput = z.object({ problemSet: id, endpoint: id, threshold: threshold.default(DEFAULT_FLAG_THRESHOLD), template: id.optional() });

export const previewJudgeAction = authorizedAction("decontam.run", judgeInput, async (input) => {
  const problemSet = await resolveCheckedSet(input.problemSet);
  return countJudgePairs(problemSet.id, input.threshold, DEFAULT_EMBEDDING_THRESHOLD);
});

export const launchJudgeAction = authorizedAction("decontam.run", judgeInput, async (input, user) => {
  const batch = await launchJudgeBatch(input, user.id, { via: "studio" });
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
