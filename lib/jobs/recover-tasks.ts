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
// one worker fails it and runs the cleanup. This file reads the jobs (pg-boss's tables); the
// Tasks are read and changed through lib/tasks/task-recovery.ts.
import type pg from "pg";
import type { JobDefinition } from "@/lib/jobs/job-definitions";
import { BOSS_SCHEMA } from "@/lib/jobs/boss";
import { failAbandonedTask, findUnfinishedTasks, requeueRunningTask } from "@/lib/tasks/task-recovery";

export interface TaskRecoveryOutcome {
  failed: number[];
  requeued: number[];
  /** What the queues' own recoverOrphans restarted (batches). */
  restarted: string[];
}

/** The latest job of a queue naming an unfinished Task. */
interface LatestJob {
  task_id: string;
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
    const tasks = await findUnfinishedTasks();
    if (tasks.length === 0) continue;
    // Starts from the few unfinished Tasks; for each, the latest job of this queue naming it.
    const { rows } = await db.query<LatestJob>(
      `SELECT DISTINCT ON (data->>$2) data->>$2 AS task_id, state::text AS job_state, retry_count, retry_limit, heartbeat_seconds, output, data
         FROM ${BOSS_SCHEMA}.job
        WHERE name = $1 AND data->>$2 = ANY($3::text[])
        ORDER BY data->>$2, created_on DESC`,
      [definition.queue, field, tasks.map((t) => String(t.id))],
    );
    const latest = new Map(rows.map((row) => [Number(row.task_id), row]));
    for (const task of tasks) {
      const job = latest.get(task.id);
      if (!job) continue;
      if (job.job_state === "retry" && task.state === "running") {
        const message = `${jobEndReason(job.output, job.heartbeat_seconds)} It will be retried (attempt ${job.retry_count + 1} of ${job.retry_limit + 1}).`;
        if (await requeueRunningTask(task.id, message)) {
          outcome.requeued.push(task.id);
          log(`[recovery] task ${task.id} (${definition.queue}) queued for a retry: ${message}`);
        }
        continue;
      }
      if (job.job_state !== "failed" && job.job_state !== "cancelled") continue;
      const reason = jobEndReason(job.output, job.heartbeat_seconds);
      const note = await failAbandonedTask(task.id, reason, (tx) =>
        definition.onAbandoned ? definition.onAbandoned(job.data as never, { id: task.id, payload: task.payload, createdById: task.createdById, reason, tx }) : Promise.resolve(undefined),
      );
      if (note === null) continue;
      outcome.failed.push(task.id);
      log(`[recovery] task ${task.id} (${definition.queue}) failed: ${reason}${note ? ` ${note}` : ""}`);
    }
  }
  return outcome;
}
