// The browser download: the export streams straight into the HTTP response (backpressure: the
// database is read only as fast as the browser takes the bytes). A Task row records it and, when
// done, holds the manifest, which is also written to BOXED_HOME/exports/<file>.manifest.json
// since a download cannot carry a second file. Audited like every export.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { recordAudit } from "@/lib/audit/record-audit";
import { EXPORT_TASK_KIND, exportsDir, type ExportTaskPayload } from "@/lib/datasets/export/export-file-job";
import { manifestPathFor } from "@/lib/datasets/export/export-manifest";
import { EXPORT_EXTENSIONS, type ExportSettings } from "@/lib/datasets/export/export-settings";
import { auditDetails } from "@/lib/datasets/export/export-to-file";
import { runExport } from "@/lib/datasets/export/run-export";
import { createTask, describeTask, finishTask, throttledTaskProgress } from "@/lib/tasks/task-rows";

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
  runExport(settings, stream, {
    fileName,
    user,
    taskId,
    onProgress: (p) => progress.report({ done: p.scanned, total: p.total, message: `${p.kept.toLocaleString("en-US")} rows kept of ${p.scanned.toLocaleString("en-US")} read` }),
  })
    .then(async (manifest) => {
      await progress.stop();
      await mkdir(exportsDir(), { recursive: true });
      await writeFile(manifestPathFor(join(exportsDir(), fileName)), `${JSON.stringify(manifest, null, 2)}\n`);
      await finishTask(taskId, { kind: EXPORT_TASK_KIND, state: "completed", result: manifest, done: manifest.scanned, message: `${manifest.rows.toLocaleString("en-US")} rows downloaded` });
      await recordAudit({ userId: user.id, action: "dataset.export", objectType: "task", objectId: taskId, details: auditDetails(manifest, "web") });
    })
    .catch(async (error) => {
      await progress.stop();
      const message = error instanceof Error ? error.message : String(error);
      await finishTask(taskId, { state: "failed", error: message }).catch(() => {});
      await recordAudit({ userId: user.id, action: "dataset.export", objectType: "task", objectId: taskId, details: { ok: false, file: fileName, error: message, via: "web" } }).catch(() => {});
    });
  return { stream, fileName, taskId };
}
