// Every queue the worker serves, with its handler. A feature adds its jobs here; the worker and
// `enqueue` read this list, so a job cannot be sent to a queue no worker listens on.
import type { Job } from "pg-boss";

export interface JobDefinition<T extends object = object> {
  queue: string;
  /** Jobs of this queue run at most this many at a time in one worker process. */
  concurrency: number;
  retryLimit: number;
  expireInSeconds: number;
  handle(data: T, job: Job<T>): Promise<unknown>;
  /**
   * The field of the job's data naming the Task it reports into (default "taskId"); null for jobs
   * without a Task (batches, settling), whose many circulating rows recovery then never reads.
   * Task recovery (recover-tasks.ts) uses it to fail, or mark for retry, the Task of a job whose
   * worker died.
   */
  taskIdField?: string | null;
  /** Seconds without a heartbeat before a running job counts as abandoned (default: job-timing.ts). */
  heartbeatSeconds?: number;
  /**
   * Called once when recovery fails this job's Task because its worker died (no retry left):
   * clean up what the handler's own `finally` never got to, and say in a sentence what the user
   * should know (what was kept, what to do).
   */
  onAbandoned?(data: T, task: AbandonedTask): Promise<string | undefined>;
  /**
   * Work of this queue that has no Task (a batch): called by every supervision pass to restart
   * what says it is running but has no live job left. Returns a line per thing restarted.
   */
  recoverOrphans?(): Promise<string[]>;
}

export interface AbandonedTask {
  id: number;
  payload: unknown;
  createdById: number | null;
  /** Why the job ended, as the Task's error now says. */
  reason: string;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
