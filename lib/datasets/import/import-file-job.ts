// The pg-boss job behind the browser upload: the route handler stored the file and created the
// Task; the worker imports it here, reporting progress into the Task the page polls.
import { runImportTask } from "@/lib/datasets/import/run-import-task";
import { defineJob } from "@/lib/jobs/job-definitions";

export const IMPORT_FILE_QUEUE = "dataset-import";

export const importFileJob = defineJob<{ taskId: number }>({
  queue: IMPORT_FILE_QUEUE,
  concurrency: 1,
  // A retry would find the upload removed; the Task already says why it failed.
  retryLimit: 0,
  expireInSeconds: 6 * 3600,
  async handle(data) {
    const summary = await runImportTask(data.taskId);
    return { ok: summary.ok, problems: summary.problemsInserted, solutions: summary.solutionsInserted };
  },
});
