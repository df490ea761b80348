// Incremental retrieval: where the last retrieval of a set against the same benchmark sets got to.
// Problems get increasing ids and a run stores pages in id order, so a run's `lastId` (the last id
// of its last stored page) says which problems it covered; the next run retrieves only problems
// with a larger id: the ones added since. Only when nothing else changed: the same benchmark sets
// with the same problems (count and largest id), the same top-k, threshold, embeddings endpoint
// and embedding threshold (statuses depend on them). Otherwise, or when forced, every problem is
// retrieved again. Completed and cancelled runs count (a cancelled one stored its pages up to its
// lastId); failed runs and runs from before lastId was recorded do not.
import { pool } from "@/lib/db/pool";
import { RETRIEVAL_TASK_KIND } from "@/lib/decontamination/pipeline/retrieval-task-kind";
import { type RetrievalScope, type StoredScope, sameSets, scopeDifference } from "@/lib/decontamination/pipeline/retrieval-scope";

export interface EarlierRetrieval {
  taskId: number;
  lastId: number;
  /** Problems of the set with an id up to lastId, now (the ones not retrieved again). */
  covered: number;
}

/**
 * The latest completed or cancelled retrieval of the set against the same benchmark sets, if this
 * run can continue after it; else null and the reason (for the log).
 */
export async function findEarlierRetrieval(problemSet: { id: number; name: string }, now: RetrievalScope): Promise<{ earlier: EarlierRetrieval | null; reason: string }> {
  const { rows } = await pool().query<{ id: number; result: StoredScope & { against: string[] } }>(
    `SELECT id, result FROM tasks WHERE kind = $1 AND state IN ('completed', 'cancelled') AND result->>'problemSet' = $2
     ORDER BY finished_at DESC NULLS LAST, id DESC LIMIT 50`,
    [RETRIEVAL_TASK_KIND, problemSet.name],
  );
  const latest = rows.find((r) => Array.isArray(r.result.against) && sameSets(r.result.against, now.against));
  if (!latest) return { earlier: null, reason: "no earlier retrieval of this set against these benchmark sets" };
  const difference = scopeDifference(latest.result, now);
  if (difference) return { earlier: null, reason: `the last retrieval (task #${latest.id}) cannot be continued: ${difference}` };
  const lastId = latest.result.lastId as number;
  const { rows: counted } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM problems WHERE set_id = $1 AND id <= $2`, [problemSet.id, lastId]);
  return { earlier: { taskId: latest.id, lastId, covered: counted[0]?.n ?? 0 }, reason: `continuing after task #${latest.id}` };
}
