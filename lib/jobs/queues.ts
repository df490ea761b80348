// Every job queue: its name, the data a job of it carries, and the settings every job sent to it
// carries. A leaf module (it imports nothing): the code that sends a job (enqueue.ts) and the
// handler that runs it (defineJob) both name the queue by the string declared here, type-checked
// against QueueName, so sending a job never pulls in handler code and no import circle runs
// through the queues. The handlers are listed in job-registry.ts, which only the worker
// (run-worker.ts) reads; a unit test checks that every queue here has exactly one handler.

/** A job that works through a Task row (progress, result and error are read from the Task). */
export interface TaskJobData {
  taskId: number;
}

export interface SearchIndexJobData {
  setId: number;
  taskId: number;
}

export interface GradeImportJobData {
  importTaskId: number;
  gradingTaskId: number;
  /** A search index deferred by the import, built after grading. */
  searchIndex?: SearchIndexJobData;
}

/** What a job of each queue carries. */
export interface JobPayloads {
  /** `boxed worker --check` and the tests: proves a worker is consuming. */
  "health-check": { echo: string };
  // Datasets: an upload's import, its grading and deferred search index, a large export written to
  // a file, a set's chunked deletion.
  "dataset-import": TaskJobData;
  "grade-import": GradeImportJobData;
  "search-index": SearchIndexJobData;
  "dataset-export": TaskJobData;
  "set-delete": TaskJobData;
  // The solutions browser's bulk actions; drawing a review queue's items.
  "samples-bulk": TaskJobData;
  "review-queue-fill": TaskJobData;
  // Generation: the jobs that let workers run a batch (they circulate; see run-batch-job.ts).
  "generation-run-batch": { batchId: number };
  // Decontamination: a retrieval run, the job following a judge batch, a near-duplicate clustering.
  "decontam-retrieve": TaskJobData;
  "decontam-judge-settle": { batchId: number };
  "decontam-cluster": TaskJobData;
}

export type QueueName = keyof JobPayloads;

export interface QueueSettings {
  retryLimit: number;
  expireInSeconds: number;
  /** Seconds without a heartbeat before a running job counts as abandoned (default: job-timing.ts). */
  heartbeatSeconds?: number;
}

const HOUR = 3600;

/** Retries and expiry of each queue's jobs (a job carries them itself: see enqueue.ts). */
export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  "health-check": { retryLimit: 0, expireInSeconds: 60 },
  // A retry would find the upload removed; the Task already says why it failed.
  "dataset-import": { retryLimit: 0, expireInSeconds: 6 * HOUR },
  // Batches commit as they go and a re-run resumes at the first ungraded row, so retrying is safe.
  "grade-import": { retryLimit: 2, expireInSeconds: 6 * HOUR },
  // Idempotent (a ready index is kept, an invalid one rebuilt), so a retry is safe.
  "search-index": { retryLimit: 2, expireInSeconds: 12 * HOUR },
  "dataset-export": { retryLimit: 0, expireInSeconds: 12 * HOUR },
  // Every step deletes only what is still there, so a retry after a dead worker is safe.
  "set-delete": { retryLimit: 2, expireInSeconds: 4 * HOUR },
  "samples-bulk": { retryLimit: 0, expireInSeconds: 4 * HOUR },
  "review-queue-fill": { retryLimit: 0, expireInSeconds: 2 * HOUR },
  // Longer than a slice (10 minutes by default) plus the drain at its end.
  "generation-run-batch": { retryLimit: 5, expireInSeconds: HOUR },
  // A failed run is visible on its Task; running it again is a person's decision.
  "decontam-retrieve": { retryLimit: 0, expireInSeconds: 6 * HOUR },
  "decontam-judge-settle": { retryLimit: 3, expireInSeconds: 600 },
  // The run rewrites the set's rows, so a retry after a dead worker is safe.
  "decontam-cluster": { retryLimit: 2, expireInSeconds: 4 * HOUR },
};

export const QUEUE_NAMES = Object.keys(QUEUE_SETTINGS) as QueueName[];

export function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(QUEUE_SETTINGS, name);
}
