// Every job queue: its name, the data a job of it carries, and the settings every job sent to it
// carries. A leaf module (it imports nothing): the code that sends a job (enqueue.ts) and the
// handler that runs it both import it, so sending a job never pulls in handler code and no import
// circle runs through the queues. The handlers are listed in job-registry.ts, which only the
// worker (run-worker.ts) reads; a unit test checks that every queue here has exactly one handler.

export const HEALTH_CHECK_QUEUE = "health-check";
export const IMPORT_FILE_QUEUE = "dataset-import";
export const GRADE_IMPORT_QUEUE = "grade-import";
export const SEARCH_INDEX_QUEUE = "search-index";
export const EXPORT_FILE_QUEUE = "dataset-export";
export const BULK_ACTION_QUEUE = "samples-bulk";
export const REVIEW_QUEUE_FILL_QUEUE = "review-queue-fill";
export const RUN_BATCH_QUEUE = "generation-run-batch";
export const RETRIEVAL_QUEUE = "decontam-retrieve";
export const JUDGE_SETTLE_QUEUE = "decontam-judge-settle";
export const SET_DELETE_QUEUE = "set-delete";
export const CLUSTER_QUEUE = "decontam-cluster";

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
  [HEALTH_CHECK_QUEUE]: { echo: string };
  [IMPORT_FILE_QUEUE]: TaskJobData;
  [GRADE_IMPORT_QUEUE]: GradeImportJobData;
  [SEARCH_INDEX_QUEUE]: SearchIndexJobData;
  [EXPORT_FILE_QUEUE]: TaskJobData;
  [BULK_ACTION_QUEUE]: TaskJobData;
  [REVIEW_QUEUE_FILL_QUEUE]: TaskJobData;
  [RUN_BATCH_QUEUE]: { batchId: number };
  [RETRIEVAL_QUEUE]: TaskJobData;
  [JUDGE_SETTLE_QUEUE]: { batchId: number };
  [SET_DELETE_QUEUE]: TaskJobData;
  [CLUSTER_QUEUE]: TaskJobData;
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
  [HEALTH_CHECK_QUEUE]: { retryLimit: 0, expireInSeconds: 60 },
  // A retry would find the upload removed; the Task already says why it failed.
  [IMPORT_FILE_QUEUE]: { retryLimit: 0, expireInSeconds: 6 * HOUR },
  // Batches commit as they go and a re-run resumes at the first ungraded row, so retrying is safe.
  [GRADE_IMPORT_QUEUE]: { retryLimit: 2, expireInSeconds: 6 * HOUR },
  // Idempotent (a ready index is kept, an invalid one rebuilt), so a retry is safe.
  [SEARCH_INDEX_QUEUE]: { retryLimit: 2, expireInSeconds: 12 * HOUR },
  [EXPORT_FILE_QUEUE]: { retryLimit: 0, expireInSeconds: 12 * HOUR },
  [BULK_ACTION_QUEUE]: { retryLimit: 0, expireInSeconds: 4 * HOUR },
  [REVIEW_QUEUE_FILL_QUEUE]: { retryLimit: 0, expireInSeconds: 2 * HOUR },
  // Longer than a slice (10 minutes by default) plus the drain at its end.
  [RUN_BATCH_QUEUE]: { retryLimit: 5, expireInSeconds: HOUR },
  // A failed run is visible on its Task; running it again is a person's decision.
  [RETRIEVAL_QUEUE]: { retryLimit: 0, expireInSeconds: 6 * HOUR },
  [JUDGE_SETTLE_QUEUE]: { retryLimit: 3, expireInSeconds: 600 },
  // Every step deletes only what is still there, so a retry after a dead worker is safe.
  [SET_DELETE_QUEUE]: { retryLimit: 2, expireInSeconds: 4 * HOUR },
  // The run rewrites the set's rows, so a retry after a dead worker is safe.
  [CLUSTER_QUEUE]: { retryLimit: 2, expireInSeconds: 4 * HOUR },
};

export const QUEUE_NAMES = Object.keys(QUEUE_SETTINGS) as QueueName[];

export function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(QUEUE_SETTINGS, name);
}
