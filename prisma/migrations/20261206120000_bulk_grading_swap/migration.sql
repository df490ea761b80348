-- Bulk grading (docs/datasets.md, "Grading a large import: the rewrite"): a grading run that
-- covers most of a large set stages its results in an unlogged table and then rebuilds the set's
-- partition once (lib/datasets/grading-job/grade-bulk-swap.ts) instead of updating every row
-- (a non-HOT update writes a whole new row and an entry in every index). The graded table is
-- built under a name of its own while the old partition keeps serving reads, then put in its
-- place. No schema change: functions only. The partition helpers of
-- 20261202000000_samples_partitioned_by_set become the special case "the table is the partition".

-- A detached, empty table shaped like samples for set p_set_id's rows, named p_table. Its CHECK
-- carries the partition's name, which boxed_attach_samples_partition drops after ATTACH.
CREATE FUNCTION boxed_create_bare_samples_table(p_set_id integer, p_table text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TABLE %I (LIKE samples INCLUDING DEFAULTS, CONSTRAINT %I CHECK (set_id = %s))',
                 p_table, boxed_samples_partition_name(p_set_id) || '_bound', p_set_id);
  RETURN p_table;
END $$;
CREATE OR REPLACE FUNCTION boxed_create_bare_samples_partition(p_set_id integer) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN boxed_create_bare_samples_table(p_set_id, boxed_samples_partition_name(p_set_id));
END $$;

-- Statements that build each of the parent's indexes on table p_table, named after it (the
-- parent's index name with "samples" replaced by p_table). ATTACH adopts them.
CREATE FUNCTION boxed_samples_table_index_ddl(p_table text) RETURNS TABLE (name text, ddl text) LANGUAGE sql STABLE AS $$
  SELECT p_table || substr(i.relname, length('samples') + 1),
         CASE WHEN x.indisprimary
           THEN format('ALTER TABLE %I ADD CONSTRAINT %I %s', p_table, p_table || substr(i.relname, length('samples') + 1), pg_get_constraintdef(c.oid))
           ELSE regexp_replace(pg_get_indexdef(x.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ ',
                               format('CREATE \1INDEX %I ON %I ', p_table || substr(i.relname, length('samples') + 1), p_table))
         END
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND x.indisprimary
   WHERE x.indrelid = 'samples'::regclass
   ORDER BY x.indisprimary DESC, i.relname
$$;
CREATE OR REPLACE FUNCTION boxed_samples_partition_index_ddl(p_set_id integer) RETURNS TABLE (name text, ddl text) LANGUAGE sql STABLE AS $$
  SELECT name, ddl FROM boxed_samples_table_index_ddl(boxed_samples_partition_name(p_set_id))
$$;

-- The substring-search index of a table of solutions (a set's partition, or its graded copy).
CREATE FUNCTION boxed_samples_table_search_index_sql(p_table text, p_concurrently boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('CREATE INDEX %s IF NOT EXISTS %I ON %I USING gin ("text" gin_trgm_ops)',
                CASE WHEN p_concurrently THEN 'CONCURRENTLY' ELSE '' END, p_table || '_text_trgm', p_table)
$$;
CREATE OR REPLACE FUNCTION boxed_samples_search_index_sql(p_set_id integer, p_concurrently boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT boxed_samples_table_search_index_sql(boxed_samples_partition_name(p_set_id), p_concurrently)
$$;

-- Puts p_table (made by boxed_create_bare_samples_table, with the indexes of
-- boxed_samples_table_index_ddl(p_table)) in the place of set p_set_id's partition: the old one is
-- detached and dropped, p_table and its indexes take the partition's names, and it is attached.
-- DETACH takes ACCESS EXCLUSIVE on samples until COMMIT: the caller runs this last, just before
-- COMMIT, and with a lock timeout (the wait would queue every reader of samples behind it).
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
