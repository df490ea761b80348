// One import Task from start to end, the same for the CLI (in-process, with a progress bar) and
// the worker (uploads from the browser): mark the Task running, import, store the summary as the
// Task result, and queue grading when solutions went in (and, after a large import into a new
// set, the set's search index, built once grading ends). The `dataset.import` entry is written in
// the import's own transaction when it commits, and with the Task's failure when it does not, so
// the CLI and an upload audit the same way (`via` and the user from the Task).
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { type AuditEntry, recordAudit } from "@/lib/audit/record-audit";
import { createImportGradingTask, sendImportGradingJob } from "@/lib/datasets/grading-job/queue-import-grading";
import { type ImportDatasetOptions, type ImportProgress, importDataset } from "@/lib/datasets/import/import-dataset";
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { createSearchIndexTask, queueSearchIndex } from "@/lib/datasets/search-index/search-index-job";
import { createTask, failTask, finishTask, markTaskRunning, readTask, throttledTaskProgress } from "@/lib/tasks/task-rows";

/** What to import: the options of importDataset (files, set, role, format, mapping, ...), stored as the Task's payload. */
export interface ImportTaskPayload extends Pick<ImportDatasetOptions, "paths" | "setName" | "role" | "format" | "mapping" | "source" | "fullGeneration" | "idField"> {
  /** Uploaded files live in their own directory under BOXED_HOME/uploads, removed afterwards. */
  removeUploadDir?: boolean;
  via: "cli" | "web";
}

export const IMPORT_TASK_KIND = "import";

/** While it runs, an import's result is its live progress; once done, its summary. */
export type ImportTaskResult = ImportSummary | { live: ImportProgress };

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    import: { payload: ImportTaskPayload; result: ImportTaskResult };
  }
}

export async function createImportTask(payload: ImportTaskPayload, userId: number | null, totalBytes: number, state: "queued" | "running" = "queued"): Promise<number> {
  const names = payload.paths.map((p) => p.split("/").pop()).join(", ");
  return createTask({
    kind: IMPORT_TASK_KIND,
    label: `Import ${names} into ${payload.setName}`,
    unit: "bytes",
    total: totalBytes,
    payload,
    createdById: userId,
    state,
  });
}

/** The import's audit entry, the same whether it committed or was refused. */
function importAudit(taskId: number, userId: number | null, payload: ImportTaskPayload, summary: ImportSummary): AuditEntry {
  return {
    userId,
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
  };
}

export function progressMessage(p: ImportProgress): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `${n(p.rows)} rows · ${n(p.problemsInserted)} problems inserted · ${n(p.duplicates)} duplicates · ${n(p.solutions)} solutions`;
}

export async function runImportTask(
  taskId: number,
  options: {
    onProgress?: (p: ImportProgress) => void;
    onIndexBuilt?: (built: number, total: number, name: string) => void;
    /** false: the caller grades (and builds a deferred search index) itself, e.g. `boxed import --grade-now`. */
    queueGrading?: boolean;
    /** Overrides INLINE_SEARCH_INDEX_MAX (tests). */
    inlineSearchIndexMax?: number;
  } = {},
): Promise<ImportSummary> {
  const task = await readTask(IMPORT_TASK_KIND, taskId);
  if (!task) throw new Error(`task #${taskId} is not an import`);
  const payload = task.payload;
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
      ...(payload.source !== undefined && { source: payload.source }),
      ...(payload.fullGeneration && { fullGeneration: true }),
      ...(payload.idField && { idField: payload.idField }),
      importTaskId: taskId,
      beforeCommit: (client, loaded) => recordAudit(importAudit(taskId, task.createdById, payload, loaded), client),
      ...(options.inlineSearchIndexMax !== undefined ? { inlineSearchIndexMax: options.inlineSearchIndexMax } : {}),
      onIndexBuilt: (built, total, name) => {
        options.onIndexBuilt?.(built, total, name);
        toTask.report({ done: bytesRead, total: totalBytes, message: `rows in; indexing the new set's solutions: ${built} of ${total} indexes built (${name})` });
      },
      onProgress: (p) => {
        bytesRead = p.bytesRead;
        totalBytes = p.totalBytes;
        options.onProgress?.(p);
        toTask.report({ done: p.bytesRead, total: p.totalBytes, message: progressMessage(p), kind: IMPORT_TASK_KIND, result: { live: p } });
      },
    });
  } catch (error) {
    await failTask(taskId, error, (message) => ({ userId: task.createdById, action: "dataset.import", details: { ok: false, set: payload.setName, error: message, via: payload.via } }));
    throw error;
  } finally {
    await toTask.stop();
    if (payload.removeUploadDir && payload.paths[0]) await rm(dirname(payload.paths[0]), { recursive: true, force: true }).catch(() => {});
  }
  const searchIndex =
    summary.ok && summary.set && summary.searchIndex === "deferred"
      ? { setId: summary.set.id, taskId: await createSearchIndexTask(summary.set.id, summary.set.name, summary.solutionsInserted, task.createdById) }
      : undefined;
  summary.searchIndexTaskId = searchIndex?.taskId ?? null;
  const grade = summary.ok && summary.solutionsInserted > 0 && options.queueGrading !== false;
  if (grade) {
    const gradingTaskId = await createImportGradingTask(taskId, summary.solutionsInserted, payload.setName, task.createdById);
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
  // A refused import committed nothing: its entry goes with the Task's failure.
  const refusal = summary.ok ? undefined : importAudit(taskId, task.createdById, payload, summary);
  await finishTask(
    taskId,
    {
      kind: IMPORT_TASK_KIND,
      state: summary.ok ? "completed" : "failed",
      result: summary,
      error: summary.ok ? null : (summary.errors[0]?.message ?? "the import failed"),
      message: summary.ok ? `${summary.problemsInserted.toLocaleString("en-US")} problems and ${summary.solutionsInserted.toLocaleString("en-US")} solutions imported` : "nothing was imported",
    },
    refusal ? { audit: { ...refusal, objectType: "problem_set", details: refusal.details as object } } : {},
  );
  // Jobs go out after the summary is stored: the grading job reads the import's set from it.
  if (grade && summary.grading) await sendImportGradingJob({ importTaskId: taskId, gradingTaskId: summary.grading.taskId, ...(searchIndex ? { searchIndex } : {}) });
  else if (searchIndex && options.queueGrading !== false) await queueSearchIndex(searchIndex);
  return summary;
}
