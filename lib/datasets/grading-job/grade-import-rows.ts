// One grader's loop over an import's ungraded rows (gradeImportRows), used by the grading job's
// process and by the processes it forks (grade-in-processes.ts): claim a batch FOR UPDATE SKIP
// LOCKED, grade it and compute its export filter inputs (grade-rows.ts), write it all with the
// counters it moves in the same transaction, commit.
import type { PoolClient } from "pg";
import { type GradedRow, ImportRowGrader } from "@/lib/datasets/grading-job/grade-rows";
import { pool } from "@/lib/db/pool";
import { FILTER_INPUTS_VERSION } from "@/lib/grading/filters/filter-inputs";

const BATCH = 1_000;

interface UngradedRow {
  id: number;
  problem_id: number;
  text: string;
  problem: string;
  gold_answer: string | null;
}

interface ClaimedBatch {
  client: PoolClient;
  rows: UngradedRow[];
}

/** Opens a transaction and locks the next batch of the import's ungraded rows after `afterId`;
 * null (transaction closed) when none are left. Rows another grader holds are skipped. */
// An import's rows are all in its set's partition of samples; naming the set keeps every query of
// a grading run to that one table. Ungraded rows are found by the (verdict, id) index.
async function claimBatch(importTaskId: number, setId: number, afterId: number): Promise<ClaimedBatch | null> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<UngradedRow>(
      `SELECT s.id, s.problem_id, s.text, p.text AS problem, p.gold_answer
         FROM samples s JOIN problems p ON p.id = s.problem_id
        WHERE s.set_id = $4 AND s.import_task_id = $1 AND s.verdict = 'ungraded' AND s.id > $2
        ORDER BY s.id LIMIT $3
        FOR UPDATE OF s SKIP LOCKED`,
      [importTaskId, afterId, BATCH, setId],
    );
    if (rows.length > 0) return { client, rows };
    await client.query("COMMIT");
    client.release();
    return null;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
    throw error;
  }
}

/** Writes a batch's verdicts, filter inputs and the counters they move, and commits. */
async function writeBatch({ client }: ClaimedBatch, graded: GradedRow[], setId: number): Promise<void> {
  try {
    const g = graded.map((r) => r.grade);
    const f = graded.map((r) => r.inputs);
    // The samples first: the aggregate triggers lock their rows in key order, then the set's
    // counters and the problems' (in id order): every grader takes locks in the same order.
    await client.query(
      `UPDATE samples SET verdict = g.verdict::"Verdict", verdict_rule = g.rule, verdict_reason = g.reason,
              extracted_answer = g.extracted, answer_key = g.answer_key, token_count = g.tokens, graded_at = now(),
              boxed_count = g.boxed, filter_version = ${FILTER_INPUTS_VERSION}, trimmed_chars = g.trimmed_chars, trimmed_length = g.trimmed_length,
              trimmed_tokens = g.trimmed_tokens, problem_tokens = g.problem_tokens, arithmetic_error = g.arithmetic
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::text[])
           AS g(id, verdict, rule, reason, extracted, answer_key, tokens, boxed, trimmed_chars, trimmed_length, trimmed_tokens, problem_tokens, arithmetic)
        WHERE samples.set_id = $14 AND samples.id = g.id`,
      [
        graded.map((r) => r.id),
        g.map((x) => x.verdict),
        g.map((x) => x.rule),
        g.map((x) => x.reason),
        g.map((x) => x.extractedAnswer),
        g.map((x) => x.answerKey),
        g.map((x) => x.tokenCount),
        f.map((x) => x.boxedCount),
        f.map((x) => x.trimmedChars),
        f.map((x) => x.trimmedLength),
        f.map((x) => x.trimmedTokens),
        f.map((x) => x.problemTokens),
        f.map((x) => x.arithmeticError),
        setId,
      ],
    );
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
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
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
      const claimed = await claimBatch(importTaskId, setId, cursor);
      if (!claimed) return;
      cursor = Math.max(cursor, claimed.rows[claimed.rows.length - 1].id);
      let graded: GradedRow[];
      try {
        graded = grader.grade(
          claimed.rows.map((r) => ({ id: r.id, problemId: r.problem_id, problem: r.problem, gold: r.gold_answer, text: r.text })),
        );
      } catch (error) {
        await claimed.client.query("ROLLBACK").catch(() => {});
        claimed.client.release();
        throw error;
      }
      await writeBatch(claimed, graded, setId);
      total += graded.length;
      options.onGraded?.(graded.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  return total;
}
