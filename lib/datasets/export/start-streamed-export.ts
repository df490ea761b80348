// The browser download: the export streams straight into the HTTP response (backpressure: the
// database is read only as fast as the browser takes the bytes). A Task row records it and, when
// done, holds the manifest, which is also written to BOXED_HOME/exports/<file>.manifest.json
// since a download cannot carry a second file. Audited like every export: the dataset.export entry
// is written in the transaction that finishes the Task (finishExportTask).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { EXPORT_TASK_KIND, exportProgress, exportsDir, type ExportTaskPayload, finishExportTask } from "@/lib/datasets/export/export-file-job";
import { manifestPathFor } from "@/lib/datasets/export/export-manifest";
import { EXPORT_EXTENSIONS, type ExportSettings } from "@/lib/datasets/export/export-settings";
import { type ExportOutcome, exportAudit } from "@/lib/datasets/export/export-to-file";
import { runExport } from "@/lib/datasets/export/run-export";
import { createTask, describeTask, errorMessage, throttledTaskProgress } from "@/lib/tasks/task-rows";

export const CONTENT_TYPES: Record<ExportSettings["format"], string> = {
  "omi2-jsonl": "application/x-ndjson; charset=utf-8",
  "nemo-sft": "application/x-ndjson; charset=utf-8",
  messages: "application/x-ndjson; charset=utf-8",
  "omi2-parquet": "application/vnd.apache.parquet",
};

export function exportFileName(settings: ExportSettings, taskId: number, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `boxed-${taskId}-${settings.format}-${stamp}${EXPORT_EXTENSIONS[settings.format]}`;
}

export async function startStreamedExport(settings: ExportSettings, user: { id: number; email: string }): Promise<{ stream: PassThrough; fileName: string; taskId: number }> {
  const taskId = await createTask({ kind: EXPORT_TASK_KIND, label: "Export (browser download)", state: "running", createdById: user.id, unit: "rows" });
  const fileName = exportFileName(settings, taskId);
  const payload: ExportTaskPayload = { settings, fileName, mode: "stream" };
  await describeTask(EXPORT_TASK_KIND, taskId, `Download ${fileName}`, payload);
  const stream = new PassThrough();
  const progress = throttledTaskProgress(taskId);
  const finish = (outcome: ExportOutcome) => finishExportTask(taskId, progress, outcome, exportAudit(outcome, fileName, { user, via: "web", taskId }), "downloaded");
  runExport(settings, stream, { fileName, user, taskId, onProgress: (p) => progress.report(exportProgress(p)) })
    .then(async (manifest) => {
      await mkdir(exportsDir(), { recursive: true });
      await writeFile(manifestPathFor(join(exportsDir(), fileName)), `${JSON.stringify(manifest, null, 2)}\n`);
      await finish({ ok: true, manifest });
    })
    .catch((error) => finish({ ok: false, error: errorMessage(error) }).catch(() => {}));
  return { stream, fileName, taskId };
}
