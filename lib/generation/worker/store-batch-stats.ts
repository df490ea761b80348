// Merges display tallies into generation_batches.stats under the batch row's lock (read, merge,
// write in one short transaction), with a throughput checkpoint at the current done count.
// Runners call it at most once a second and before they stop; the counters themselves are
// written with the rows (write-results.ts), so these tallies are for the live page only.
import type pg from "pg";
import { type BatchStats, mergeStats, type StatsDelta } from "@/lib/generation/batches/batch-stats";
import { inTransaction } from "@/lib/db/in-transaction";

export async function storeBatchStats(batchId: number, delta: StatsDelta, client?: pg.PoolClient): Promise<void> {
  const write = async (db: pg.PoolClient) => {
    const { rows } = await db.query<{ stats: BatchStats; done_count: number }>(`SELECT stats, done_count FROM generation_batches WHERE id = $1 FOR UPDATE`, [batchId]);
    const row = rows[0];
    if (!row) return;
    await db.query(`UPDATE generation_batches SET stats = $2 WHERE id = $1`, [batchId, JSON.stringify(mergeStats(row.stats ?? {}, delta, { at: Date.now(), done: row.done_count }))]);
  };
  if (client) await write(client);
  else await inTransaction(write);
}

export function isEmptyDelta(delta: StatsDelta): boolean {
  return Object.values(delta).every((value) => value === undefined || value === 0 || (Array.isArray(value) && value.length === 0));
}
