-- Bulk grading (docs/datasets.md, "Grading a large import: the rewrite"): a grading run that
-- covers most of a large set stages its results in an unlogged table and then rebuilds the set's
-- partition once (lib/datasets/grading-job/grade-bulk-swap.ts) instead of updating every row
-- (a non-HOT update writes a whole new row and an entry in every index). The graded table is
-- built under a name of its own while the old partition keeps serving reads, then put in its
-- place. No schema change: functions only, written over the partition helpers of
-- 20261202000000_samples_partitioned_by_set so the two cannot drift apart. `p_table` is always a
-- plain lowercase name of ours (samples_new_<set id>: as long as the partition's name, so index
-- names stay within PostgreSQL's 63 characters).

-- A detached, empty table shaped like samples for set p_set_id's rows, named p_table, with the
-- CHECK boxed_attach_samples_partition drops after ATTACH (named after the partition).
CREATE FUNCTION boxed_create_bare_samples_table(p_set_id integer, p_table text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TABLE %I (LIKE samples INCLUDING DEFAULTS, CONSTRAINT %I CHECK (set_id = %s))',
                 p_table, boxed_samples_partition_name(p_set_id) || '_bound', p_set_id);
END $$;

-- The partition's index statements (boxed_samples_partition_index_ddl) for table p_table instead,
-- named after it: ATTACH adopts them as it adopts the partition's.
CREATE FUNCTION boxed_samples_table_index_ddl(p_set_id integer, p_table text) RETURNS TABLE (name text, ddl text) LANGUAGE sql STABLE AS $$
  SELECT p_table || substr(d.name, length(boxed_samples_partition_name(p_set_id)) + 1),
         replace(d.ddl, boxed_samples_partition_name(p_set_id), p_table)
    FROM boxed_samples_partition_index_ddl(p_set_id) d
$$;

-- The set's substring-search index statement, for table p_table.
CREATE FUNCTION boxed_samples_table_search_index_sql(p_set_id integer, p_table text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT replace(boxed_samples_search_index_sql(p_set_id, false), boxed_samples_partition_name(p_set_id), p_table)
$$;

-- Puts p_table (made by boxed_create_bare_samples_table, with the indexes of
-- boxed_samples_table_index_ddl) in the place of set p_set_id's partition: the old one is
-- detached and dropped, p_table and its indexes take the partition's names, and it is attached.
-- DETACH takes ACCESS EXCLUSIVE on samples until COMMIT: the caller runs this last, just before
-- COMMIT, under a lock timeout (a long wait would queue every reader of samples behind it).
-- No trigger fires: the caller has moved the aggregates and counters itself.
CREATE FUNCTION boxed_swap_samples_partition(p_set_id integer, p_table text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  name text := boxed_samples_partition_name(p_set_id);
  r record;
BEGIN
  EXECUTE format('ALTER TABLE samples DETACH PARTITION %I', name);
  EXECUTE format('DROP TABLE %I', name);
  EXECUTE format('ALTER TABLE %I RENAME TO %I', p_table, name);
  FOR r IN SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = quote_ident(name)::regclass AND left(i.relname, length(p_table)) = p_table LOOP
    -- Renaming a key's index renames its constraint too.
    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.relname, name || substr(r.relname, length(p_table) + 1));
  END LOOP;
  PERFORM boxed_attach_samples_partition(p_set_id);
END $$;
