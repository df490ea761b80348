// The Task side of recovery after a worker died (lib/jobs/recover-tasks.ts reads the jobs' states
// and decides): the unfinished Tasks, putting one back in the queue while its job waits for a
// retry, and failing one exactly once while its job's cleanup runs. Each change is conditional
// on the Task still being unfinished, so many workers recovering at once change it once.
import { inTransaction } from "@/lib/db/in-transaction";
import { pool } from "@/lib/db/pool";
import type { PgTransaction } from "@/lib/db/transaction";

export interface UnfinishedTask {
  id: number;
  state: "queued" | "running";
  payload: unknown;
  createdById: number | null;
}

/** The Tasks still queued or running (a handful: the rest are finished). */
export async function findUnfinishedTasks(): Promise<UnfinishedTask[]> {
  const { rows } = await pool().query<{ id: number; state: "queued" | "running"; payload: unknown; created_by_id: number | null }>(
    `SELECT id, state::text AS state, payload, created_by_id FROM tasks WHERE state IN ('queued', 'running') ORDER BY id`,
  );
  return rows.map((r) => ({ id: r.id, state: r.state, payload: r.payload, createdById: r.created_by_id }));
}

/** A running Task whose job waits for a retry goes back to queued, saying why (false: it was no longer running). */
export async function requeueRunningTask(taskId: number, message: string): Promise<boolean> {
  const { rowCount } = await pool().query(`UPDATE tasks SET state = 'queued', message = $2, updated_at = now() WHERE id = $1 AND state = 'running'`, [taskId, message]);
  return (rowCount ?? 0) > 0;
}

/**
 * Fails an abandoned Task once, whichever worker gets there first: the row stays locked while
 * `cleanUp` runs (in the same transaction, so what it writes, such as an audit entry, commits with
 * the failure), so a page never reads "failed" without the note and no second worker cleans up
 * again. The error is the reason and the cleanup's note. Returns the note ("" without one), or
 * null when the Task was no longer unfinished (or another worker holds it).
 */
export async function failAbandonedTask(taskId: number, reason: string, cleanUp: (tx: PgTransaction) => Promise<string | undefined>): Promise<string | null> {
  return inTransaction(async (client) => {
    const locked = await client.query(`SELECT id FROM tasks WHERE id = $1 AND state IN ('queued', 'running') FOR UPDATE SKIP LOCKED`, [taskId]);
    if (!locked.rowCount) return null;
    let note: string | undefined;
    // A cleanup whose SQL fails must not abort the failure itself: it runs behind a savepoint.
    await client.query("SAVEPOINT cleanup");
    try {
      note = await cleanUp(client);
      await client.query("RELEASE SAVEPOINT cleanup");
    } catch (error) {
      await client.query("ROLLBACK TO SAVEPOINT cleanup");
      note = `Cleaning up after it failed too: ${error instanceof Error ? error.message : String(error)}`;
    }
    await client.query(`UPDATE tasks SET state = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [taskId, note ? `${reason} ${note}` : reason]);
    return note ?? "";
  });
}
