// One import Task from start to end, the same for the CLI (in-process, with a progress bar) and
// the worker (uploads from the browser): mark the Task running, import, store the summary as the
// Task result, write the audit entry, and queue grading when solutions went in.
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { recordAudit } from "@/lib/audit/record-audit";
import type { DatasetFormat, FieldMapping } from "@/lib/datasets/formats/dataset-format";
import { queueImportGrading } from "@/lib/datasets/grading-job/queue-import-grading";
import type { SetRoleName } from "@/lib/datasets/import/ensure-problem-set";
import { type ImportProgress, importDataset } from "@/lib/datasets/import/import-dataset";
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { createTask, finishTask, markTaskRunning, throttledTaskProgress } from "@/lib/datasets/tasks/task-rows";
import { prisma } from "@/lib/db/prisma";

export interface ImportTaskPayload {
  paths: string[];
  setName: string;
  role: SetRoleName;
  format?: DatasetFormat;
  mapping?: FieldMapping;
  /** Uploaded files live in their own directory under BOXED_HOME/uploads, removed afterwards. */
  removeUploadDir?: boolean;
  /** `boxed import --bulk` only: see bulk-load-indexes.ts. */
  bulk?: boolean;
  via: "cli" | "web";
}

export const IMPORT_TASK_KIND = "import";

export async function createImportTask(payload: ImportTaskPayload, userId: number | null, totalBytes: number, state: "queued" | "running" = "queued"): Promise<number> {
  const names = payload.paths.map((p) => p.split("/").pop()).join(", ");
  return createTask({
    kind: IMPORT_TASK_KIND,
    label: `Import ${names} into ${payload.setName}`,
    unit: "bytes",
    total: totalBytes,
    payload: payload as never,
    createdById: userId,
    state,
  });
}

export function progressMessage(p: ImportProgress): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `${n(p.rows)} rows · ${n(p.problemsInserted)} problems inserted · ${n(p.duplicates)} duplicates · ${n(p.solutions)} solutions`;
}

export async function runImportTask(
  taskId: number,
  options: { onProgress?: (p: ImportProgress) => void; onIndexBuilt?: (built: number, total: number, name: string) => void; queueGrading?: boolean } = {},
): Promise<ImportSummary> {
  const task = await prisma().task.findUniqueOrThrow({ where: { id: taskId } });
  const payload = task.payload as unknown as ImportTaskPayload;
  await markTaskRunning(taskId);
  const toTask = throttledTaskProgress(taskId);
  let bytesRead = 0;
  let totalBytes = 0;
  let summary: ImportSummary;
  try {
    summary = await importDataset({
      paths: payload.paths,
      setName: payload.setName,
      role: payload.role,
      format: payload.format,
      mapping: payload.mapping,
      importTaskId: taskId,
      bulk: payload.bulk === true,
      onIndexBuilt: (built, total, name) => {
        options.onIndexBuilt?.(built, total, name);
        toTask.report({ done: bytesRead, total: totalBytes, message: `rows in; rebuilding indexes: ${built} of ${total} built (${name})` });
      },
      onProgress: (p) => {
        bytesRead = p.bytesRead;
        totalBytes = p.totalBytes;
        options.onProgress?.(p);
        toTask.report({ done: p.bytesRead, total: p.totalBytes, message: progressMessage(p), result: { live: p } as never });
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishTask(taskId, { state: "failed", error: message });
    await recordAudit({ userId: task.createdById, action: "dataset.import", objectType: "task", objectId: taskId, details: { ok: false, set: payload.setName, error: message, via: payload.via } });
    throw error;
  } finally {
    await toTask.stop();
    if (payload.removeUploadDir && payload.paths[0]) await rm(dirname(payload.paths[0]), { recursive: true, force: true }).catch(() => {});
  }
  if (summary.ok && summary.solutionsInserted > 0 && options.queueGrading !== false) {
    const gradingTaskId = await queueImportGrading(taskId, summary.solutionsInserted, payload.setName, task.createdById);
    summary.grading = {
      taskId: gradingTaskId,
      state: "queued",
      graded: 0,
      total: summary.solutionsInserted,
      equal: 0,
      notEqual: 0,
      noAnswer: 0,
      undecided: 0,
      withFileVerdict: 0,
      fileCorrectWeWrong: 0,
      fileWrongWeCorrect: 0,
      fileVerdictWeUndecided: 0,
    };
  }
  await finishTask(taskId, {
    state: summary.ok ? "completed" : "failed",
    result: summary as never,
    error: summary.ok ? null : (summary.errors[0]?.message ?? "the import failed"),
    message: summary.ok ? `${summary.problemsInserted.toLocaleString("en-US")} problems and ${summary.solutionsInserted.toLocaleString("en-US")} solutions imported` : "nothing was imported",
  });
  await recordAudit({
    userId: task.createdById,
    action: "dataset.import",
    objectType: "problem_set",
    objectId: summary.set?.id ?? null,
    details: {
      ok: summary.ok,
      taskId,
      set: payload.setName,
      role: payload.role,
      files: summary.files,
      format: summary.format,
      rows: summary.rows,
      problemsInserted: summary.problemsInserted,
      duplicates: summary.duplicates,
      rejected: summary.rejected,
      solutionsInserted: summary.solutionsInserted,
      error: summary.ok ? null : (summary.errors[0]?.message ?? null),
      via: payload.via,
    },
  });
  return summary;
}
