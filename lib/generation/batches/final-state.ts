// How a batch ends once every request is settled. A batch in which no request succeeded did not
// complete: it failed, and says why (the error that failed most requests for good, with its
// latest message), so "completed, 0 done" never hides a wrong key or a dead endpoint.
import type { BatchStats } from "@/lib/generation/batches/batch-stats";

/**
 * SQL for the final state, given SQL expressions for the batch's done and failed counts after the
 * update: 'failed' when nothing succeeded and something failed, otherwise 'completed'.
 */
export function finalStateSql(done: string, failed: string): string {
  return `(CASE WHEN (${done}) = 0 AND (${failed}) > 0 THEN 'failed' ELSE 'completed' END)::"BatchState"`;
}

/** Why a batch failed, from its stats; null when no error was recorded. Pure. */
export function failureReason(stats: BatchStats, failedCount: number): string | null {
  const errors = Object.entries(stats.errors ?? {});
  if (errors.length === 0) return failedCount > 0 ? `all ${failedCount.toLocaleString("en-US")} requests failed` : null;
  const final = stats.failedFinal ?? {};
  // The kind that failed the most requests for good; among equals, the most frequent attempt error.
  const [kind, tally] = errors.sort(([ka, a], [kb, b]) => (final[kb] ?? 0) - (final[ka] ?? 0) || b.count - a.count)[0];
  const requests = final[kind] ?? 0;
  return `${requests > 0 ? `${requests.toLocaleString("en-US")} of ${failedCount.toLocaleString("en-US")} requests failed with ` : ""}${kind}: ${tally.message}`;
}
