// Builds one set's substring-search index (trigram GIN on its solutions) without blocking the
// set's writers: CREATE INDEX CONCURRENTLY on the set's partition, with PostgreSQL's own progress
// (pg_stat_progress_create_index) copied into the Task row every second, so the CLI and the
// upload page show a bar with rate and ETA. Idempotent: a ready index is left alone, and one left
// invalid by a killed build is dropped and built again.
import { finishTask, markTaskRunning, updateTaskProgress } from "@/lib/datasets/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { searchIndexState } from "@/lib/datasets/search-index/search-index-state";

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

export async function buildSearchIndex(setId: number, options: { taskId?: number; onProgress?: (p: SearchIndexProgress) => void } = {}): Promise<"built" | "already-there"> {
  const { taskId, onProgress } = options;
  if (taskId) await markTaskRunning(taskId);
  try {
    const state = await searchIndexState(setId);
    if (state === "ready") {
      if (taskId) await finishTask(taskId, { state: "completed", message: "the search index was already there" });
      return "already-there";
    }
    const { rows } = await pool().query<{ build: string; name: string; blocks: string }>(
      `SELECT boxed_samples_search_index_sql($1, true) AS build, boxed_samples_partition_name($1) AS name,
              pg_relation_size(boxed_samples_partition_name($1)::regclass) / current_setting('block_size')::int AS blocks`,
      [setId],
    );
    const { build, name, blocks } = rows[0];
    // A connection of its own, in autocommit: CONCURRENTLY refuses to run in a transaction block.
    const client = await pool().connect();
    try {
      // A build killed halfway leaves an invalid index that IF NOT EXISTS would take as done.
      if (state === "building") await client.query(`DROP INDEX CONCURRENTLY IF EXISTS "${name}_text_trgm"`);
      const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
      const report = async () => {
        const progress = await pool().query<ProgressRow>("SELECT phase, blocks_total, blocks_done FROM pg_stat_progress_create_index WHERE pid = $1", [pid]);
        const row = progress.rows[0];
        if (!row) return;
        const p = { phase: row.phase, done: Number(row.blocks_done), total: Number(row.blocks_total) || Number(blocks) || null };
        onProgress?.(p);
        if (taskId) await updateTaskProgress(taskId, { done: p.done, total: p.total, message: p.phase });
      };
      const timer = setInterval(() => void report().catch(() => {}), 1000);
      try {
        // A GIN build collects entries in maintenance_work_mem and merges when it fills: the
        // default 64 MB makes a large build several times slower.
        await client.query("SET maintenance_work_mem = '512MB'");
        await client.query(build);
      } finally {
        clearInterval(timer);
        await client.query("RESET maintenance_work_mem").catch(() => {});
      }
    } finally {
      client.release();
    }
    if (taskId) await finishTask(taskId, { state: "completed", done: Number(blocks), total: Number(blocks), message: "search index built" });
    onProgress?.({ phase: "done", done: Number(blocks), total: Number(blocks) });
    return "built";
  } catch (error) {
    if (taskId) await finishTask(taskId, { state: "failed", error: error instanceof Error ? error.message : String(error) }).catch(() => {});
    throw error;
  }
}
