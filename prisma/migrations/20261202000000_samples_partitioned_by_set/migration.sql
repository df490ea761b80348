-- Samples partitioned by problem set (LIST on set_id): one table per set under `samples`.
--
-- Why: a large import into a new set loads its solutions into a bare table of its own (COPY
-- FREEZE, no index kept up row by row), builds that table's indexes in one sorted pass each and
-- attaches it. Maintaining 14 indexes and a trigram GIN row by row made an import cost ~16 plain
-- COPYs (docs/datasets.md, "Import speed"). Queries are unchanged: they read `samples`, and a
-- filter on set_id skips the other sets' tables.
--
-- What PostgreSQL asks in return, and how this schema answers it:
-- * Every key of a partitioned table includes the partition column: the primary key is
--   (id, set_id) and the exactly-once key of generated samples is (batch_id, problem_id,
--   sample_index, set_id). `id` stays unique by its sequence; prisma/schema.prisma keeps
--   `id @id` as the logical key (Prisma cannot express partitioning).
-- * No foreign key can point at samples(id) alone: review_items and review_annotations keep
--   their sample_id by trigger (an existence check on write, a cascade on delete), below.
-- * Nor does samples keep foreign keys of its own (problem_id, set_id, batch_id, import_task_id):
--   ATTACH re-creates a partitioned table's foreign keys on the new partition, which locks every
--   referenced table (problems, problem_sets, generation_batches, tasks) in SHARE ROW EXCLUSIVE
--   mode. An import attaches while it holds writes to problems, and so does any transaction that
--   creates a set: two of them deadlock, and each blocks every writer of those tables. Triggers
--   keep the same guarantees (section 7): a check per statement, with the referenced rows locked
--   FOR KEY SHARE as a foreign key would, and the cascades on delete.
-- * The trigram index on the text is per partition, not on the parent, so a bulk load can build
--   it after the rows are in, in the background, without blocking the set's writers.
-- * A partition is made as a plain table and then attached (ATTACH takes SHARE UPDATE EXCLUSIVE
--   on the parent); CREATE TABLE ... PARTITION OF would take ACCESS EXCLUSIVE and wait behind
--   every open reader of samples (a long export, say).

-- 1. The unpartitioned table steps aside with every name on it.
ALTER TABLE "samples" RENAME TO "samples_unpartitioned";
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
            WHERE x.indrelid = 'samples_unpartitioned'::regclass LOOP
    EXECUTE format('ALTER INDEX %I RENAME TO %I', r.relname, r.relname || '_unpartitioned');
  END LOOP;
  FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = 'samples_unpartitioned'::regclass AND contype = 'f' LOOP
    EXECUTE format('ALTER TABLE samples_unpartitioned RENAME CONSTRAINT %I TO %I', r.conname, r.conname || '_unpartitioned');
  END LOOP;
END $$;
ALTER TABLE "review_items" DROP CONSTRAINT "review_items_sample_id_fkey";
ALTER TABLE "review_annotations" DROP CONSTRAINT "review_annotations_sample_id_fkey";

-- 2. The partitioned table, same columns and defaults (the id sequence moves over).
CREATE TABLE "samples" (LIKE "samples_unpartitioned" INCLUDING DEFAULTS) PARTITION BY LIST ("set_id");
ALTER SEQUENCE "samples_id_seq" OWNED BY "samples"."id";

