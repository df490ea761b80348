// The pg-boss job for exports too large to stream to a browser: writes BOXED_HOME/exports/<task
// id>-<name> and its manifest, reporting progress into the Task; the exports page then offers
// the file (and manifest) for download.
import { join } from "node:path";
import { mkdir } from "node:fs/promises";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import type { ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import type { ExportManifest } from "@/lib/datasets/export/export-manifest";
import { boxedHome } from "@/lib/db/boxed-home";
import { defineJob } from "@/lib/jobs/job-definitions";
import { finishTask, markTaskRunning, readTask, throttledTaskProgress } from "@/lib/tasks/task-rows";
export const EXPORT_TASK_KIND = "export";

export interface ExportTaskPayload {
  settings: ExportSettingsInput;
  /** File name inside BOXED_HOME/exports. */
  fileName: string;
  mode: "job" | "stream";
}

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    export: { payload: ExportTaskPayload; result: ExportManifest };
  }
}

export function exportsDir(): string {
  return join(boxedHome(), "exports");
}

export async function runExportTask(taskId: number): Promise<void> {
  const task = await readTask(EXPORT_TASK_KIND, taskId);
  if (!task) throw new Error(`task #${taskId} is not an export`);
  const payload = task.payload;
  await mkdir(exportsDir(), { recursive: true });
  await markTaskRunning(taskId);
  const progress = throttledTaskProgress(taskId);
  try {
    const manifest = await exportToFile(payload.settings, join(exportsDir(), payload.fileName), {
      user: task.createdBy,
      taskId,
      via: "web",
      onProgress: (p) => progress.report({ done: p.scanned, total: p.total, message: `${p.kept.toLocaleString("en-US")} rows kept of ${p.scanned.toLocaleString("en-US")} read` }),
    });
    await progress.stop();
    await finishTask(taskId, { kind: EXPORT_TASK_KIND, state: "completed", result: manifest, done: manifest.scanned, message: `${manifest.rows.toLocaleString("en-US")} rows written` });
  } catch (error) {
    await progress.stop();
    await finishTask(taskId, { state: "failed", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

export const exportFileJob = defineJob({
  queue: "dataset-export",
  concurrency: 1,
  async handle(data) {
    await runExportTask(data.taskId);
    return { taskId: data.taskId };
  },
});
