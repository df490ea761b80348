// A new set's samples partition, made by the import that creates the set (the "new-set load"):
// its rows are COPY'd FREEZE into a bare table created in the import's transaction, its indexes
// are built afterwards in one sorted pass each, and the table is attached to `samples` before
// COMMIT. Keeping 13 indexes and a trigram GIN up row by row cost an import ~16 plain COPYs;
// building them once costs a fraction of that (`npm run bench -- io`). The SQL side (names,
// index statements, the attach and its aggregates) lives in the migration
// 20261202000000_samples_partitioned_by_set, so the trigger that makes partitions for every
// other new set and this path cannot drift apart.
//
// Locks: the bare table is private to the transaction until COMMIT; ATTACH takes SHARE UPDATE
// EXCLUSIVE on `samples`, which readers and writers of other sets do not wait for, and nothing on
// the tables samples refers to (its references are kept by triggers, not foreign keys: see the
// migration for the deadlock foreign keys would bring).
import type { PoolClient } from "pg";
import type { Provenance } from "@/lib/datasets/formats/dataset-format";

/** Solutions up to this many get their search index inside the import; more, in the background. */
export const INLINE_SEARCH_INDEX_MAX = 50_000;

/** Runs `create` (which inserts the set) with the set's partition left to the caller. */
export async function withPartitionDeferred<T>(client: PoolClient, create: () => Promise<T>): Promise<T> {
  await client.query("SET LOCAL boxed.defer_samples_partition = 'on'");
  try {
    return await create();
  } finally {
    await client.query("SET LOCAL boxed.defer_samples_partition = 'off'");
  }
}

export async function partitionName(client: Pick<PoolClient, "query">, setId: number): Promise<string> {
  const { rows } = await client.query<{ name: string }>("SELECT boxed_samples_partition_name($1) AS name", [setId]);
  return rows[0].name;
}

/** Creates the detached, unindexed table the load copies into; returns its name. */
export async function createBarePartition(client: PoolClient, setId: number): Promise<string> {
  const { rows } = await client.query<{ name: string }>("SELECT boxed_create_bare_samples_partition($1) AS name", [setId]);
  return rows[0].name;
}

/** Builds every index `samples` has on the loaded table, reporting before the first and after each. */
export async function buildPartitionIndexes(client: PoolClient, setId: number, onBuilt?: (built: number, total: number, name: string) => void): Promise<void> {
  const { rows } = await client.query<{ name: string; ddl: string }>("SELECT name, ddl FROM boxed_samples_partition_index_ddl($1)", [setId]);
  // A one-pass build sorts in memory when it can; the setting ends with the transaction.
  await client.query("SET LOCAL maintenance_work_mem = '512MB'");
  if (rows[0]) onBuilt?.(0, rows.length, rows[0].name);
  for (const [i, index] of rows.entries()) {
    await client.query(index.ddl);
    onBuilt?.(i + 1, rows.length, index.name);
  }
}

/**
 * Checks the loaded rows' references, attaches the table to `samples` and adds its rows to the
 * insight aggregates: no trigger fires for attached rows. Loaded rows
 * are all ungraded, of no batch or model, without a token count; the loader counted them by
 * problem source and length bucket (LoadCounts.lengthBuckets).
 */
export async function attachPartition(client: PoolClient, setId: number, lengthBuckets: Map<string, number>, provenance: Provenance): Promise<void> {
  // What the insert trigger checks for `samples`, in one pass each: problems of this set, existing
  // batches and import tasks. Without its FOR KEY SHARE locks: every problem these rows name was
  // inserted by this transaction, invisible to anyone who could delete it (see the migration).
  // Statistics first: without them the check plans a million index probes into problems (4.7 s
  // per million rows measured) instead of one hash join (and the set's queries need them anyway).
  await client.query(`ANALYZE "${await partitionName(client, setId)}"`);
  await client.query("SELECT boxed_check_sample_references(quote_ident(boxed_samples_partition_name($1)))", [setId]);
  await client.query("SELECT boxed_attach_samples_partition($1)", [setId]);
  const keys = [...lengthBuckets.keys()].map((key) => key.split("\u0000"));
  await client.query(
    `INSERT INTO sample_stats AS t (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket, samples)
     SELECT $1, 0, '', b.source, $5::"Provenance", 'ungraded', '', b.bucket, -1, b.n FROM unnest($2::text[], $3::int[], $4::int[]) AS b(source, bucket, n)
     ORDER BY b.source, b.bucket
     ON CONFLICT (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket) DO UPDATE SET samples = t.samples + EXCLUDED.samples`,
    [setId, keys.map(([source]) => source), keys.map(([, bucket]) => Number(bucket)), [...lengthBuckets.values()], provenance],
  );
  // pass@k counts only graded generated solutions: loaded rows are ungraded, so they add nothing
  // until grading updates them (the update trigger counts them then).
}

/** Builds the set's substring-search index in this transaction (small sets). */
export async function buildSearchIndexNow(client: PoolClient, setId: number): Promise<void> {
  const { rows } = await client.query<{ sql: string }>("SELECT boxed_samples_search_index_sql($1, false) AS sql", [setId]);
  await client.query(rows[0].sql);
}
