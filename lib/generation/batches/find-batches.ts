// Batch lists: the /batches page and `boxed batch list` (newest first, keyset on id), and the
// running batches the dashboard shows (state index; a handful of rows).
import { pool } from "@/lib/db/pool";

export interface BatchListItem {
  id: number;
  name: string;
  kind: string;
  state: string;
  setName: string;
  model: string;
  requestCount: number;
  doneCount: number;
  failedCount: number;
  correctCount: number;
  createdAt: string;
}

const SELECT = `SELECT b.id, b.name, b.kind::text, b.state::text, s.name AS set_name, b.model, b.request_count, b.done_count, b.failed_count, b.correct_count, b.created_at
                FROM generation_batches b JOIN problem_sets s ON s.id = b.set_id`;

type Row = { id: number; name: string; kind: string; state: string; set_name: string; model: string; request_count: number; done_count: number; failed_count: number; correct_count: number; created_at: Date };

const toItem = (r: Row): BatchListItem => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  state: r.state,
  setName: r.set_name,
  model: r.model,
  requestCount: r.request_count,
  doneCount: r.done_count,
  failedCount: r.failed_count,
  correctCount: r.correct_count,
  createdAt: r.created_at.toISOString(),
});

export async function listBatches(options: { beforeId?: number; limit?: number } = {}): Promise<{ items: BatchListItem[]; nextBeforeId: number | null }> {
  const limit = Math.min(200, options.limit ?? 50);
  const { rows } = await pool().query<Row>(`${SELECT} WHERE ($1::int IS NULL OR b.id < $1) ORDER BY b.id DESC LIMIT $2`, [options.beforeId ?? null, limit + 1]);
  const items = rows.slice(0, limit).map(toItem);
  return { items, nextBeforeId: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** Batches workers are on or will pick up (queued, running), plus paused ones when asked. */
export async function findRunningBatches(options: { includePaused?: boolean } = {}): Promise<BatchListItem[]> {
  const states = options.includePaused ? ["queued", "running", "paused"] : ["queued", "running"];
  const { rows } = await pool().query<Row>(`${SELECT} WHERE b.state = ANY($1::"BatchState"[]) ORDER BY b.id DESC LIMIT 100`, [states]);
  return rows.map(toItem);
}
