// The pg-boss job for exports too large to stream to a browser: writes BOXED_HOME/exports/<task
// id>-<name> and its manifest, reporting progress into the Task; the exports page then offers
// the file (and manifest) for download. The Task is finished, completed or failed, in the same
// transaction as the export's dataset.export entry (finishExportTask, also the download's).
import { join } from "node:path";
import { mkdir } from "node:fs/promises";
import { type ExportOutcome, exportToFile } from "@/lib/datasets/export/export-to-file";
import type { ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import type { ExportManifest } from "@/lib/datasets/export/export-manifest";
import type { ExportProgress } from "@/lib/datasets/export/run-export";
import { boxedHome } from "@/lib/db/boxed-home";
import { defineJob } from "@/lib/jobs/job-definitions";
import { finishTask, markTaskRunning, readTask, type TaskAuditEntry, type ThrottledProgress, throttledTaskProgress } from "@/lib/tasks/task-rows";
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

/** Finishes an export's Task (after its last progress write) with its dataset.export entry, in one transaction. */
export async function finishExportTask(taskId: number, progress: ThrottledProgress, outcome: ExportOutcome, audit: TaskAuditEntry, verb: "written" | "downloaded"): Promise<void> {
  await progress.stop();
  if (!outcome.ok) return finishTask(taskId, { state: "failed", error: outcome.error }, { audit });
  const { manifest } = outcome;
  await finishTask(taskId, { kind: EXPORT_TASK_KIND, state: "completed", result: manifest, done: manifest.scanned, message: `${manifest.rows.toLocaleString("en-US")} rows ${verb}` }, { audit });
}

export async function runExportTask(taskId: number): Promise<void> {
  const task = await readTask(EXPORT_TASK_KIND, taskId);
  if (!task) throw new Error(`task #${taskId} is not an export`);
  const payload = task.payload;
  await mkdir(exportsDir(), { recursive: true });
  await markTaskRunning(taskId);
  const progress = throttledTaskProgress(taskId);
  // Completed or failed, exportToFile finishes the Task through `finish` (and rethrows a failure).
  await exportToFile(payload.settings, join(exportsDir(), payload.fileName), {
    user: task.createdBy,
    taskId,
    via: "web",
    onProgress: (p) => progress.report(exportProgress(p)),
    finish: (outcome, audit) => finishExportTask(taskId, progress, outcome, audit, "written"),
  });
}

/** What an export's Task says while it runs. */
export const exportProgress = (p: ExportProgress) => ({ done: p.scanned, total: p.total, message: `${p.kept.toLocaleString("en-US")} rows kept of ${p.scanned.toLocaleString("en-US")} read` });

export const exportFileJob = defineJob({
  queue: "dataset-export",
  concurrency: 1,
  async handle(data) {
    await runExportTask(data.taskId);
    return { taskId: data.taskId };
  },
});
