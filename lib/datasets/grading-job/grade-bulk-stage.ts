// The bulk path's first half (grade-bulk-swap.ts is the second): graders read the rows to grade in
// id order and COPY their results into an UNLOGGED staging table of the grading Task, committing
// unit by unit. Nothing in `samples` changes yet, so nothing is locked and no trigger fires.
// The rows are cut into units of UNIT_IDS consecutive ids; process `share` of `shares` takes the
// units u with u % shares == share, so no row is read by two processes, and a row already staged
// (by a run that crashed or was stopped) is skipped: progress is the rows staged. Crash recovery
// empties an unlogged table: the run then starts over, still correct.
import type { PoolClient } from "pg";
import { GRADED_COLUMNS, type GradeRowsOptions, toRowsToGrade, type UngradedRow } from "@/lib/datasets/grading-job/grade-import-rows";
import { ImportRowGrader } from "@/lib/datasets/grading-job/grade-rows";
import type { CopyColumn } from "@/lib/datasets/import/copy-binary";
import { CopyWriter } from "@/lib/datasets/import/copy-writer";
import { pool } from "@/lib/db/pool";

const UNIT_IDS = 1_000;

/** The staging table of one grading Task. */
export const stagingTable = (gradingTaskId: number) => `grading_stage_${gradingTaskId}`;

/** What a process of a bulk run grades: its share of the id range [lo, hi] of the rows to grade. */
export interface StageShare {
  stage: string;
  lo: number;
  hi: number;
  share: number;
  shares: number;
  /** Rows were staged before this run (a stopped run): each unit skips those. */
  resuming: boolean;
}

export async function createStagingTable(stage: string): Promise<void> {
  const columns = GRADED_COLUMNS.map(([column, type]) => `${column} ${type === "int" ? "integer" : "text"}`).join(", ");
  // graded_at as the UPDATE path sets it: when the row's grade was committed.
  await pool().query(`CREATE UNLOGGED TABLE IF NOT EXISTS "${stage}" (id integer PRIMARY KEY, ${columns}, graded_at timestamp(3) NOT NULL DEFAULT now())`);
}

/** Rows staged so far; 0 when the table does not exist (nothing staged, or gone with its swap). */
export async function stagedRows(stage: string): Promise<number> {
  const { rows } = await pool().query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [stage]);
  if (!rows[0]?.exists) return 0;
  const counted = await pool().query<{ n: string }>(`SELECT count(*) AS n FROM "${stage}"`);
  return Number(counted.rows[0].n);
}

const STAGED_COLUMNS: CopyColumn[] = [{ name: "id", type: "int4" }, ...GRADED_COLUMNS.map(([name, type]): CopyColumn => ({ name, type: type === "int" ? "int4" : "text" }))];

/** Grades one unit's rows not yet staged and COPYs the results in; returns the rows staged. */
async function stageUnit(client: PoolClient, grader: ImportRowGrader, importTaskId: number, setId: number, stage: string, resuming: boolean, from: number, to: number): Promise<number> {
  const { rows: unit } = await client.query<UngradedRow>(
    `SELECT s.id, s.problem_id, s.text, p.text AS problem, p.gold_answer
       FROM samples s JOIN problems p ON p.id = s.problem_id
      WHERE s.set_id = $1 AND s.import_task_id = $2 AND s.verdict = 'ungraded' AND s.id >= $3 AND s.id < $4
      ORDER BY s.id`,
    [setId, importTaskId, from, to],
  );
  // Rows a stopped run staged are skipped. Looked up by key range, not joined: the staging table
  // has no statistics while it fills, and an anti-join planned without them scans it whole.
  let rows = unit;
  if (resuming && unit.length > 0) {
    const { rows: done } = await client.query<{ id: number }>(`SELECT id FROM "${stage}" WHERE id >= $1 AND id < $2`, [from, to]);
    const staged = new Set(done.map((r) => r.id));
    if (staged.size > 0) rows = unit.filter((r) => !staged.has(r.id));
  }
  if (rows.length === 0) return 0;
  const graded = grader.grade(toRowsToGrade(rows));
  await client.query("BEGIN");
  try {
    // A unit lost in a crash is simply graded again: no commit waits for the disk.
    await client.query("SET LOCAL synchronous_commit = off");
    const writer = new CopyWriter(client, { table: stage, columns: STAGED_COLUMNS });
    for (const row of graded) await writer.write([row.id, ...GRADED_COLUMNS.map(([, , value]) => value(row))]);
    await writer.end();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  return graded.length;
}

/**
 * Grades this process's share of the rows into the staging table, two units in flight (one is
 * written by PostgreSQL while the next is graded here). Returns the rows staged by this call.
 */
export async function stageImportRows(importTaskId: number, setId: number, share: StageShare, options: GradeRowsOptions): Promise<number> {
  const grader = new ImportRowGrader(options.generated);
  let unit = share.share;
  let total = 0;
  let failed = false;
  const lane = async () => {
    const client = await pool().connect();
    try {
      for (;;) {
        const from = share.lo + unit * UNIT_IDS;
        // The other lane stops too when one fails: a retry must not race a lane still staging.
        if (from > share.hi || failed) return;
        unit += share.shares;
        const staged = await stageUnit(client, grader, importTaskId, setId, share.stage, share.resuming, from, Math.min(from + UNIT_IDS, share.hi + 1));
        if (staged === 0) continue;
        total += staged;
        options.onGraded?.(staged);
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      client.release();
    }
  };
  // Every lane settled before this returns or throws: a retry must find no unit still being written.
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  const failure = lanes.find((l) => l.status === "rejected");
  if (failure) throw failure.reason;
  return total;
}