-- 3. Naming and making partitions.
CREATE FUNCTION boxed_samples_partition_name(p_set_id integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'samples_set_' || p_set_id
$$;

-- The substring-search index of one set's solutions (what the browser's text search uses).
CREATE FUNCTION boxed_samples_search_index_sql(p_set_id integer, p_concurrently boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('CREATE INDEX %s IF NOT EXISTS %I ON %I USING gin ("text" gin_trgm_ops)',
                CASE WHEN p_concurrently THEN 'CONCURRENTLY' ELSE '' END,
                boxed_samples_partition_name(p_set_id) || '_text_trgm', boxed_samples_partition_name(p_set_id))
$$;

-- A detached, empty table shaped like samples, for one set's rows. The CHECK lets ATTACH skip
-- scanning the rows for the partition bound; boxed_attach_samples_partition drops it.
CREATE FUNCTION boxed_create_bare_samples_partition(p_set_id integer) RETURNS text LANGUAGE plpgsql AS $$
DECLARE name text := boxed_samples_partition_name(p_set_id);
BEGIN
  EXECUTE format('CREATE TABLE %I (LIKE samples INCLUDING DEFAULTS, CONSTRAINT %I CHECK (set_id = %s))', name, name || '_bound', p_set_id);
  RETURN name;
END $$;

-- Statements that build each of the parent's indexes on a detached partition, named after it.
-- ATTACH adopts an index whose definition matches the parent's (a primary key only as a
-- constraint), so rows loaded into a bare table plus these, built afterwards in one pass each,
-- end in the same state as rows inserted through the parent.
CREATE FUNCTION boxed_samples_partition_index_ddl(p_set_id integer) RETURNS TABLE (name text, ddl text) LANGUAGE sql STABLE AS $$
  SELECT boxed_samples_partition_name(p_set_id) || substr(i.relname, length('samples') + 1),
         CASE WHEN x.indisprimary
           THEN format('ALTER TABLE %I ADD CONSTRAINT %I %s', boxed_samples_partition_name(p_set_id),
                       boxed_samples_partition_name(p_set_id) || substr(i.relname, length('samples') + 1), pg_get_constraintdef(c.oid))
           ELSE regexp_replace(pg_get_indexdef(x.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ ',
                               format('CREATE \1INDEX %I ON %I ', boxed_samples_partition_name(p_set_id) || substr(i.relname, length('samples') + 1),
                                      boxed_samples_partition_name(p_set_id)))
         END
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND x.indisprimary
   WHERE x.indrelid = 'samples'::regclass
   ORDER BY x.indisprimary DESC, i.relname
$$;

-- Attaches a partition made by boxed_create_bare_samples_partition. Indexes the parent has and
-- the partition lacks are built here (instantly for an empty table). Rows that arrive by ATTACH
-- fire no INSERT trigger: whoever attaches a loaded table checks its references
-- (boxed_check_sample_references, below) and adds its rows to the insight aggregates
-- (20261125002437_insight_aggregates). The import counts them as it loads
-- (lib/datasets/import/samples-partition.ts), which costs nothing next to a grouped pass.
CREATE FUNCTION boxed_attach_samples_partition(p_set_id integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE name text := boxed_samples_partition_name(p_set_id);
BEGIN
  EXECUTE format('ALTER TABLE samples ATTACH PARTITION %I FOR VALUES IN (%s)', name, p_set_id);
  EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', name, name || '_bound');
END $$;

-- Every new set gets its (empty, fully indexed) partition, whoever inserts the set: the studio,
-- the CLI, the demo loader, tests. A bulk import sets boxed.defer_samples_partition = 'on' around
-- its INSERT and makes the partition itself.
CREATE FUNCTION boxed_problem_sets_partition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('boxed.defer_samples_partition', true) IS DISTINCT FROM 'on' THEN
    PERFORM boxed_create_bare_samples_partition(NEW.id);
    EXECUTE boxed_samples_search_index_sql(NEW.id, false);
    PERFORM boxed_attach_samples_partition(NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER problem_sets_samples_partition AFTER INSERT ON "problem_sets"
  FOR EACH ROW EXECUTE FUNCTION boxed_problem_sets_partition();

-- 4. Existing rows move into their sets' partitions, then keys and indexes are built over them
-- in one pass each (cheaper than keeping them up row by row).
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id FROM problem_sets ORDER BY id LOOP
    PERFORM boxed_create_bare_samples_partition(r.id);
    EXECUTE format('ALTER TABLE samples ATTACH PARTITION %I FOR VALUES IN (%s)', boxed_samples_partition_name(r.id), r.id);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', boxed_samples_partition_name(r.id), boxed_samples_partition_name(r.id) || '_bound');
  END LOOP;
END $$;
INSERT INTO "samples" SELECT * FROM "samples_unpartitioned";

ALTER TABLE "samples" ADD CONSTRAINT "samples_pkey" PRIMARY KEY ("id", "set_id");
CREATE UNIQUE INDEX "samples_batch_id_problem_id_sample_index_set_id_key" ON "samples"("batch_id", "problem_id", "sample_index", "set_id");
CREATE INDEX "samples_problem_id_id_idx" ON "samples"("problem_id", "id");
-- Within a set's table set_id is constant, but the browser's keyset on "sort by set" is the row
-- comparison (set_id, id) > (x, y), which only an index on (set_id, id) turns into a range.
CREATE INDEX "samples_set_id_id_idx" ON "samples"("set_id", "id");
CREATE INDEX "samples_verdict_id_idx" ON "samples"("verdict", "id");
CREATE INDEX "samples_review_status_id_idx" ON "samples"("review_status", "id");
CREATE INDEX "samples_char_length_id_idx" ON "samples"("char_length", "id");
CREATE INDEX "samples_problem_id_answer_key_idx" ON "samples"("problem_id", "answer_key");
-- Keyset sorts on nullable columns (docs/review.md): the key is COALESCE(col, x), never NULL.
CREATE INDEX samples_token_count_sort ON "samples" ((COALESCE("token_count", -1)), "id");
CREATE INDEX samples_batch_sort ON "samples" ((COALESCE("batch_id", 0)), "id");
CREATE INDEX samples_model_sort ON "samples" ((COALESCE("model", '')), "id");
CREATE INDEX samples_answer_key_sort ON "samples" ((COALESCE("answer_key", '')), "id");
-- Gone, since every index is built again for each set a large import loads:
-- (import_task_id): grading an import reads its set's partition by (verdict, id);
-- (batch_id, id): the browser filters batches by COALESCE(batch_id, 0), served by samples_batch_sort,
--   and lookups by batch and problem use the unique key.


DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id FROM problem_sets ORDER BY id LOOP
    EXECUTE boxed_samples_search_index_sql(r.id, false);
  END LOOP;
END $$;
DROP TABLE "samples_unpartitioned";

-- 5. The aggregates' triggers, on the parent (they see rows of every partition).
CREATE TRIGGER samples_stats_insert AFTER INSERT ON "samples" REFERENCING NEW TABLE AS boxed_new_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_insert();
CREATE TRIGGER samples_stats_update AFTER UPDATE ON "samples" REFERENCING OLD TABLE AS boxed_old_samples NEW TABLE AS boxed_new_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_update();
CREATE TRIGGER samples_stats_delete AFTER DELETE ON "samples" REFERENCING OLD TABLE AS boxed_old_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_delete();
CREATE TRIGGER samples_stats_truncate AFTER TRUNCATE ON "samples"
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_truncate();

-- 6. review_items.sample_id and review_annotations.sample_id, kept by trigger: a write naming a
-- sample that does not exist fails like a foreign key would (SQLSTATE 23503), and the sample is
-- locked FOR KEY SHARE so it cannot vanish before COMMIT; deleting samples deletes their review
-- rows (ON DELETE CASCADE). One query per statement, not per row.
CREATE FUNCTION boxed_review_rows_check_samples() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE missing integer;
BEGIN
  PERFORM 1 FROM samples s WHERE s.id IN (SELECT sample_id FROM boxed_new_review_rows) FOR KEY SHARE OF s;
  SELECT n.sample_id INTO missing FROM boxed_new_review_rows n WHERE NOT EXISTS (SELECT 1 FROM samples s WHERE s.id = n.sample_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key "%_sample_id_fkey"', TG_TABLE_NAME, TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (sample_id)=(%s) is not present in table "samples".', missing);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER review_items_sample_exists AFTER INSERT ON "review_items" REFERENCING NEW TABLE AS boxed_new_review_rows
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_review_rows_check_samples();
CREATE TRIGGER review_annotations_sample_exists AFTER INSERT ON "review_annotations" REFERENCING NEW TABLE AS boxed_new_review_rows
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_review_rows_check_samples();

-- Moving a review row to another sample (nothing does today) is checked row by row.
CREATE FUNCTION boxed_review_row_check_sample() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM samples WHERE id = NEW.sample_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insert or update on table "%" violates foreign key "%_sample_id_fkey"', TG_TABLE_NAME, TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (sample_id)=(%s) is not present in table "samples".', NEW.sample_id);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER review_items_sample_moved BEFORE UPDATE OF sample_id ON "review_items"
  FOR EACH ROW WHEN (OLD.sample_id IS DISTINCT FROM NEW.sample_id) EXECUTE FUNCTION boxed_review_row_check_sample();
CREATE TRIGGER review_annotations_sample_moved BEFORE UPDATE OF sample_id ON "review_annotations"
  FOR EACH ROW WHEN (OLD.sample_id IS DISTINCT FROM NEW.sample_id) EXECUTE FUNCTION boxed_review_row_check_sample();

CREATE FUNCTION boxed_samples_delete_review_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM review_items WHERE sample_id IN (SELECT id FROM boxed_gone_samples);
  DELETE FROM review_annotations WHERE sample_id IN (SELECT id FROM boxed_gone_samples);
  RETURN NULL;
END $$;
CREATE TRIGGER samples_delete_review_rows AFTER DELETE ON "samples" REFERENCING OLD TABLE AS boxed_gone_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_delete_review_rows();

-- 7. samples' own references, kept by trigger (see the top for why not foreign keys). The same
-- guarantees: every row names an existing problem of its own set (the set_id copied from the
-- problem is checked too, which the foreign keys did not do), an existing batch and import task
-- or none; what it names is locked FOR KEY SHARE until COMMIT, so it cannot be deleted under it;
-- and deleting a problem deletes its samples, deleting a batch or a task empties the column.
-- The first violation among `rows` (a trigger's transition table, or a table about to be
-- attached), as an error message, or NULL: a problem that does not exist or is of another set, a
-- batch or an import task that does not exist. One pass over the rows, whatever their number.
CREATE FUNCTION boxed_sample_violation_sql(rows text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    SELECT CASE
             WHEN p.id IS NULL OR p.set_id <> n.set_id THEN
               format('insert or update on table "samples" violates foreign key "samples_problem_id_fkey": Key (problem_id, set_id)=(%%s, %%s) is not present in table "problems".', n.problem_id, n.set_id)
             WHEN n.batch_id IS NOT NULL AND b.id IS NULL THEN
               format('insert or update on table "samples" violates foreign key "samples_batch_id_fkey": Key (batch_id)=(%%s) is not present in table "generation_batches".', n.batch_id)
             ELSE
               format('insert or update on table "samples" violates foreign key "samples_import_task_id_fkey": Key (import_task_id)=(%%s) is not present in table "tasks".', n.import_task_id)
           END
      FROM %s n
      LEFT JOIN problems p ON p.id = n.problem_id
      LEFT JOIN generation_batches b ON b.id = n.batch_id
      LEFT JOIN tasks t ON t.id = n.import_task_id
     WHERE p.id IS NULL OR p.set_id <> n.set_id OR (n.batch_id IS NOT NULL AND b.id IS NULL) OR (n.import_task_id IS NOT NULL AND t.id IS NULL)
     LIMIT 1$q$, rows)
$$;

-- Checks the rows of a table about to be attached (`rows` names it). Without the FOR KEY SHARE
-- locks the trigger takes: the only caller, an import into a new set, inserted every problem its
-- rows name in the same transaction, invisible to anyone who could delete it, and locking them
-- would rewrite every one.
CREATE FUNCTION boxed_check_sample_references(rows text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE violation text;
BEGIN
  EXECUTE boxed_sample_violation_sql(rows) INTO violation;
  IF violation IS NOT NULL THEN RAISE EXCEPTION '%', violation USING ERRCODE = 'foreign_key_violation'; END IF;
END $$;

-- On every insert into samples: lock what the rows name (the count(*) makes every row selected
-- get locked), then look for a violation. This runs on every batch flush and every COPY batch,
-- so it is static SQL, which PL/pgSQL plans once per session: the violation query is the one of
-- boxed_sample_violation_sql, spelled out (tests/integration/foundation/samples-partitions checks
-- both against the same violations).
CREATE FUNCTION boxed_samples_check_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad record;
BEGIN
  PERFORM count(*) FROM (SELECT 1 FROM problems p WHERE p.id IN (SELECT problem_id FROM boxed_new_samples) FOR KEY SHARE OF p) l;
  PERFORM count(*) FROM (SELECT 1 FROM generation_batches b WHERE b.id IN (SELECT batch_id FROM boxed_new_samples) FOR KEY SHARE OF b) l;
  PERFORM count(*) FROM (SELECT 1 FROM tasks t WHERE t.id IN (SELECT import_task_id FROM boxed_new_samples) FOR KEY SHARE OF t) l;
  SELECT n.problem_id, n.set_id, n.batch_id, n.import_task_id, p.id IS NULL OR p.set_id <> n.set_id AS bad_problem,
         n.batch_id IS NOT NULL AND b.id IS NULL AS bad_batch
    INTO bad
    FROM boxed_new_samples n
    LEFT JOIN problems p ON p.id = n.problem_id
    LEFT JOIN generation_batches b ON b.id = n.batch_id
    LEFT JOIN tasks t ON t.id = n.import_task_id
   WHERE p.id IS NULL OR p.set_id <> n.set_id OR (n.batch_id IS NOT NULL AND b.id IS NULL) OR (n.import_task_id IS NOT NULL AND t.id IS NULL)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION '%', CASE
        WHEN bad.bad_problem THEN format('insert or update on table "samples" violates foreign key "samples_problem_id_fkey": Key (problem_id, set_id)=(%s, %s) is not present in table "problems".', bad.problem_id, bad.set_id)
        WHEN bad.bad_batch THEN format('insert or update on table "samples" violates foreign key "samples_batch_id_fkey": Key (batch_id)=(%s) is not present in table "generation_batches".', bad.batch_id)
        ELSE format('insert or update on table "samples" violates foreign key "samples_import_task_id_fkey": Key (import_task_id)=(%s) is not present in table "tasks".', bad.import_task_id)
      END USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER samples_check_references AFTER INSERT ON "samples" REFERENCING NEW TABLE AS boxed_new_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_check_inserted();

-- Updates rarely touch these columns (a batch deleted sets batch_id to NULL): row by row.
CREATE FUNCTION boxed_samples_check_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM problems WHERE id = NEW.problem_id AND set_id = NEW.set_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insert or update on table "samples" violates foreign key "samples_problem_id_fkey"'
      USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (problem_id, set_id)=(%s, %s) is not present in table "problems".', NEW.problem_id, NEW.set_id);
  END IF;
  IF NEW.batch_id IS NOT NULL THEN
    PERFORM 1 FROM generation_batches WHERE id = NEW.batch_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insert or update on table "samples" violates foreign key "samples_batch_id_fkey"'
        USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (batch_id)=(%s) is not present in table "generation_batches".', NEW.batch_id);
    END IF;
  END IF;
  IF NEW.import_task_id IS NOT NULL THEN
    PERFORM 1 FROM tasks WHERE id = NEW.import_task_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'insert or update on table "samples" violates foreign key "samples_import_task_id_fkey"'
        USING ERRCODE = 'foreign_key_violation', DETAIL = format('Key (import_task_id)=(%s) is not present in table "tasks".', NEW.import_task_id);
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER samples_check_references_update BEFORE UPDATE OF problem_id, set_id, batch_id, import_task_id ON "samples"
  FOR EACH ROW WHEN (OLD.problem_id IS DISTINCT FROM NEW.problem_id OR OLD.set_id IS DISTINCT FROM NEW.set_id
                     OR OLD.batch_id IS DISTINCT FROM NEW.batch_id OR OLD.import_task_id IS DISTINCT FROM NEW.import_task_id)
  EXECUTE FUNCTION boxed_samples_check_updated();

-- The cascades, one statement per deleting statement. A problem deleted takes its samples (the
-- problem's BEFORE DELETE trigger has already taken them out of the aggregates); a batch or an
-- import task deleted leaves its samples without one.
CREATE FUNCTION boxed_problems_delete_samples() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM samples WHERE problem_id IN (SELECT id FROM boxed_gone_problems);
  RETURN NULL;
END $$;
CREATE TRIGGER problems_delete_samples AFTER DELETE ON "problems" REFERENCING OLD TABLE AS boxed_gone_problems
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_problems_delete_samples();
CREATE FUNCTION boxed_batches_release_samples() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE samples SET batch_id = NULL WHERE batch_id IN (SELECT id FROM boxed_gone_batches);
  RETURN NULL;
END $$;
CREATE TRIGGER generation_batches_release_samples AFTER DELETE ON "generation_batches" REFERENCING OLD TABLE AS boxed_gone_batches
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_batches_release_samples();
CREATE FUNCTION boxed_tasks_release_samples() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE samples SET import_task_id = NULL WHERE import_task_id IN (SELECT id FROM boxed_gone_tasks);
  RETURN NULL;
END $$;
CREATE TRIGGER tasks_release_samples AFTER DELETE ON "tasks" REFERENCING OLD TABLE AS boxed_gone_tasks
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_tasks_release_samples();
