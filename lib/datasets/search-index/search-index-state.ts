// Which sets' solutions can be searched through an index: each set's partition of `samples` has
// its own trigram index (migration 20261202000000), built with the set or, after a large import
// into a new set, by a background job (build-search-index.ts). A set without one is still
// searched, by reading its rows; the solutions page says so.
//
// A build in progress is seen by its advisory lock: the job's CREATE INDEX is not visible to
// other sessions until it commits. An index present but invalid (left by a killed CONCURRENTLY
// build of an earlier version) also counts as being built: the next job drops and rebuilds it.
import { pool } from "@/lib/db/pool";

// Any constant works; it only namespaces the build's per-set advisory locks.
export const SEARCH_INDEX_LOCK_SPACE = 4_102_026;

export type SearchIndexState = "ready" | "building" | "missing";

export interface SetSearchIndex {
  setId: number;
  setName: string;
  state: SearchIndexState;
}

// The index named by boxed_samples_search_index_sql: valid = ready; else building while a job
// holds the set's lock or an invalid index is left; else missing.
const STATE_SQL = `
  SELECT ps.id AS set_id, ps.name AS set_name,
         CASE WHEN x.indisvalid THEN 'ready' WHEN x.indexrelid IS NOT NULL OR b.objid IS NOT NULL THEN 'building' ELSE 'missing' END AS state
    FROM problem_sets ps
    LEFT JOIN (SELECT DISTINCT objid FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = ${SEARCH_INDEX_LOCK_SPACE}
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) b ON b.objid = ps.id::oid
    LEFT JOIN pg_class i ON i.relname = boxed_samples_partition_name(ps.id) || '_text_trgm'
                        AND i.relnamespace = current_schema()::regnamespace
    LEFT JOIN pg_index x ON x.indexrelid = i.oid`;

export async function searchIndexState(setId: number): Promise<SearchIndexState> {
  const { rows } = await pool().query<{ state: SearchIndexState }>(`${STATE_SQL} WHERE ps.id = $1`, [setId]);
  return rows[0]?.state ?? "missing";
}

/** Sets (all, or those given) whose solutions have no usable search index yet. */
export async function setsWithoutSearchIndex(setIds?: number[]): Promise<SetSearchIndex[]> {
  const { rows } = await pool().query<{ set_id: number; set_name: string; state: SearchIndexState }>(
    `SELECT * FROM (${STATE_SQL}${setIds ? " WHERE ps.id = ANY($1::int[])" : ""}) s WHERE state <> 'ready' ORDER BY set_id`,
    setIds ? [setIds] : [],
  );
  return rows.map((r) => ({ setId: r.set_id, setName: r.set_name, state: r.state }));
}
