// Grades the solutions an import loaded, in the background, batch by batch. Each batch is one
// transaction that writes the verdicts, the export filter inputs (filter-inputs.ts) and the
// counters they move (problem and set correct/graded counts), so a worker killed halfway leaves
// consistent counts and a re-run picks up exactly the rows still 'ungraded'. A large import is
// graded by two processes (grade-in-processes.ts), each keeping two batches in flight. The
// verdict that came with the file (file_verdict) is never touched: ours sits beside it and the
// summary counts where they disagree. A run that grades most of a large set takes the bulk path
// instead (grading-path.ts says when): results staged by COPY, then the set's table rebuilt once.
import { availableParallelism } from "node:os";
import { FORMAT_PROVENANCE, isDatasetFormat } from "@/lib/datasets/formats/dataset-format";
import { createStagingTable, type StageShare, stagedRows, stagingTable } from "@/lib/datasets/grading-job/grade-bulk-stage";
import { type BuildStep, swapInGradedPartition } from "@/lib/datasets/grading-job/grade-bulk-swap";
import { gradeInProcesses } from "@/lib/datasets/grading-job/grade-in-processes";
import { chooseGradingPath, type GradingPath } from "@/lib/datasets/grading-job/grading-path";
import type { GradingSummary } from "@/lib/datasets/import/import-summary";
import { finishTask, markTaskRunning, readTask, updateTaskProgress } from "@/lib/tasks/task-rows";
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
  const task = await readTask("import", importTaskId);
  // Written after the import committed, so the result is its summary.
  const summary = task?.result && "ok" in task.result ? task.result : null;
  if (summary) await updateTaskProgress(importTaskId, { kind: "import", result: { ...summary, grading } });
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
  /** Force a path (tests, benchmarks); default "auto" (chooseGradingPath). */
  path?: GradingPath | "auto";
  /** The caller builds the set's search index once grading ends (the job of a large import): the bulk path then leaves it out of its rebuild. */
  searchIndexAfter?: boolean;
  /** Bulk path: ids per statement moving the aggregates (tests make it small to prove chunks add up). */
  aggregateChunkIds?: number;
  /** Bulk path: called after each staged unit with the rows staged by this run; a throw stops the run (tests). */
  onStaged?: (stagedThisRun: number) => void;
  /** Bulk path: called as the rebuild moves on, inside its transaction (tests, the Task's message). */
  onBuildStep?: (step: BuildStep, detail: string) => Promise<void> | void;
}

/** The id range of the import's ungraded rows (the bulk path cuts it into units). */
async function ungradedRange(importTaskId: number, setId: number): Promise<{ lo: number; hi: number } | null> {
  const { rows } = await pool().query<{ lo: number | null; hi: number | null }>(
    "SELECT min(id) AS lo, max(id) AS hi FROM samples WHERE set_id = $1 AND import_task_id = $2 AND verdict = 'ungraded'",
    [setId, importTaskId],
  );
  return rows[0]?.lo == null || rows[0].hi == null ? null : { lo: rows[0].lo, hi: rows[0].hi };
}

async function setRows(setId: number): Promise<number> {
  const { rows } = await pool().query<{ n: number }>("SELECT sample_count AS n FROM problem_sets WHERE id = $1", [setId]);
  return rows[0]?.n ?? 0;
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
    const stage = stagingTable(gradingTaskId);
    const staged = await stagedRows(stage);
    const toGrade = start.total - start.graded - staged;
    const path = chooseGradingPath({ toGrade, staged, setRows: await setRows(facts.setId) }, options.path);
    let graded = start.graded + (path === "bulk" ? staged : 0);
    await updateTaskProgress(gradingTaskId, { done: graded, total: start.total });
    const processes = options.processes ?? (toGrade >= PARALLEL_MIN_ROWS ? Math.min(2, availableParallelism()) : 1);
    let lastReport = Date.now();
    let reporting: Promise<void> | null = null;
    let stagedThisRun = 0;
    let staging = false;
    const onGraded = (rows: number) => {
      graded += rows;
      if (staging) {
        stagedThisRun += rows;
        options.onStaged?.(stagedThisRun);
      }
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
    const request = { importTaskId, setId: facts.setId, generated };
    if (path === "bulk") {
      await createStagingTable(stage);
      const range = await ungradedRange(importTaskId, facts.setId);
      if (range) {
        const bulk: StageShare = { stage, ...range, share: 0, shares: processes, resuming: staged > 0 };
        staging = true;
        await gradeInProcesses({ ...request, bulk }, processes, onGraded);
        staging = false;
      }
      await reporting;
      if (staged + stagedThisRun === 0) {
        // Nothing to write (a forced bulk run over graded rows): no rebuild for nothing.
        await pool().query(`DROP TABLE IF EXISTS "${stage}"`);
      } else {
        await updateTaskProgress(gradingTaskId, { done: graded, total: start.total, message: "Writing the graded table of the set" });
        await swapInGradedPartition(facts.setId, stage, {
          keepSearchIndex: !options.searchIndexAfter,
          aggregateChunkIds: options.aggregateChunkIds,
          onStep: async (step, detail) => {
            await updateTaskProgress(gradingTaskId, { message: `Writing the graded table of the set: ${detail}` });
            await options.onBuildStep?.(step, detail);
          },
        });
      }
    }
    // The UPDATE path; after a rebuild, for rows that came in meanwhile (usually none).
    await gradeInProcesses(request, path === "bulk" ? 1 : processes, onGraded);
    await reporting;
    const summary = await summarizeImportGrading(importTaskId, facts.setId, gradingTaskId, "completed");
    await finishTask(gradingTaskId, { state: "completed", done: summary.graded, total: summary.total, kind: "grade-import", result: summary, message: `${summary.graded.toLocaleString("en-US")} solutions graded` });
    await mirrorIntoImportTask(importTaskId, summary);
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishTask(gradingTaskId, { state: "failed", error: message }).catch(() => {});
    throw error;
  }
}
