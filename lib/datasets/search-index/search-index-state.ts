// Which sets' solutions can be searched through an index: each set's partition of `samples` has
// its own trigram index (migration 20261202000000), built with the set or, after a large import
// into a new set, by a background job (build-search-index.ts). A set without one is still
// searched, by reading its rows; the solutions page says so.
import { pool } from "@/lib/db/pool";

export type SearchIndexState = "ready" | "building" | "missing";

export interface SetSearchIndex {
  setId: number;
  setName: string;
  state: SearchIndexState;
}

// The index named by boxed_samples_search_index_sql: valid = ready, present but invalid = being
// built concurrently (or left invalid by a killed build, which the job drops and rebuilds).
const STATE_SQL = `
  SELECT ps.id AS set_id, ps.name AS set_name,
         CASE WHEN x.indexrelid IS NULL THEN 'missing' WHEN x.indisvalid THEN 'ready' ELSE 'building' END AS state
    FROM problem_sets ps
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
