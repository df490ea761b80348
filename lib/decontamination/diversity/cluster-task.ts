// Question diversity (issue #20) as stored state: a Task-backed job clusters one set
// (clusterProblemSet) and writes every problem's cluster into problem_clusters in bulk; "keep one
// per cluster" then marks each cluster's other members kept = false, which the export's
// near-duplicate filter drops. The page reads the summary the job left in the task's result (cluster
// count, the largest clusters, per-seed distinct counts), so a page load never scans the set.
import { recordAudit } from "@/lib/audit/record-audit";
import { inTransaction } from "@/lib/db/in-transaction";
import { pool } from "@/lib/db/pool";
import { CLUSTER_TASK_KIND } from "@/lib/decontamination/diversity/cluster-queue";
import { clusterProblemSet } from "@/lib/decontamination/diversity/cluster-set";
import { DEFAULT_DUPLICATE_JACCARD } from "@/lib/decontamination/diversity/near-duplicates";
import { resolveCheckedSet } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { UserFacingError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { claimTask, createTask, failTask, findOpenTaskFor, findTasksFor, finishTask, readTask, throttledTaskProgress } from "@/lib/tasks/task-rows";

/** Largest clusters kept in the task's result for the page. */
export const TOP_CLUSTERS = 20;
/** Seeds with the most problems kept in the result (per-seed distinct counts). */
export const TOP_SEEDS = 20;
const WRITE_CHUNK = 5_000;

export interface ClusterPayload {
  setId: number;
  name: string;
  threshold: number;
  userId: number | null;
}

export interface ClusterSummary {
  setId: number;
  problems: number;
  clusters: number;
  /** problems in clusters of two or more, beyond each cluster's first */
  duplicates: number;
  threshold: number;
  largest: { clusterId: number; size: number }[];
  seeds: { seedId: number | null; problems: number; distinct: number }[];
}

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    "decontam.cluster": { payload: ClusterPayload; result: ClusterSummary };
  }
}

export async function startClusterTask(setRef: string | number, actorId: number | null, threshold = DEFAULT_DUPLICATE_JACCARD): Promise<{ taskId: number }> {
  if (!(threshold > 0 && threshold <= 1)) throw new UserFacingError(`threshold must be above 0 and at most 1 (got ${threshold})`);
  const set = await resolveCheckedSet(setRef);
  const running = await findOpenTaskFor(CLUSTER_TASK_KIND, "setId", set.id);
  if (running) throw new UserFacingError(`Set "${set.name}" is already being clustered (task #${running.id}).`);
  const payload: ClusterPayload = { setId: set.id, name: set.name, threshold, userId: actorId };
  const taskId = await createTask(
    { kind: CLUSTER_TASK_KIND, label: `Cluster near-duplicates of ${set.name}`, unit: "problems", total: set.problemCount, payload, createdById: actorId },
    { audit: (id) => ({ action: "decontam.cluster.start", objectType: "problem_set", objectId: set.id, details: { taskId: id, threshold } }) },
  );
  await enqueue("decontam-cluster", { taskId });
  return { taskId };
}

export async function runClusterTask(taskId: number): Promise<ClusterSummary> {
  const task = await readTask(CLUSTER_TASK_KIND, taskId);
  if (!task) throw new Error(`task #${taskId} is not a clustering`);
  // Left as it is; a clustering cancelled before it ran has no summary (the job's output is null).
  if (task.state === "completed" || task.state === "cancelled") return task.result as ClusterSummary;
  const { setId, name, threshold, userId } = task.payload;
  // A retry after a failure runs again, keeping the first start.
  await claimTask(CLUSTER_TASK_KIND, taskId, { from: ["queued", "running", "failed"], keepStartedAt: true });
  const progress = throttledTaskProgress(taskId);
  try {
    progress.report({ done: 0, message: "reading and signing problems" });
    const { result } = await clusterProblemSet(setId, { threshold });
    const ids = Array.from(result.ids);
    const clusterIds = Array.from(result.representative, (r) => result.ids[r]);
    // One transaction: the page and the export never see half a clustering. Old rows of the set
    // go first (a problem deleted since is gone by cascade; a re-run resets every "kept").
    await inTransaction(async (client) => {
      await client.query("DELETE FROM problem_clusters WHERE set_id = $1", [setId]);
      for (let start = 0; start < ids.length; start += WRITE_CHUNK) {
        await client.query(
          `INSERT INTO problem_clusters (problem_id, set_id, cluster_id)
           SELECT u.id, $1, u.cluster_id FROM unnest($2::int[], $3::int[]) AS u(id, cluster_id)
             JOIN problems p ON p.id = u.id AND p.set_id = $1`,
          [setId, ids.slice(start, start + WRITE_CHUNK), clusterIds.slice(start, start + WRITE_CHUNK)],
        );
        progress.report({ done: Math.min(ids.length, start + WRITE_CHUNK), message: `${result.clusters.toLocaleString("en-US")} clusters; writing` });
      }
    });
    await progress.stop();
    const largest: ClusterSummary["largest"] = [];
    for (let i = 0; i < result.problems; i++) if (result.representative[i] === i && result.clusterSize[i] > 1) largest.push({ clusterId: result.ids[i], size: result.clusterSize[i] });
    largest.sort((a, b) => b.size - a.size || a.clusterId - b.clusterId);
    const seeds = [...result.perSeed]
      .map(([seed, s]) => ({ seedId: seed === -1 ? null : seed, ...s }))
      .sort((a, b) => b.problems - a.problems || (a.seedId ?? 0) - (b.seedId ?? 0))
      .slice(0, TOP_SEEDS);
    const summary: ClusterSummary = { setId, problems: result.problems, clusters: result.clusters, duplicates: result.problems - result.clusters, threshold, largest: largest.slice(0, TOP_CLUSTERS), seeds };
    await finishTask(
      taskId,
      { kind: CLUSTER_TASK_KIND, state: "completed", done: result.problems, total: result.problems, message: `${result.clusters} clusters in ${result.problems} problems`, result: summary },
      { audit: { userId, action: "decontam.cluster.finish", objectType: "problem_set", objectId: setId, details: { taskId, name, problems: summary.problems, clusters: summary.clusters } } },
    );
    return summary;
  } catch (error) {
    await progress.stop();
    await failTask(taskId, error);
    throw error;
  }
}

