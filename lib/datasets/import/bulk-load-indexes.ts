// Bulk loading (`boxed import --bulk`): the pg_restore pattern inside the import's own transaction.
// The indexes that keep search and sorting fast but are not needed to load correctly — the
// non-unique indexes of samples and the trigram index on problems.text — are dropped before the
// rows go in and built again, each in one pass, before COMMIT. Building an index in one pass is
// several times cheaper than keeping it up row by row (`npm run bench -- import-cost`: 1.9x faster
// end to end at 100,000 rows). Keys, unique indexes, foreign keys and triggers stay, so nothing a
// load relies on changes. The price: DROP INDEX holds an exclusive lock on problems and samples
// until COMMIT, so every other reader and writer of those tables waits for the whole import. A
// failure rolls the drops back with the rows: the indexes are never left missing.
import type pg from "pg";

export interface SetAsideIndex {
  name: string;
  definition: string;
}

// Read from the catalog, not listed here, so a migration that adds an index is covered as it is.
const DEFERRABLE_INDEXES_SQL = `
  SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
   WHERE NOT x.indisunique AND NOT x.indisprimary
     AND (t.relname = 'samples' OR (t.relname = 'problems' AND i.relname = 'problems_text_trgm'))
   ORDER BY i.relname`;

/** Drops the deferrable indexes inside the caller's transaction and returns how to build them again. */
export async function setAsideIndexes(client: pg.PoolClient): Promise<SetAsideIndex[]> {
  const { rows } = await client.query<SetAsideIndex>(DEFERRABLE_INDEXES_SQL);
  for (const index of rows) await client.query(`DROP INDEX ${quoteIdent(index.name)}`);
  return rows;
}

/** Builds the set-aside indexes again, one pass each, reporting after each one. */
export async function rebuildIndexes(client: pg.PoolClient, indexes: SetAsideIndex[], onBuilt?: (built: number, total: number, name: string) => void): Promise<void> {
  // Sorting in memory is what makes a one-pass build fast; the setting ends with the transaction.
  await client.query("SET LOCAL maintenance_work_mem = '512MB'");
  if (indexes[0]) onBuilt?.(0, indexes.length, indexes[0].name);
  for (const [i, index] of indexes.entries()) {
    await client.query(index.definition);
    onBuilt?.(i + 1, indexes.length, index.name);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
