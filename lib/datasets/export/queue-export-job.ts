// Starts an export too large to stream to a browser: checks the sets, creates its Task (named
// after the file, which is named after the Task) and sends the job that writes it
// (export-file-job.ts, which finishes the Task with its dataset.export entry).
import { EXPORT_TASK_KIND, type ExportTaskPayload } from "@/lib/datasets/export/export-file-job";
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import { resolveExportSets } from "@/lib/datasets/export/resolve-export-sets";
import { exportFileName } from "@/lib/datasets/export/start-streamed-export";
import { pool } from "@/lib/db/pool";
import { enqueue } from "@/lib/jobs/enqueue";
import { createTask, describeTask } from "@/lib/tasks/task-rows";

export async function queueExportJob(settings: ExportSettings, userId: number): Promise<{ taskId: number; fileName: string }> {
  await resolveExportSets(pool(), settings.sets);
  const taskId = await createTask({ kind: EXPORT_TASK_KIND, label: "Export (background job)", createdById: userId, unit: "rows" });
  const fileName = exportFileName(settings, taskId);
  const payload: ExportTaskPayload = { settings, fileName, mode: "job" };
  await describeTask(EXPORT_TASK_KIND, taskId, `Export ${fileName}`, payload);
  await enqueue("dataset-export", { taskId });
  return { taskId, fileName };
}
