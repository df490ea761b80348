// The bulk path's second half: once every row is staged (grade-bulk-stage.ts), ONE transaction
// builds the set's graded partition as a new table (the old rows with the staged columns joined
// in), builds its indexes in one sorted pass each, moves the insight aggregates and the counters
// exactly as the UPDATE path's triggers and statements would have, and swaps the table in place
// of the old partition (migration 20261206120000_bulk_grading_swap).
//
// Locks: the old partition is locked in SHARE mode while the copy is built: readers keep reading
// it, writers of this set wait (a delete or a review can then not slip between the copy and the
// swap). The swap itself (DETACH, DROP, RENAME, ATTACH) needs ACCESS EXCLUSIVE on `samples`; it
// runs last, under a short lock timeout in a savepoint, retried until the readers in its way have
// finished. A writer of this set waiting for our SHARE lock holds its lock on `samples` and would
// deadlock the swap: such writers are cancelled (their statement fails, nothing of theirs is lost
// but the statement), see cancelWritersWaitingOnUs.
//
// Rows that changed after they were staged: only rows still 'ungraded' take the staged grade (a
// row graded meanwhile keeps its verdict); a row deleted meanwhile is simply not in the old
// partition; every other column (a review status set meanwhile) comes from the old partition.
import type { PoolClient } from "pg";
import { GRADED_COLUMNS } from "@/lib/datasets/grading-job/grade-import-rows";
import { SEARCH_INDEX_MAINTENANCE_WORK_MEM, SEARCH_INDEX_PARALLEL_WORKERS } from "@/lib/datasets/search-index/build-search-index";
import { pool } from "@/lib/db/pool";
import { FILTER_INPUTS_VERSION } from "@/lib/grading/filters/filter-inputs";

/** The graded copy's name while it is built: as long as the partition's, so its index names are too. */
const graftName = (setId: number) => `samples_new_${setId}`;

export type BuildStep = "copying" | "indexing" | "aggregates" | "swapping";

export interface SwapOptions {
  /** Called as the build moves on (and between indexes); awaited, inside the transaction. */
  onStep?: (step: BuildStep, detail: string) => Promise<void> | void;
  /**
   * The set's search index, when the old partition has one: rebuilt on the graded table in the
   * transaction (true, the default), or left out because the caller builds it after grading (the
   * grade-import job of a large import queues that build anyway): a trigram build of the full
   * release costs far more than grading it.
   */
  keepSearchIndex?: boolean;
  /** Ids per statement moving the aggregates (tests make it small). */
  aggregateChunkIds?: number;
  /** Lock timeout of one swap attempt. */
  swapLockTimeoutMs?: number;
  /** Swap attempts before giving up (the whole build is then rolled back; the staged rows stay). */
  swapAttempts?: number;
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The graded copy's SELECT list: every column of samples in order, the staged ones from `g` when the row was graded. */
async function graftColumns(client: PoolClient): Promise<{ columns: string[]; select: string[] }> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT attname AS name FROM pg_attribute WHERE attrelid = 'samples'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
  );
  const staged = new Map<string, string>(GRADED_COLUMNS.map(([column]) => [column, column === "verdict" ? `g.verdict::"Verdict"` : `g.${column}`]));
  staged.set("graded_at", "g.graded_at");
  staged.set("filter_version", `${FILTER_INPUTS_VERSION}::smallint`);
  const columns = rows.map((r) => quoted(r.name));
  const select = rows.map((r) => {
    const value = staged.get(r.name);
    return value ? `CASE WHEN g.id IS NULL THEN o.${quoted(r.name)} ELSE ${value} END` : `o.${quoted(r.name)}`;
  });
  return { columns, select };
}

/**
 * The partition and the staging table are joined on id, both read in id order through their
 * keys (the partition's rows lie in id order: the import COPY'd them so) and merged. A hash join
 * would hash the staged rows (~150 bytes each: past work_mem for a large set) and then write
 * every row of the partition, text included, to temporary files, one batch at a time: at the
 * release's size ~20 GB of temporary files on top of the copy being built.
 */
async function mergeJoinsById(client: PoolClient, only: boolean): Promise<void> {
  for (const setting of ["enable_hashjoin", "enable_nestloop", "enable_sort"]) await client.query(`SET LOCAL ${setting} = ${only ? "off" : "on"}`);
}

/**
 * The staged grades that apply (rows still ungraded), old and new values side by side, in a
 * temporary table: the aggregates and counters are moved from it.
 */
