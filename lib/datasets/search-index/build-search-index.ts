// Builds one set's substring-search index (trigram GIN on its solutions) on the set's own
// partition, with PostgreSQL's own progress (pg_stat_progress_create_index) copied into the Task
// row every second, so the CLI and the upload page show a bar with rate and ETA. Idempotent and
// safe to run twice at once: a per-set advisory lock makes a second build wait for the first and
// then find the index ready (the lock is also how others see the build: search-index-state.ts).
//
// A plain CREATE INDEX, not CONCURRENTLY, in parallel. CONCURRENTLY's second and third passes
// (every (trigram, row) entry of the new index read back and sorted, then the table scanned
// again) cost a third of the build, and it was the one step of a 14M-row release over its target
// (`npm run bench -- load`). The plain build takes SHARE on the set's partition only: every page
// and every query reads on (SHARE does not conflict with readers, nor do writers queued behind
// it), other sets are written as usual, and only writes to this set's solutions (a review, a bulk
// action) wait until it ends. The job runs after grading, when nothing else writes the set. A
// killed build leaves nothing (it is one transaction), except an invalid index left by a killed
// CONCURRENTLY build of an earlier version, which is dropped and built again.
import type { PoolClient } from "pg";
import { finishTask, markTaskRunning, updateTaskProgress } from "@/lib/datasets/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { SEARCH_INDEX_LOCK_SPACE, searchIndexState } from "@/lib/datasets/search-index/search-index-state";

export interface SearchIndexProgress {
  phase: string;
  /** Blocks of the set's table read so far (the build's long phase), of `total`. */
  done: number;
  total: number | null;
}

interface ProgressRow {
  phase: string;
  blocks_total: string;
  blocks_done: string;
}

/** Memory for the build, shared by the leader and its workers (each gets its part for entries). */
export const SEARCH_INDEX_MAINTENANCE_WORK_MEM = "1GB";
/** Parallel workers besides the leader: PostgreSQL 18 builds GIN indexes in parallel. On 2 cores
 * two workers and the leader keep both busy (the leader also merges what the workers sorted). */
export const SEARCH_INDEX_PARALLEL_WORKERS = 2;

async function build(client: PoolClient, setId: number, onProgress: (p: SearchIndexProgress) => Promise<void>): Promise<number> {
  const { rows } = await client.query<{ build: string; name: string; blocks: string }>(
    `SELECT boxed_samples_search_index_sql($1, false) AS build, boxed_samples_partition_name($1) AS name,
            pg_relation_size(boxed_samples_partition_name($1)::regclass) / current_setting('block_size')::int AS blocks`,
    [setId],
  );
  const { name } = rows[0];
  const blocks = Number(rows[0].blocks);
  // A CONCURRENTLY build killed halfway leaves an invalid index that IF NOT EXISTS would take as done.
  if (await invalidIndexLeft(client, name)) await client.query(`DROP INDEX CONCURRENTLY IF EXISTS "${name}_text_trgm"`);
  const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
  const report = async () => {
    const progress = await pool().query<ProgressRow>("SELECT phase, blocks_total, blocks_done FROM pg_stat_progress_create_index WHERE pid = $1", [pid]);
    const row = progress.rows[0];
    if (row) await onProgress({ phase: row.phase, done: Number(row.blocks_done), total: Number(row.blocks_total) || blocks || null });
  };
  const timer = setInterval(() => void report().catch(() => {}), 1000);
  try {
    // A GIN build collects entries in maintenance_work_mem and sorts and merges them when it
    // fills: the default 64 MB makes a large build several times slower. Session settings, so a
    // server of the user's own with max_parallel_maintenance_workers = 0 still builds in parallel
    // (up to its max_worker_processes).
    await client.query(`SET maintenance_work_mem = '${SEARCH_INDEX_MAINTENANCE_WORK_MEM}'`);
    await client.query(`SET max_parallel_maintenance_workers = ${SEARCH_INDEX_PARALLEL_WORKERS}`);
    await client.query(rows[0].build);
  } finally {
    clearInterval(timer);
    await client.query("RESET maintenance_work_mem").catch(() => {});
    await client.query("RESET max_parallel_maintenance_workers").catch(() => {});
  }
  return blocks;
}

async function invalidIndexLeft(client: PoolClient, partition: string): Promise<boolean> {
  const { rows } = await client.query<{ invalid: boolean }>(
    `SELECT NOT x.indisvalid AS invalid FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid
      WHERE i.relname = $1 AND i.relnamespace = current_schema()::regnamespace`,
    [`${partition}_text_trgm`],
  );
  return rows[0]?.invalid === true;
}

// Polled, not waited for: DROP INDEX CONCURRENTLY (of an index left invalid) waits for every
// transaction with a snapshot to end, and a session blocked inside pg_advisory_lock is such a
// transaction (a deadlock).
async function takeLock(client: PoolClient, setId: number): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS ok", [SEARCH_INDEX_LOCK_SPACE, setId]);
    if (rows[0].ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function buildSearchIndex(setId: number, options: { taskId?: number; onProgress?: (p: SearchIndexProgress) => void } = {}): Promise<"built" | "already-there"> {
  const { taskId, onProgress } = options;
  if (taskId) await markTaskRunning(taskId);
  // A connection of its own, in autocommit: the build commits alone, and DROP INDEX CONCURRENTLY
  // refuses to run in a transaction block.
  const client = await pool().connect();
  try {
    await takeLock(client, setId);
    try {
      if ((await searchIndexState(setId)) === "ready") {
        if (taskId) await finishTask(taskId, { state: "completed", message: "search index built" });
        return "already-there";
      }
      const blocks = await build(client, setId, async (p) => {
        onProgress?.(p);
        if (taskId) await updateTaskProgress(taskId, { done: p.done, total: p.total, message: p.phase });
      });
      if (taskId) await finishTask(taskId, { state: "completed", done: blocks, total: blocks, message: "search index built" });
      onProgress?.({ phase: "done", done: blocks, total: blocks });
      return "built";
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, $2)", [SEARCH_INDEX_LOCK_SPACE, setId]).catch(() => {});
    }
  } catch (error) {
    if (taskId) await finishTask(taskId, { state: "failed", error: error instanceof Error ? error.message : String(error) }).catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
