// Moves the statuses of a judge batch's problems from the answers the batch runner landed on
// their pairs (contamination_candidates.judge_forward/backward), over ALL of each problem's pairs:
// - any "True", in either order, on any pair → flagged (a person confirms);
// - else any failed answer (not a bare True/False, an error, a timeout) → judge_failed, which goes
//   to people and is never counted as clean (recipe section 6, step 4);
// - else the status stays (candidate, or clean for a pair below the retrieval threshold); a
//   judge_failed whose failed pairs were asked again and answered goes back to candidate.
// "Judged clean" is not a status: it is a candidate whose close pairs all have False in both
// orders (see docs/decontamination.md); only a person sets cleared. Idempotent; runs while the
// batch runs (the settle job) and once more at its end, when settleJudgeBatchStep writes the
// decontam.judge.settle entry in the transaction of that last settle (the settle job and
// `boxed decontam judge` alike).
import { recordAudit } from "@/lib/audit/record-audit";
import { inTransaction } from "@/lib/db/in-transaction";
import { pool } from "@/lib/db/pool";
import type { PgTransaction } from "@/lib/db/transaction";

export interface SettleOutcome {
  batchState: string;
  flagged: number;
  judgeFailed: number;
  backToCandidate: number;
}

export async function settleJudgeBatch(batchId: number, db: PgTransaction = pool()): Promise<SettleOutcome> {
  const { rows: batch } = await db.query<{ state: string }>(`SELECT state::text FROM generation_batches WHERE id = $1 AND kind = 'judge'`, [batchId]);
  const batchState = batch[0]?.state ?? "missing";
  const { rows } = await db.query<{ status: string; n: number }>(
    `WITH touched AS (SELECT DISTINCT problem_id FROM batch_requests WHERE batch_id = $1),
     agg AS (
       SELECT c.problem_id,
              bool_or(c.judge_forward = 'said_true' OR c.judge_backward = 'said_true') AS said_true,
              bool_or(c.judge_forward = 'failed' OR c.judge_backward = 'failed') AS failed
       FROM contamination_candidates c JOIN touched t ON t.problem_id = c.problem_id
       GROUP BY c.problem_id
     ), next AS (
       SELECT a.problem_id, CASE WHEN a.said_true THEN 'flagged' WHEN a.failed THEN 'judge_failed'
                                 WHEN p.contamination_status = 'judge_failed' THEN 'candidate' ELSE p.contamination_status::text END AS status
       FROM agg a JOIN problems p ON p.id = a.problem_id
       WHERE p.contamination_status IN ('clean', 'candidate', 'judge_failed')
     ), upd AS (
       UPDATE problems p SET contamination_status = next.status::"ContaminationStatus"
       FROM next WHERE p.id = next.problem_id AND p.contamination_status::text <> next.status
       RETURNING next.status
     )
     SELECT status, count(*)::int AS n FROM upd GROUP BY status`,
    [batchId],
  );
  const count = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { batchState, flagged: count("flagged"), judgeFailed: count("judge_failed"), backToCandidate: count("candidate") };
}

const FINISHED = new Set(["completed", "cancelled", "failed", "missing"]);

/** One settle: settle now; say whether to come back (the batch is still going); audit the last one with it. */
export async function settleJudgeBatchStep(batchId: number): Promise<SettleOutcome & { again: boolean }> {
  return inTransaction(async (client) => {
    const outcome = await settleJudgeBatch(batchId, client);
    const again = !FINISHED.has(outcome.batchState);
    if (!again) {
      const { rows } = await client.query<{ created_by_id: number | null; stats: { judge?: object } | null }>(`SELECT created_by_id, stats FROM generation_batches WHERE id = $1`, [batchId]);
      await recordAudit(
        { userId: rows[0]?.created_by_id ?? null, action: "decontam.judge.settle", objectType: "batch", objectId: batchId, details: { ...outcome, judge: rows[0]?.stats?.judge ?? null } },
        client,
      );
    }
    return { ...outcome, again };
  });
}
