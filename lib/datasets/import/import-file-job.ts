// The pg-boss job behind the browser upload: the route handler stored the file and created the
// Task; the worker imports it here, reporting progress into the Task the page polls.
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { recordAudit } from "@/lib/audit/record-audit";
import { type ImportTaskPayload, runImportTask } from "@/lib/datasets/import/run-import-task";
import { defineJob } from "@/lib/jobs/job-definitions";

export const importFileJob = defineJob({
  queue: "dataset-import",
  concurrency: 1,
  async handle(data) {
    const summary = await runImportTask(data.taskId);
    return { ok: summary.ok, problems: summary.problemsInserted, solutions: summary.solutionsInserted };
  },
  // The worker died mid-import (lib/jobs/recover-tasks.ts): its transaction died with its
  // connection, so the set is as it was; what is left is the upload, which nothing will read.
  async onAbandoned(_data, task) {
    const payload = task.payload as ImportTaskPayload;
    let removed = false;
    if (payload.removeUploadDir && payload.paths[0]) {
      await rm(dirname(payload.paths[0]), { recursive: true, force: true });
      removed = true;
    }
    await recordAudit({ userId: task.createdById, action: "dataset.import", objectType: "task", objectId: task.id, details: { ok: false, set: payload.setName, error: task.reason, via: payload.via } }, task.tx);
    return `Nothing was imported: the import runs in one transaction, which PostgreSQL rolled back, so ${payload.setName} is as it was.${removed ? " The uploaded file was removed; upload it again to retry." : ""}`;
  },
});