async function collectApplied(client: PoolClient, partition: string, stage: string): Promise<number> {
  const { rowCount } = await client.query(
    `CREATE TEMP TABLE boxed_applied_grades ON COMMIT DROP AS
     SELECT o.id, o.problem_id, o.set_id, o.batch_id, o.model, o.provenance, o.char_length, o.created_at,
            o.verdict AS o_verdict, o.verdict_rule AS o_verdict_rule, o.token_count AS o_token_count, o.answer_key AS o_answer_key,
            g.verdict::"Verdict" AS verdict, g.verdict_rule, g.token_count, g.answer_key
       FROM ${quoted(partition)} o JOIN ${quoted(stage)} g ON g.id = o.id
      WHERE o.verdict = 'ungraded'`,
  );
  // Temporary tables are never analyzed by autovacuum: the aggregates' plans need its size.
  await client.query("ANALYZE boxed_applied_grades");
  return rowCount ?? 0;
}

/** Graded rows whose aggregates move in one statement: its two change rows per graded row stay in memory (~300 MB at most). */
const AGGREGATE_CHUNK_IDS = 1_000_000;

/**
 * What the UPDATE path's statements and triggers would have moved for the applied rows: the sample
 * aggregates by the triggers' own statement (boxed_sample_stats_sql: sample_stats, answer classes,
 * batch minutes, pass counts and pass stats) fed the old rows with sign -1 and the new with +1,
 * chunk by chunk of ids as the UPDATE path's batches feed it (the aggregates add up, and the pass
 * stats move each problem from the counts it has to the new ones), then the set's graded/correct
 * counts and the problems' correct counts (whose own trigger moves problem_stats), in the UPDATE
 * path's order.
 */
async function moveAggregates(client: PoolClient, setId: number, chunkIds: number): Promise<void> {
  const changes = `SELECT a.problem_id, a.set_id, a.batch_id, a.model, a.provenance, v.verdict, v.verdict_rule, a.char_length, v.token_count,
         v.answer_key, a.created_at, v.sign
    FROM boxed_applied_grades a
    CROSS JOIN LATERAL (VALUES (a.o_verdict, a.o_verdict_rule, a.o_token_count, a.o_answer_key, -1),
                               (a.verdict, a.verdict_rule, a.token_count, a.answer_key, 1)) AS v(verdict, verdict_rule, token_count, answer_key, sign)
   WHERE a.id >= $1 AND a.id < $2`;
  const { rows } = await client.query<{ sql: string }>("SELECT boxed_sample_stats_sql($1) AS sql", [changes]);
  await client.query("CREATE INDEX ON boxed_applied_grades (id)");
  const { rows: range } = await client.query<{ lo: number | null; hi: number | null }>("SELECT min(id) AS lo, max(id) AS hi FROM boxed_applied_grades");
  const { lo, hi } = range[0];
  if (lo !== null && hi !== null) for (let from = lo; from <= hi; from += chunkIds) await client.query(rows[0].sql, [from, from + chunkIds]);
  await client.query(
    `UPDATE problem_sets SET graded_count = graded_count + c.graded, correct_count = correct_count + c.correct
       FROM (SELECT count(*)::int AS graded, (count(*) FILTER (WHERE verdict = 'equal'))::int AS correct FROM boxed_applied_grades) c
      WHERE id = $1`,
    [setId],
  );
  await client.query(
    `UPDATE problems SET correct_count = problems.correct_count + v.n
       FROM (SELECT problem_id, count(*)::int AS n FROM boxed_applied_grades WHERE verdict = 'equal' GROUP BY problem_id) v
      WHERE problems.id = v.problem_id`,
  );
}

/** Writers of this set queued behind our SHARE lock hold their lock on `samples`: the swap cannot wait them out. */
async function cancelWritersWaitingOnUs(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) FILTER (WHERE pg_cancel_backend(pid)) AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))",
  );
  return Number(rows[0].n);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function swapWithRetries(client: PoolClient, setId: number, graft: string, options: SwapOptions): Promise<void> {
  const attempts = options.swapAttempts ?? 300;
  for (let attempt = 1; ; attempt++) {
    await client.query("SAVEPOINT boxed_swap");
    try {
      await client.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(options.swapLockTimeoutMs ?? 2_000))}`);
      await client.query("SELECT boxed_swap_samples_partition($1, $2)", [setId, graft]);
      await client.query("SET LOCAL lock_timeout = 0");
      await client.query("RELEASE SAVEPOINT boxed_swap");
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      await client.query("ROLLBACK TO SAVEPOINT boxed_swap");
      // 55P03: lock timeout (readers in the way); 40P01: a writer waiting on us (deadlock).
      if ((code !== "55P03" && code !== "40P01") || attempt >= attempts) {
        if (code === "55P03" || code === "40P01") {
          throw new Error(`grading could not put the graded table of set #${setId} in place: other sessions kept "samples" busy through ${attempts} attempts; the staged grades are kept, run the grading again`);
        }
        throw error;
      }
      await cancelWritersWaitingOnUs(client);
      await sleep(Math.min(5_000, 200 * attempt));
    }
  }
}

