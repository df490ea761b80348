// One grader's loop over an import's ungraded rows (gradeImportRows), used by the grading job's
// process and by the processes it forks (grade-in-processes.ts): claim a batch FOR UPDATE SKIP
// LOCKED, grade it and compute its export filter inputs (grade-rows.ts), write it all with the
// counters it moves in the same transaction, commit.
import type { PoolClient } from "pg";
import { type GradedRow, ImportRowGrader, type RowToGrade } from "@/lib/datasets/grading-job/grade-rows";
import { pool } from "@/lib/db/pool";
import { FILTER_INPUTS_VERSION } from "@/lib/grading/filters/filter-inputs";

const BATCH = 1_000;

/** A row to grade as the graders read it: the solution with its problem's text and gold. */
export interface UngradedRow {
  id: number;
  problem_id: number;
  text: string;
  problem: string;
  gold_answer: string | null;
}

export const toRowsToGrade = (rows: readonly UngradedRow[]): RowToGrade[] =>
  rows.map((r) => ({ id: r.id, problemId: r.problem_id, problem: r.problem, gold: r.gold_answer, text: r.text }));

/** What grading writes per row: the column, its type, its value (grade or filter inputs). The bulk path stages the same. */
export const GRADED_COLUMNS: [column: string, type: "text" | "int", value: (r: GradedRow) => string | number | null][] = [
  ["verdict", "text", (r) => r.grade.verdict], ["verdict_rule", "text", (r) => r.grade.verdictRule], ["verdict_reason", "text", (r) => r.grade.verdictReason],
  ["extracted_answer", "text", (r) => r.grade.extractedAnswer], ["answer_key", "text", (r) => r.grade.answerKey], ["token_count", "int", (r) => r.tokenCount],
  ["boxed_count", "int", (r) => r.inputs.boxedCount], ["trimmed_chars", "int", (r) => r.inputs.trimmedChars], ["trimmed_length", "int", (r) => r.inputs.trimmedLength],
  ["trimmed_tokens", "int", (r) => r.inputs.trimmedTokens], ["problem_tokens", "int", (r) => r.inputs.problemTokens], ["arithmetic_error", "text", (r) => r.inputs.arithmeticError],
];
const UPDATE_SAMPLES = `UPDATE samples SET ${GRADED_COLUMNS.map(([c]) => (c === "verdict" ? `verdict = g.verdict::"Verdict"` : `${c} = g.${c}`)).join(", ")},
       graded_at = now(), filter_version = ${FILTER_INPUTS_VERSION}
  FROM unnest($1::int[], ${GRADED_COLUMNS.map(([, type], i) => `$${i + 2}::${type}[]`).join(", ")}) AS g(id, ${GRADED_COLUMNS.map(([c]) => c).join(", ")})
 WHERE samples.set_id = $${GRADED_COLUMNS.length + 2} AND samples.id = g.id`;

/**
 * Opens a transaction and locks the next batch of the import's ungraded rows after `afterId`
 * (rows another grader holds are skipped), grades them, writes them with the counters they move
 * and commits. Returns the rows graded and the last id claimed; 0 rows when none are left.
 */
// An import's rows are all in its set's partition of samples; naming the set keeps every query of
// a grading run to that one table. Ungraded rows are found by the (verdict, id) index.
async function gradeNextBatch(
  grader: ImportRowGrader,
  importTaskId: number,
  setId: number,
  afterId: number,
  onClaimed: (lastId: number) => void,
): Promise<number> {
  const client = await pool().connect();
  let committed = false;
  try {
    await client.query("BEGIN");
    // A batch lost in a crash is simply ungraded again (its counters with it): no commit needs to
    // wait for the disk, and at 14,000 batches per release that wait adds up.
    await client.query("SET LOCAL synchronous_commit = off");
    const { rows } = await client.query<UngradedRow>(
      `SELECT s.id, s.problem_id, s.text, p.text AS problem, p.gold_answer
         FROM samples s JOIN problems p ON p.id = s.problem_id
        WHERE s.set_id = $4 AND s.import_task_id = $1 AND s.verdict = 'ungraded' AND s.id > $2
        ORDER BY s.id LIMIT $3
        FOR UPDATE OF s SKIP LOCKED`,
      [importTaskId, afterId, BATCH, setId],
    );
    if (rows.length > 0) {
      // The next claim starts after this one: another lane claims while this one grades.
      onClaimed(rows[rows.length - 1].id);
      const graded = grader.grade(toRowsToGrade(rows));
      await writeCounters(client, graded, setId);
    }
    await client.query("COMMIT");
    committed = true;
    return rows.length;
  } finally {
    if (!committed) await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

/** A batch's verdicts and filter inputs, then the counters they move. */
async function writeCounters(client: PoolClient, graded: GradedRow[], setId: number): Promise<void> {
  // The samples first: the aggregate triggers lock their rows in key order, then the set's
  // counters and the problems' (in id order): every grader takes locks in the same order.
  await client.query(UPDATE_SAMPLES, [graded.map((r) => r.id), ...GRADED_COLUMNS.map(([, , value]) => graded.map(value)), setId]);
  const correctByProblem = new Map<number, number>();
  for (const r of graded) if (r.grade.verdict === "equal") correctByProblem.set(r.problemId, (correctByProblem.get(r.problemId) ?? 0) + 1);
  const correct = [...correctByProblem.values()].reduce((a, b) => a + b, 0);
  await client.query("UPDATE problem_sets SET graded_count = graded_count + $2, correct_count = correct_count + $3 WHERE id = $1", [setId, graded.length, correct]);
  if (correctByProblem.size > 0) {
    const ids = [...correctByProblem.keys()].sort((a, b) => a - b);
    await client.query(
      `UPDATE problems SET correct_count = problems.correct_count + v.n
         FROM unnest($1::int[], $2::int[]) AS v(id, n) WHERE problems.id = v.id`,
      [ids, ids.map((id) => correctByProblem.get(id))],
    );
  }
}

export interface GradeRowsOptions {
  /** Solutions a model wrote: graded by the recipe's last-box rule. */
  generated: boolean;
  /** Batches in flight at once: one is written by PostgreSQL while the next is graded here. */
  lanes?: number;
  onGraded?: (rows: number) => void;
}

/**
 * Grades every ungraded row of an import, batch by batch; each batch is one transaction that
 * writes the verdicts, the export filter inputs and the counters they move, so a worker killed
 * halfway leaves consistent counts and a re-run picks up exactly the rows still 'ungraded'.
 * Several of these may run at once (processes of gradeImport): rows are claimed FOR UPDATE SKIP
 * LOCKED, so no row is graded twice.
 */
export async function gradeImportRows(importTaskId: number, setId: number, options: GradeRowsOptions): Promise<number> {
  const grader = new ImportRowGrader(options.generated);
  let cursor = 0;
  let total = 0;
  const lane = async () => {
    for (;;) {
      const graded = await gradeNextBatch(grader, importTaskId, setId, cursor, (lastId) => {
        cursor = Math.max(cursor, lastId);
      });
      if (graded === 0) return;
      total += graded;
      options.onGraded?.(graded);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  return total;
}