/** "Keep one per cluster": each cluster's representative stays, its other members are marked
 * kept = false (the export's near-duplicate filter drops them). Returns how many were marked. */
export async function keepOnePerCluster(setId: number, actorId: number | null): Promise<{ dropped: number; kept: number }> {
  // A clustering under way replaces the set's rows when it finishes: marks set now would be lost.
  const running = await findOpenTaskFor(CLUSTER_TASK_KIND, "setId", setId);
  if (running) throw new UserFacingError(`Set #${setId} is being clustered (task #${running.id}): keep one per cluster once it has finished.`);
  const { dropped, kept } = await inTransaction(async (client) => {
    const { rows } = await client.query<{ dropped: number; kept: number; any: boolean }>(
      `WITH u AS (UPDATE problem_clusters SET kept = (problem_id = cluster_id) WHERE set_id = $1 RETURNING kept)
       SELECT count(*) FILTER (WHERE NOT kept)::int AS dropped, count(*) FILTER (WHERE kept)::int AS kept, count(*) > 0 AS any FROM u`,
      [setId],
    );
    if (!rows[0].any) throw new UserFacingError(`Set #${setId} has not been clustered yet: run the clustering first.`);
    const marked = { dropped: rows[0].dropped, kept: rows[0].kept };
    await recordAudit({ userId: actorId, action: "decontam.cluster.keep-one", objectType: "problem_set", objectId: setId, details: marked }, client);
    return marked;
  });
  return { dropped, kept };
}

/** The latest finished clustering of a set (its summary), and whether one is under way. */
export async function latestClustering(setId: number): Promise<{ summary: ClusterSummary | null; finishedAt: Date | null; runningTaskId: number | null; keptMarked: boolean }> {
  const tasks = await findTasksFor(CLUSTER_TASK_KIND, "setId", setId, { take: 10 });
  const running = tasks.find((t) => t.state === "queued" || t.state === "running");
  const done = tasks.find((t) => t.state === "completed");
  // One row tells whether keep-one-per-cluster has run since (it marks every row of the set).
  const { rows } = await pool().query<{ kept: boolean | null }>("SELECT kept FROM problem_clusters WHERE set_id = $1 LIMIT 1", [setId]);
  return { summary: done?.result ?? null, finishedAt: done?.finishedAt ?? null, runningTaskId: running?.id ?? null, keptMarked: rows[0]?.kept != null };
}

export interface ClusterMember {
  clusterId: number;
  problemId: number;
  firstLine: string;
  kept: boolean | null;
}

/** The members of the given clusters (at most `perCluster` each), first lines only. */
export async function clusterMembers(setId: number, clusterIds: number[], perCluster = 10): Promise<ClusterMember[]> {
  if (clusterIds.length === 0) return [];
  const { rows } = await pool().query<{ cluster_id: number; problem_id: number; first_line: string; kept: boolean | null }>(
    `SELECT c.cluster_id, m.problem_id, m.kept, left(split_part(p.text, E'\\n', 1), 200) AS first_line
       FROM unnest($2::int[]) AS c(cluster_id)
       CROSS JOIN LATERAL (SELECT problem_id, kept FROM problem_clusters WHERE set_id = $1 AND cluster_id = c.cluster_id ORDER BY problem_id LIMIT $3) m
       JOIN problems p ON p.id = m.problem_id`,
    [setId, clusterIds, perCluster],
  );
  return rows.map((r) => ({ clusterId: r.cluster_id, problemId: r.problem_id, firstLine: r.first_line, kept: r.kept }));
}
