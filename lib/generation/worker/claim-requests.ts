// Claims requests for one runner: one statement picks ready rows with FOR UPDATE SKIP LOCKED
// (workers never wait on each other, never take the same row), marks them in_flight with a
// lease and counts the attempt, and returns what the prompt needs. A lease that ran out (its
// worker died or lost the database) makes the row claimable again.
import { pool } from "@/lib/db/pool";

export interface ClaimedRequest {
  id: number;
  problemId: number;
  sampleIndex: number;
  attempts: number;
  candidateId: number | null;
  problemText: string;
  goldAnswer: string | null;
  source: string;
  /** Judge requests: the benchmark problem of the pair. */
  otherText: string | null;
}

/** A request row joined with its problem (and, for judge pairs, the benchmark problem). */
export interface ClaimedRequestRow {
  id: number;
  problem_id: number;
  sample_index: number;
  attempts: number;
  candidate_id: number | null;
  text: string;
  gold_answer: string | null;
  source: string;
  other_text: string | null;
}

const READY = {
  pending: `r.state = 'pending' AND (r.not_before IS NULL OR r.not_before <= now())`,
  expired: `r.state = 'in_flight' AND r.lease_until < now()`,
};

export async function claimRequests(batchId: number, limit: number, leaseMs: number, which: keyof typeof READY = "pending"): Promise<ClaimedRequest[]> {
  if (limit <= 0) return [];
  const { rows } = await pool().query<ClaimedRequestRow>(
    `WITH picked AS (
       SELECT r.id FROM batch_requests r
       WHERE r.batch_id = $1 AND ${READY[which]}
         AND EXISTS (SELECT 1 FROM generation_batches b WHERE b.id = $1 AND b.state IN ('queued', 'running'))
       LIMIT $2 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE batch_requests r SET state = 'in_flight', lease_until = now() + $3 * interval '1 millisecond', attempts = r.attempts + 1, updated_at = now()
       FROM picked WHERE r.id = picked.id
       RETURNING r.id, r.problem_id, r.sample_index, r.attempts, r.candidate_id
     )
     SELECT c.id, c.problem_id, c.sample_index, c.attempts, c.candidate_id, p.text, p.gold_answer, p.source, b.text AS other_text
     FROM claimed c
     JOIN problems p ON p.id = c.problem_id
     LEFT JOIN contamination_candidates cc ON cc.id = c.candidate_id
     LEFT JOIN problems b ON b.id = cc.benchmark_problem_id
     ORDER BY c.id`,
    [batchId, limit, leaseMs],
  );
  return rows.map(toClaimedRequest);
}

export function toClaimedRequest(r: ClaimedRequestRow): ClaimedRequest {
  return {
    id: r.id,
    problemId: r.problem_id,
    sampleIndex: r.sample_index,
    attempts: r.attempts,
    candidateId: r.candidate_id,
    problemText: r.text,
    goldAnswer: r.gold_answer,
    source: r.source,
    otherText: r.other_text,
  };
}

/** Keeps this runner's claims alive while it holds them (queued, in flight or awaiting the flush). */
export async function renewLeases(ids: number[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await pool().query(`UPDATE batch_requests SET lease_until = now() + $2 * interval '1 millisecond' WHERE id = ANY($1::int[]) AND state = 'in_flight'`, [ids, leaseMs]);
}

/** Gives back claims that were never sent (pause, cancel, end of a slice): not counted as attempts. */
export async function releaseClaims(ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await pool().query(
    `UPDATE batch_requests SET state = 'pending', lease_until = NULL, attempts = greatest(attempts - 1, 0), updated_at = now() WHERE id = ANY($1::int[]) AND state = 'in_flight'`,
    [ids],
  );
}

/**
 * A cancel turns pending requests into cancelled ones, but a runner may still hand back an unsent
 * claim or a failed attempt as pending right after it. Every runner of a cancelled batch sweeps
 * those on its way out, so the last one to stop leaves none. Returns how many it cancelled.
 */
export async function sweepCancelled(batchId: number): Promise<number> {
  const result = await pool().query(
    `UPDATE batch_requests SET state = 'cancelled', updated_at = now()
     WHERE batch_id = $1 AND state = 'pending' AND EXISTS (SELECT 1 FROM generation_batches WHERE id = $1 AND state = 'cancelled')`,
    [batchId],
  );
  return result.rowCount ?? 0;
}

export interface OpenWork {
  /** Pending now or later (backoff), or in flight anywhere. */
  open: number;
  /** Milliseconds until the earliest delayed retry, when only delayed ones remain. */
  nextReadyInMs: number | null;
}

/** Whether the batch still has unsettled requests (bounded: stops counting at 1). */
export async function findOpenWork(batchId: number): Promise<OpenWork> {
  const { rows } = await pool().query<{ open: boolean; next_ms: number | null }>(
    `SELECT EXISTS (SELECT 1 FROM batch_requests WHERE batch_id = $1 AND state IN ('pending', 'in_flight')) AS open,
            (SELECT greatest(0, EXTRACT(EPOCH FROM (min(not_before) - now())) * 1000)::float FROM
              (SELECT not_before FROM batch_requests WHERE batch_id = $1 AND state = 'pending' AND not_before > now() LIMIT 1000) d) AS next_ms`,
    [batchId],
  );
  return { open: rows[0]?.open ? 1 : 0, nextReadyInMs: rows[0]?.next_ms ?? null };
}
