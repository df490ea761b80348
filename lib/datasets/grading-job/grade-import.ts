// Grades the solutions an import loaded, in the background, batch by batch. Each batch is one
// transaction that writes the verdicts and the counters they move (problem and set
// correct/graded counts), so a worker killed halfway leaves consistent counts and a re-run picks
// up exactly the rows still 'ungraded'. The verdict that came with the file (file_verdict) is
// never touched: ours sits beside it and the summary counts where they disagree.
import { FORMAT_PROVENANCE, isDatasetFormat } from "@/lib/datasets/formats/dataset-format";
import { gradeSolution } from "@/lib/datasets/grading-job/grade-solution";
import type { GradingSummary } from "@/lib/datasets/import/import-summary";
import { finishTask, markTaskRunning, readTask, updateTaskProgress } from "@/lib/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";

const BATCH = 1_000;

interface UngradedRow {
  id: number;
  problem_id: number;
  text: string;
  gold_answer: string | null;
}

/** Grades one batch; returns how many rows it graded (0 when none are left). */
// An import's rows are all in its set's partition of samples; naming the set keeps every query of
// a grading run to that one table. Ungraded rows are found by the (verdict, id) index.
export async function gradeImportBatch(
  importTaskId: number,
  setId: number,
  afterId: number,
  options: { generated?: boolean } = {},
): Promise<{ graded: number; lastId: number }> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<UngradedRow>(
      `SELECT s.id, s.problem_id, s.text, p.gold_answer
         FROM samples s JOIN problems p ON p.id = s.problem_id
        WHERE s.set_id = $4 AND s.import_task_id = $1 AND s.verdict = 'ungraded' AND s.id > $2
        ORDER BY s.id LIMIT $3
        FOR UPDATE OF s SKIP LOCKED`,
      [importTaskId, afterId, BATCH, setId],
    );
    if (rows.length === 0) {
      await client.query("COMMIT");
      return { graded: 0, lastId: afterId };
    }
    const grades = rows.map((row) => gradeSolution(row.gold_answer, row.text, { generated: options.generated }));
    await client.query(
      `UPDATE samples SET verdict = g.verdict::"Verdict", verdict_rule = g.rule, verdict_reason = g.reason,
              extracted_answer = g.extracted, answer_key = g.answer_key, token_count = g.tokens, graded_at = now()
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
           AS g(id, verdict, rule, reason, extracted, answer_key, tokens)
        WHERE samples.set_id = $8 AND samples.id = g.id`,
      [
        rows.map((r) => r.id),
        grades.map((g) => g.verdict),
        grades.map((g) => g.rule),
        grades.map((g) => g.reason),
        grades.map((g) => g.extractedAnswer),
        grades.map((g) => g.answerKey),
        grades.map((g) => g.tokenCount),
        setId,
      ],
    );
    const correctByProblem = new Map<number, number>();
    rows.forEach((row, i) => {
      if (grades[i].verdict === "equal") correctByProblem.set(row.problem_id, (correctByProblem.get(row.problem_id) ?? 0) + 1);
    });
    if (correctByProblem.size > 0) {
      await client.query(
        `UPDATE problems SET correct_count = problems.correct_count + v.n
           FROM unnest($1::int[], $2::int[]) AS v(id, n) WHERE problems.id = v.id`,
        [[...correctByProblem.keys()], [...correctByProblem.values()]],
      );
    }
    const correct = [...correctByProblem.values()].reduce((a, b) => a + b, 0);
    await client.query("UPDATE problem_sets SET graded_count = graded_count + $2, correct_count = correct_count + $3 WHERE id = $1", [setId, rows.length, correct]);
    await client.query("COMMIT");
    return { graded: rows.length, lastId: rows[rows.length - 1].id };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

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

/** The whole grading run of one import, reporting into its own Task row. */
export async function gradeImport(importTaskId: number, gradingTaskId: number): Promise<GradingSummary> {
  await markTaskRunning(gradingTaskId);
  try {
    const facts = await importFacts(importTaskId);
    const generated = isGeneratedFormat(facts.format);
    const start = await summarizeImportGrading(importTaskId, facts.setId, gradingTaskId, "running");
    let graded = start.graded;
    await updateTaskProgress(gradingTaskId, { done: graded, total: start.total });
    let lastId = 0;
    let lastReport = Date.now();
    for (;;) {
      const step = await gradeImportBatch(importTaskId, facts.setId, lastId, { generated });
      if (step.graded === 0) break;
      graded += step.graded;
      lastId = step.lastId;
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await updateTaskProgress(gradingTaskId, { done: graded, total: start.total, message: `${graded.toLocaleString("en-US")} of ${start.total.toLocaleString("en-US")} solutions graded` });
        await mirrorIntoImportTask(importTaskId, { ...start, state: "running", graded });
      }
    }
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
