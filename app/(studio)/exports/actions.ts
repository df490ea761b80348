"use server";

// Large exports run as a job writing to BOXED_HOME/exports; the page polls the Task and offers
// the file when done. (Small ones stream straight to the browser from /api/exports/download.)
import { authorizedAction } from "@/lib/auth/authorized-action";
import { EXPORT_TASK_KIND, type ExportTaskPayload } from "@/lib/datasets/export/export-file-job";
import { ExportSettingsSchema } from "@/lib/datasets/export/export-settings";
import { resolveExportSets } from "@/lib/datasets/export/resolve-export-sets";
import { exportFileName } from "@/lib/datasets/export/start-streamed-export";
import { pool } from "@/lib/db/pool";
import { enqueue } from "@/lib/jobs/enqueue";
import { createTask, describeTask } from "@/lib/tasks/task-rows";

export const startExportJob = authorizedAction("export.download", ExportSettingsSchema, async (settings, user) => {
  await resolveExportSets(pool(), settings.sets);
  const taskId = await createTask({ kind: EXPORT_TASK_KIND, label: "Export (background job)", createdById: user.id, unit: "rows" });
  const fileName = exportFileName(settings, taskId);
  const payload: ExportTaskPayload = { settings, fileName, mode: "job" };
  await describeTask(EXPORT_TASK_KIND, taskId, `Export ${fileName}`, payload);
  await enqueue("dataset-export", { taskId });
  return { taskId, fileName };
});
