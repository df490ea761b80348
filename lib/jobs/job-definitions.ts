// The worker side of a queue: its handler and how the worker runs and recovers its jobs. The
// queue's name, data and retry settings live in queues.ts (a leaf both senders and handlers
// import); every definition is listed in job-registry.ts, which only the worker reads.
import type { Job } from "pg-boss";
import type { JobPayloads, QueueName } from "@/lib/jobs/queues";
import type { PgTransaction } from "@/lib/db/transaction";

export interface JobDefinition<Q extends QueueName = QueueName> {
  queue: Q;
  /** Jobs of this queue run at most this many at a time in one worker process. */
  concurrency: number;
  handle(data: JobPayloads[Q], job: Job<JobPayloads[Q]>): Promise<unknown>;
  /**
   * The field of the job's data naming the Task it reports into (default "taskId"); null for jobs
   * without a Task (batches, settling), whose many circulating rows recovery then never reads.
   * Task recovery (recover-tasks.ts) uses it to fail, or mark for retry, the Task of a job whose
   * worker died.
   */
  taskIdField?: string | null;
  /**
   * Called once when recovery fails this job's Task because its worker died (no retry left):
   * clean up what the handler's own `finally` never got to, and say in a sentence what the user
   * should know (what was kept, what to do).
   */
  onAbandoned?(data: JobPayloads[Q], task: AbandonedTask): Promise<string | undefined>;
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
  /** The transaction failing the Task: what the cleanup writes (its audit entry) commits with the failure. */
  tx: PgTransaction;
}

export function defineJob<Q extends QueueName>(definition: JobDefinition<Q>): JobDefinition<Q> {
  return definition;
}
