// Batches that are queued, running or paused (the batches work's findRunningBatches) and, per
// minute of the last half hour, the samples they wrote (batch_minute_stats, kept by the samples
// triggers) and the requests that failed for good (batch_requests, served by its (batch_id, state)
// index; failures are few).
import { pool } from "@/lib/db/pool";
import { type BatchListItem, findRunningBatches } from "@/lib/generation/batches/find-batches";

export const ACTIVE_STATES = ["queued", "running", "paused"] as const;
export const THROUGHPUT_MINUTES = 30;
/** Where the launch button and batch names lead (routes of the batches pages). */
export const BATCH_LAUNCH_PATH = "/batches/new";
export const batchPath = (id: number) => `/batches/${id}`;

export interface MinuteThroughput {
  /** 0 = the current minute. */
  minutesAgo: number;
  samples: number;
  failed: number;
}

export interface ActiveBatch extends BatchListItem {
  state: (typeof ACTIVE_STATES)[number];
  throughput: MinuteThroughput[];
}

/** At most this many batches on the dashboard (newest first); /batches lists them all. */
const LIMIT = 10;

export async function findActiveBatches(): Promise<ActiveBatch[]> {
  const batches = (await findRunningBatches({ includePaused: true })).slice(0, LIMIT);
  if (batches.length === 0) return [];
  const throughput = await findThroughput(batches.map((b) => b.id));
  return batches.map((b) => ({ ...b, state: b.state as ActiveBatch["state"], throughput: throughput.get(b.id) ?? [] }));
}

/**
 * Per-minute samples and failures of the batches over the last THROUGHPUT_MINUTES, zero-filled,
 * oldest first. Minutes are counted back from the database clock, in the database's own time
 * zone (the one created_at was written in), so no client clock or zone enters.
 */
export async function findThroughput(batchIds: number[]): Promise<Map<number, MinuteThroughput[]>> {
  const { rows } = await pool().query<{ batch_id: number; minutes_ago: number; samples: number; failed: number }>(
    `WITH now_minute AS (SELECT date_trunc('minute', localtimestamp) AS m),
     series AS (
       SELECT b.id AS batch_id, g AS minutes_ago, (SELECT m FROM now_minute) - g * interval '1 minute' AS minute
       FROM unnest($1::int[]) b(id), generate_series(0, $2 - 1) g),
     failed AS (
       SELECT batch_id, date_trunc('minute', updated_at) AS minute, count(*)::int AS failed FROM batch_requests
       WHERE batch_id = ANY($1::int[]) AND state = 'failed' AND updated_at >= (SELECT m FROM now_minute) - ($2 - 1) * interval '1 minute'
       GROUP BY 1, 2)
     SELECT s.batch_id, s.minutes_ago, COALESCE(m.samples, 0) AS samples, COALESCE(f.failed, 0) AS failed
     FROM series s
     LEFT JOIN batch_minute_stats m ON m.batch_id = s.batch_id AND m.minute = s.minute
     LEFT JOIN failed f ON f.batch_id = s.batch_id AND f.minute = s.minute
     ORDER BY s.batch_id, s.minutes_ago DESC`,
    [batchIds, THROUGHPUT_MINUTES],
  );
  const result = new Map<number, MinuteThroughput[]>();
  for (const r of rows) {
    const list = result.get(r.batch_id) ?? [];
    list.push({ minutesAgo: r.minutes_ago, samples: r.samples, failed: r.failed });
    result.set(r.batch_id, list);
  }
  return result;
}
