// Task recovery: a Task whose worker died must not say "running" forever.
//
// pg-boss notices a dead worker by its jobs' heartbeats (job-timing.ts) and fails each such job,
// or puts it back for a retry when its queue allows one. The Task the job reports into (the row
// the pages poll) is ours, and nothing in the dead process will ever finish it, so every worker,
// when it starts and then every supervision pass, looks at the Tasks still queued or running and
// at the latest job of each:
// - the job failed or was cancelled: the Task is failed with the reason (a worker that stopped
//   without finishing, the time limit, the handler's own error), and the job's `onAbandoned` runs
//   once to clean up what the handler's `finally` never reached (an import's upload) and to add
//   what the user should know;
// - the job waits for a retry while the Task still says running: the Task goes back to queued,
//   saying why the attempt ended and which attempt comes next.
// Batches have no Task: a queued or running batch with no live job of its queue gets its jobs
// started again (runners resume safely: every claim has a lease, every write is gated).
// Safe with many workers at once: each Task changes state in one conditional UPDATE, so exactly
// one worker fails it and runs the cleanup.
import type pg from "pg";
import type { AbandonedTask, JobDefinition } from "@/lib/jobs/job-definitions";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";

export interface TaskRecoveryOutcome {
  failed: number[];
  requeued: number[];
  /** What the queues' own recoverOrphans restarted (batches). */
  restarted: string[];
}

interface OrphanRow {
  task_id: number;
  task_state: string;
  payload: unknown;
  created_by_id: number | null;
  job_state: string;
  retry_count: number;
  retry_limit: number;
  heartbeat_seconds: number | null;
  output: unknown;
  data: Record<string, unknown>;
}

/** The reason a job ended, as a sentence for the Task's error. */
export function jobEndReason(output: unknown, heartbeatSeconds: number | null): string {
  const message = outputMessage(output);
  if (message === "job heartbeat timeout") {
    return `The worker running this stopped before finishing it (killed, crashed or cut off from the database: no sign of life for ${heartbeatSeconds ?? "some"} s).`;
  }
  if (message === "job timed out") return "It ran past its time limit and was stopped.";
  if (message === "pg-boss shut down while active") return "Its worker was shut down before it finished.";
  return message ? `It failed: ${message}` : "Its job failed without saying why.";
}

function outputMessage(output: unknown): string | null {
  if (!output || typeof output !== "object") return typeof output === "string" ? output : null;
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === "string") return o.message;
  if (typeof o.value === "string") return o.value;
  if (o.value && typeof o.value === "object" && typeof (o.value as { message?: unknown }).message === "string") return (o.value as { message: string }).message;
  return null;
}

export async function recoverTasks(db: pg.Pool, definitions: JobDefinition[], log: (line: string) => void = () => {}): Promise<TaskRecoveryOutcome> {
  const outcome: TaskRecoveryOutcome = { failed: [], requeued: [], restarted: [] };
  for (const definition of definitions) {
    if (definition.recoverOrphans) {
      for (const line of await definition.recoverOrphans()) {
        outcome.restarted.push(line);
        log(`[recovery] ${line}`);
      }
    }
    if (definition.taskIdField === null) continue;
    const field = definition.taskIdField ?? "taskId";
    // Starts from the few unfinished Tasks; for each, the latest job of this queue naming it.
    const { rows } = await db.query<OrphanRow>(
      `SELECT t.id AS task_id, t.state::text AS task_state, t.payload, t.created_by_id,
              j.state::text AS job_state, j.retry_count, j.retry_limit, j.heartbeat_seconds, j.output, j.data
         FROM tasks t
         CROSS JOIN LATERAL (
           SELECT state, retry_count, retry_limit, heartbeat_seconds, output, data
             FROM ${BOSS_SCHEMA}.job
            WHERE name = $1 AND data->>$2 = t.id::text
            ORDER BY created_on DESC
            LIMIT 1
         ) j
        WHERE t.state IN ('queued', 'running')
          AND (j.state IN ('failed', 'cancelled') OR (j.state = 'retry' AND t.state = 'running'))`,
      [definition.queue, field],
    );
    for (const row of rows) {
      if (row.job_state === "retry") {
        const message = `${jobEndReason(row.output, row.heartbeat_seconds)} It will be retried (attempt ${row.retry_count + 1} of ${row.retry_limit + 1}).`;
        const updated = await db.query(`UPDATE tasks SET state = 'queued', message = $2, updated_at = now() WHERE id = $1 AND state = 'running'`, [row.task_id, message]);
        if (updated.rowCount) {
          outcome.requeued.push(row.task_id);
          log(`[recovery] task ${row.task_id} (${definition.queue}) queued for a retry: ${message}`);
        }
        continue;
      }
      const reason = jobEndReason(row.output, row.heartbeat_seconds);
      const note = await failTask(db, row.task_id, reason, (task) => definition.onAbandoned?.(row.data as never, task) ?? Promise.resolve(undefined), row);
      if (note === null) continue;
      outcome.failed.push(row.task_id);
      log(`[recovery] task ${row.task_id} (${definition.queue}) failed: ${reason}${note ? ` ${note}` : ""}`);
    }
  }
  return outcome;
}

/**
 * Fails the Task once, whichever worker gets there first: the row stays locked while the cleanup
 * runs, so a page never reads "failed" without the note, and no second worker cleans up again.
 * Returns the note (or "" without one), or null when the Task was no longer unfinished.
 */
async function failTask(db: pg.Pool, taskId: number, reason: string, cleanUp: (task: AbandonedTask) => Promise<string | undefined>, row: OrphanRow): Promise<string | null> {
  const client = await db.connect();
  try {
    await client.query("BEGIN");
    const locked = await client.query(`SELECT id FROM tasks WHERE id = $1 AND state IN ('queued', 'running') FOR UPDATE SKIP LOCKED`, [taskId]);
    if (!locked.rowCount) {
      await client.query("ROLLBACK");
      return null;
    }
    let note: string | undefined;
    try {
      note = await cleanUp({ id: taskId, payload: row.payload, createdById: row.created_by_id, reason });
    } catch (error) {
      note = `Cleaning up after it failed too: ${error instanceof Error ? error.message : String(error)}`;
    }
    await client.query(`UPDATE tasks SET state = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [taskId, note ? `${reason} ${note}` : reason]);
    await client.query("COMMIT");
    return note ?? "";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
