// Grades the solutions an import loaded, in the background, batch by batch. Each batch is one
// transaction that writes the verdicts, the export filter inputs (filter-inputs.ts) and the
// counters they move (problem and set correct/graded counts), so a worker killed halfway leaves
// consistent counts and a re-run picks up exactly the rows still 'ungraded'. A large import is
// graded by two processes (grade-in-processes.ts), each keeping two batches in flight. The
// verdict that came with the file (file_verdict) is never touched: ours sits beside it and the
// summary counts where they disagree.
import { availableParallelism } from "node:os";
import { FORMAT_PROVENANCE, isDatasetFormat } from "@/lib/datasets/formats/dataset-format";
import { gradeInProcesses } from "@/lib/datasets/grading-job/grade-in-processes";
import type { GradingSummary } from "@/lib/datasets/import/import-summary";
import { finishTask, markTaskRunning, updateTaskProgress } from "@/lib/datasets/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";

/** Our verdicts against the file's, over the whole import (one scan of its samples). */
export async function summarizeImportGrading(importTaskId: number, setId: number, gradingTaskId: number, state: GradingSummary["state"]): Promise<GradingSummary> {
  const { rows } = await pool().query<Record<string, string>>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE verdict <> 'ungraded') AS graded,
            count(*) FILTER (WHERE verdict = 'equal') AS equal,
            count(*) FILTER (WHERE verdict = 'not_equal') AS not_equal,
            count(*) FILTER (WHERE verdict = 'no_answer') AS no_answer,
            count(*) FILTER (WHERE verdict = 'undecided') AS undecided,
            count(*) FILTER (WHERE file_verdict IS NOT NULL AND verdict <> 'ungraded') AS with_file,
            count(*) FILTER (WHERE file_verdict AND verdict IN ('not_equal', 'no_answer')) AS file_correct_we_wrong,
            count(*) FILTER (WHERE file_verdict = false AND verdict = 'equal') AS file_wrong_we_correct,
            count(*) FILTER (WHERE file_verdict IS NOT NULL AND verdict = 'undecided') AS file_we_undecided
       FROM samples WHERE set_id = $2 AND import_task_id = $1`,
    [importTaskId, setId],
  );
  const r = rows[0] ?? {};
  const n = (key: string) => Number(r[key] ?? 0);
  return {
    taskId: gradingTaskId,
    state,
    total: n("total"),
    graded: n("graded"),
    equal: n("equal"),
    notEqual: n("not_equal"),
    noAnswer: n("no_answer"),
    undecided: n("undecided"),
    withFileVerdict: n("with_file"),
    fileCorrectWeWrong: n("file_correct_we_wrong"),
    fileWrongWeCorrect: n("file_wrong_we_correct"),
    fileVerdictWeUndecided: n("file_we_undecided"),
  };
}

/** Copies the grading summary into the import Task's result, where the upload page reads it. */
async function mirrorIntoImportTask(importTaskId: number, grading: GradingSummary): Promise<void> {
  const task = await prisma().task.findUnique({ where: { id: importTaskId }, select: { result: true } });
  const result = (task?.result && typeof task.result === "object" && !Array.isArray(task.result) ? task.result : {}) as Record<string, unknown>;
  await prisma().task.update({ where: { id: importTaskId }, data: { result: { ...result, grading: grading as never }, updatedAt: new Date() } });
}

/** Solutions a model wrote (FORMAT_PROVENANCE) are graded by the recipe's last-box rule. */
const isGeneratedFormat = (format: string | null) => format !== null && isDatasetFormat(format) && FORMAT_PROVENANCE[format] === "generated";

/** The import's format and set, from its summary (written when the import committed). */
async function importFacts(importTaskId: number): Promise<{ format: string | null; setId: number }> {
  const task = await prisma().task.findUnique({ where: { id: importTaskId }, select: { result: true } });
  const result = task?.result as { format?: unknown; set?: { id?: unknown } } | null;
  if (typeof result?.set?.id !== "number") throw new Error(`import #${importTaskId} has no stored set: it did not commit`);
  return { format: typeof result.format === "string" ? result.format : null, setId: result.set.id };
}

export interface GradeImportOptions {
  /** Processes grading at once (this one included); default: both cores for large imports. */
  processes?: number;
}

/** Below this many rows to grade, one process: forking costs more than it saves. */
const PARALLEL_MIN_ROWS = 20_000;

/** The whole grading run of one import, reporting into its own Task row. */
export async function gradeImport(importTaskId: number, gradingTaskId: number, options: GradeImportOptions = {}): Promise<GradingSummary> {
  await markTaskRunning(gradingTaskId);
  try {
    const facts = await importFacts(importTaskId);
    const generated = isGeneratedFormat(facts.format);
    const start = await summarizeImportGrading(importTaskId, facts.setId, gradingTaskId, "running");
    let graded = start.graded;
    await updateTaskProgress(gradingTaskId, { done: graded, total: start.total });
    const processes = options.processes ?? (start.total - start.graded >= PARALLEL_MIN_ROWS ? Math.min(2, availableParallelism()) : 1);
    let lastReport = Date.now();
    let reporting: Promise<void> | null = null;
    const onGraded = (rows: number) => {
      graded += rows;
      if (reporting || Date.now() - lastReport <= 1000) return;
      lastReport = Date.now();
      const done = graded;
      reporting = (async () => {
        await updateTaskProgress(gradingTaskId, { done, total: start.total, message: `${done.toLocaleString("en-US")} of ${start.total.toLocaleString("en-US")} solutions graded` });
        await mirrorIntoImportTask(importTaskId, { ...start, state: "running", graded: done });
      })()
        .catch(() => {})
        .finally(() => {
          reporting = null;
        });
    };
    await gradeInProcesses({ importTaskId, setId: facts.setId, generated }, processes, onGraded);
    await reporting;
    const summary = await summarizeImportGrading(importTaskId, facts.setId, gradingTaskId, "completed");
    await finishTask(gradingTaskId, { state: "completed", done: summary.graded, total: summary.total, result: summary as never, message: `${summary.graded.toLocaleString("en-US")} solutions graded` });
    await mirrorIntoImportTask(importTaskId, summary);
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishTask(gradingTaskId, { state: "failed", error: message }).catch(() => {});
    throw error;
  }
}
