// Batches that failed recently (every request failed), with the reason, for the dashboard: a batch
// that ends without a single result must be seen, not read as "completed". Served by the index on
// generation_batches(state); failed batches are few.
import { pool } from "@/lib/db/pool";
import type { BatchStats } from "@/lib/generation/batches/batch-stats";
import { failureReason } from "@/lib/generation/batches/final-state";

export const FAILED_WINDOW_HOURS = 24;

export interface FailedBatch {
  id: number;
  name: string;
  kind: string;
  model: string;
  setName: string;
  failedCount: number;
  finishedAt: string | null;
  reason: string;
}

export async function findFailedBatches(limit = 5): Promise<FailedBatch[]> {
  const { rows } = await pool().query<{ id: number; name: string; kind: string; model: string; set_name: string; failed_count: number; finished_at: Date | null; stats: BatchStats }>(
    `SELECT b.id, b.name, b.kind::text, b.model, s.name AS set_name, b.failed_count, b.finished_at, b.stats
     FROM generation_batches b JOIN problem_sets s ON s.id = b.set_id
     WHERE b.state = 'failed' AND coalesce(b.finished_at, b.created_at) >= now() - make_interval(hours => $1)
     ORDER BY b.id DESC LIMIT $2`,
    [FAILED_WINDOW_HOURS, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    model: r.model,
    setName: r.set_name,
    failedCount: r.failed_count,
    finishedAt: r.finished_at?.toISOString() ?? null,
    reason: failureReason(r.stats ?? {}, r.failed_count) ?? "no request succeeded",
  }));
}