async function partitionSize(setId: number): Promise<string> {
  const { rows } = await pool()
    .query<{ size: string }>("SELECT pg_size_pretty(pg_total_relation_size(to_regclass(boxed_samples_partition_name($1)))) AS size", [setId])
    .catch(() => ({ rows: [] as { size: string }[] }));
  return rows[0]?.size ?? "unknown size";
}

/**
 * Builds set `setId`'s graded partition from the old one and the staging table `stage`, swaps it
 * in and drops the staging table, all in one transaction. Returns the rows whose grade applied.
 */
export async function swapInGradedPartition(setId: number, stage: string, options: SwapOptions = {}): Promise<number> {
  const client = await pool().connect();
  let committed = false;
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ partition: string }>("SELECT boxed_samples_partition_name($1) AS partition", [setId]);
    const partition = rows[0].partition;
    const graft = graftName(setId);
    await client.query(`LOCK TABLE ${quoted(partition)} IN SHARE MODE`);
    // One sorted pass per index, in memory where it fits.
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    await client.query("SET LOCAL work_mem = '256MB'");
    await options.onStep?.("copying", "reading the staged grades");
    await mergeJoinsById(client, true);
    const applied = await collectApplied(client, partition, stage);
    await options.onStep?.("copying", `writing the graded table (${applied.toLocaleString("en-US")} rows graded)`);
    await client.query("SELECT boxed_create_bare_samples_table($1, $2)", [setId, graft]);
    const { columns, select } = await graftColumns(client);
    await client.query(
      `INSERT INTO ${quoted(graft)} (${columns.join(", ")})
       SELECT ${select.join(", ")} FROM ${quoted(partition)} o LEFT JOIN ${quoted(stage)} g ON g.id = o.id AND o.verdict = 'ungraded'`,
    );
    await mergeJoinsById(client, false);
    const { rows: indexes } = await client.query<{ name: string; ddl: string }>("SELECT name, ddl FROM boxed_samples_table_index_ddl($1, $2)", [setId, graft]);
    const { rows: trgm } = await client.query<{ sql: string | null }>(
      "SELECT CASE WHEN to_regclass(boxed_samples_partition_name($1) || '_text_trgm') IS NULL THEN NULL ELSE boxed_samples_table_search_index_sql($1, $2) END AS sql",
      [setId, graft],
    );
    const searchIndex = options.keepSearchIndex !== false ? trgm[0]?.sql : null;
    const statements = [...indexes.map((i) => i.ddl), ...(searchIndex ? [searchIndex] : [])];
    for (const [i, ddl] of statements.entries()) {
      await options.onStep?.("indexing", `index ${i + 1} of ${statements.length}`);
      // The search index with the settings of its own build job (build-search-index.ts says why).
      if (ddl === searchIndex) {
        await client.query(`SET LOCAL maintenance_work_mem = '${SEARCH_INDEX_MAINTENANCE_WORK_MEM}'`);
        await client.query(`SET LOCAL max_parallel_maintenance_workers = ${SEARCH_INDEX_PARALLEL_WORKERS}`);
      }
      await client.query(ddl);
    }
    await client.query(`ANALYZE ${quoted(graft)}`);
    await options.onStep?.("aggregates", "moving the insight aggregates and counters");
    await moveAggregates(client, setId, options.aggregateChunkIds ?? AGGREGATE_CHUNK_IDS);
    await options.onStep?.("swapping", "putting the graded table in place");
    await swapWithRetries(client, setId, graft, options);
    await client.query(`DROP TABLE ${quoted(stage)}`);
    await client.query("COMMIT");
    committed = true;
    return applied;
  } catch (error) {
    if ((error as { code?: string }).code === "53100") {
      throw new Error(
        `grading set #${setId} ran out of disk while writing its graded table: the rewrite needs room for a second copy of the set's solutions table and its indexes (${await partitionSize(setId)} now) until it ends. Nothing changed and the staged grades are kept (${stage}): free disk space and run the grading again, it resumes from them.`,
      );
    }
    throw error;
  } finally {
    if (!committed) await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}
