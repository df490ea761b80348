-- CreateTable
CREATE TABLE "sample_stats" (
    "set_id" INTEGER NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "verdict_rule" TEXT NOT NULL,
    "len_bucket" INTEGER NOT NULL,
    "tok_bucket" INTEGER NOT NULL,
    "samples" INTEGER NOT NULL,

    CONSTRAINT "sample_stats_pkey" PRIMARY KEY ("set_id","batch_id","model","source","verdict","verdict_rule","len_bucket","tok_bucket")
);

-- CreateTable
CREATE TABLE "batch_minute_stats" (
    "batch_id" INTEGER NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "samples" INTEGER NOT NULL,

    CONSTRAINT "batch_minute_stats_pkey" PRIMARY KEY ("batch_id","minute")
);

-- CreateTable
CREATE TABLE "problem_stats" (
    "set_id" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "gold_source" "GoldSource" NOT NULL,
    "contamination_status" "ContaminationStatus" NOT NULL,
    "agreement_bucket" INTEGER NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "correct_count" INTEGER NOT NULL,
    "problems" INTEGER NOT NULL,

    CONSTRAINT "problem_stats_pkey" PRIMARY KEY ("set_id","source","level","subject","gold_source","contamination_status","agreement_bucket","sample_count","correct_count")
);

-- CreateTable
CREATE TABLE "answer_class_stats" (
    "problem_id" INTEGER NOT NULL,
    "answer_key" TEXT NOT NULL,
    "samples" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    CONSTRAINT "answer_class_stats_pkey" PRIMARY KEY ("problem_id","answer_key")
);


-- ---- Hand-written: the triggers that keep the insight aggregates (docs/insights.md) ----------------
-- Statement-level AFTER triggers with transition tables: one aggregate upsert per statement, not
-- per row, and every writer (COPY, INSERT ... SELECT, Prisma, bulk UPDATE) is covered. Upserts run
-- in key order so two writers touching the same keys queue instead of deadlocking. Counts that
-- fall to 0 stay as rows (readers filter samples > 0); the key space bounds them.

-- Bucket lower bounds; keep equal to LENGTH_EDGES / TOKEN_EDGES in lib/insights/buckets.ts (the
-- integration test tests/integration/insights/aggregates.int.test.ts compares them).
CREATE FUNCTION boxed_len_bucket(n integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (ARRAY[0,250,500,750,1000,1250,1500,2000,2500,3000,4000,5000,6000,8000,10000,15000,20000])[
    greatest(1, width_bucket(n, ARRAY[0,250,500,750,1000,1250,1500,2000,2500,3000,4000,5000,6000,8000,10000,15000,20000]))]
$$;
CREATE FUNCTION boxed_tok_bucket(n integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN n IS NULL THEN -1 ELSE (ARRAY[0,64,128,192,256,320,384,512,640,768,1024,1536,2048,3072,4096,8192])[
    greatest(1, width_bucket(n, ARRAY[0,64,128,192,256,320,384,512,640,768,1024,1536,2048,3072,4096,8192]))] END
$$;
-- Tenths of agreement; 10 = unanimous; -1 = not voted. The epsilon keeps 3/10 in bucket 3.
CREATE FUNCTION boxed_agreement_bucket(a double precision) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN a IS NULL THEN -1 WHEN a >= 1 THEN 10 ELSE least(9, greatest(0, floor(a * 10 + 1e-9)))::integer END
$$;
-- Only answers that are not graded keep their rule ("why not gradable"); the rule of an equal or
-- not_equal verdict (string, numeric, ...) would multiply the rows for no plot.
CREATE FUNCTION boxed_stat_rule(v "Verdict", rule text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN v IN ('no_answer', 'undecided', 'ungraded') THEN COALESCE(rule, '') ELSE '' END
$$;

-- The statement that applies signed sample rows (sign +1 inserted, -1 removed) to the three
-- sample aggregates. `changes` selects problem_id, set_id, batch_id, model, verdict, verdict_rule,
-- char_length, token_count, answer_key, created_at, sign from a transition table. Samples whose
-- problem is already gone (a cascade from problems) are skipped here: the problem's BEFORE DELETE
-- trigger has subtracted them, with the problem's source, before the cascade.
CREATE FUNCTION boxed_sample_stats_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
  j AS (SELECT c.*, p.source, p.gold_source FROM c JOIN problems p ON p.id = c.problem_id),
  s AS (
    INSERT INTO sample_stats AS t (set_id, batch_id, model, source, verdict, verdict_rule, len_bucket, tok_bucket, samples)
    SELECT set_id, COALESCE(batch_id, 0), COALESCE(model, ''''), source, verdict, boxed_stat_rule(verdict, verdict_rule),
           boxed_len_bucket(char_length), boxed_tok_bucket(token_count), sum(sign)::integer
    FROM j GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (set_id, batch_id, model, source, verdict, verdict_rule, len_bucket, tok_bucket)
    DO UPDATE SET samples = t.samples + EXCLUDED.samples),
  a AS (
    INSERT INTO answer_class_stats AS t (problem_id, answer_key, samples, correct)
    SELECT problem_id, answer_key, sum(sign)::integer, COALESCE(sum(sign) FILTER (WHERE verdict = ''equal''), 0)::integer
    FROM j WHERE gold_source = ''dataset'' AND answer_key IS NOT NULL
    GROUP BY 1, 2 HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE verdict = ''equal''), 0) <> 0 ORDER BY 1, 2
    ON CONFLICT (problem_id, answer_key) DO UPDATE SET samples = t.samples + EXCLUDED.samples, correct = t.correct + EXCLUDED.correct)
  INSERT INTO batch_minute_stats AS t (batch_id, minute, samples)
  SELECT batch_id, date_trunc(''minute'', created_at), sum(sign)::integer FROM c WHERE batch_id IS NOT NULL
  GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
  ON CONFLICT (batch_id, minute) DO UPDATE SET samples = t.samples + EXCLUDED.samples'
$$;

CREATE FUNCTION boxed_samples_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_sample_stats_sql('SELECT problem_id, set_id, batch_id, model, verdict, verdict_rule, char_length, token_count,
    answer_key, created_at, 1 AS sign FROM boxed_new_samples');
  RETURN NULL;
END $$;
CREATE FUNCTION boxed_samples_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_sample_stats_sql('SELECT problem_id, set_id, batch_id, model, verdict, verdict_rule, char_length, token_count,
    answer_key, created_at, -1 AS sign FROM boxed_old_samples');
  RETURN NULL;
END $$;
-- Only rows whose aggregated columns changed count, so a bulk review-status update costs one join
-- of the transition tables and writes nothing.
CREATE FUNCTION boxed_samples_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_sample_stats_sql('WITH changed AS (
      SELECT o.problem_id AS o_problem_id, o.set_id AS o_set_id, o.batch_id AS o_batch_id, o.model AS o_model, o.verdict AS o_verdict,
             o.verdict_rule AS o_verdict_rule, o.char_length AS o_char_length, o.token_count AS o_token_count, o.answer_key AS o_answer_key,
             o.created_at AS o_created_at, n.problem_id, n.set_id, n.batch_id, n.model, n.verdict, n.verdict_rule, n.char_length,
             n.token_count, n.answer_key, n.created_at
      FROM boxed_old_samples o JOIN boxed_new_samples n ON n.id = o.id
      WHERE (o.problem_id, o.set_id, o.batch_id, o.model, o.verdict, o.verdict_rule, o.char_length, o.token_count, o.answer_key, o.created_at)
        IS DISTINCT FROM (n.problem_id, n.set_id, n.batch_id, n.model, n.verdict, n.verdict_rule, n.char_length, n.token_count, n.answer_key, n.created_at))
    SELECT o_problem_id AS problem_id, o_set_id AS set_id, o_batch_id AS batch_id, o_model AS model, o_verdict AS verdict,
      o_verdict_rule AS verdict_rule, o_char_length AS char_length, o_token_count AS token_count, o_answer_key AS answer_key,
      o_created_at AS created_at, -1 AS sign FROM changed
    UNION ALL
    SELECT problem_id, set_id, batch_id, model, verdict, verdict_rule, char_length, token_count, answer_key, created_at, 1 FROM changed');
  RETURN NULL;
END $$;
CREATE FUNCTION boxed_samples_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE sample_stats, answer_class_stats, batch_minute_stats;
  RETURN NULL;
END $$;

-- One problem's samples added (sign 1) or removed (sign -1) under a given source, and its answer
-- classes: for a problem about to be deleted, or whose source or gold source changed.
CREATE FUNCTION boxed_problem_sample_stats(p_id integer, p_source text, p_sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sample_stats AS t (set_id, batch_id, model, source, verdict, verdict_rule, len_bucket, tok_bucket, samples)
  SELECT set_id, COALESCE(batch_id, 0), COALESCE(model, ''), p_source, verdict, boxed_stat_rule(verdict, verdict_rule),
         boxed_len_bucket(char_length), boxed_tok_bucket(token_count), p_sign * count(*)::integer
  FROM samples WHERE problem_id = p_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (set_id, batch_id, model, source, verdict, verdict_rule, len_bucket, tok_bucket)
  DO UPDATE SET samples = t.samples + EXCLUDED.samples
$$;
CREATE FUNCTION boxed_problem_class_stats(p_id integer, p_sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO answer_class_stats AS t (problem_id, answer_key, samples, correct)
  SELECT p_id, answer_key, p_sign * count(*)::integer, p_sign * (count(*) FILTER (WHERE verdict = 'equal'))::integer
  FROM samples WHERE problem_id = p_id AND answer_key IS NOT NULL GROUP BY answer_key ORDER BY answer_key
  ON CONFLICT (problem_id, answer_key) DO UPDATE SET samples = t.samples + EXCLUDED.samples, correct = t.correct + EXCLUDED.correct
$$;

CREATE FUNCTION boxed_problems_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM problem_sets WHERE id = OLD.set_id) THEN
    PERFORM boxed_problem_sample_stats(OLD.id, OLD.source, -1);
  ELSE
    -- The whole set is being deleted (a cascade): drop its rows at once instead of per problem.
    DELETE FROM sample_stats WHERE set_id = OLD.set_id;
  END IF;
  DELETE FROM answer_class_stats WHERE problem_id = OLD.id;
  RETURN OLD;
END $$;
-- Fires only when the source changes or the gold starts or stops coming from the dataset (rare),
-- never for a label batch setting majority-vote golds.
CREATE FUNCTION boxed_problems_source_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.source IS DISTINCT FROM NEW.source THEN
    PERFORM boxed_problem_sample_stats(OLD.id, OLD.source, -1);
    PERFORM boxed_problem_sample_stats(NEW.id, NEW.source, 1);
  END IF;
  IF OLD.gold_source = 'dataset' AND NEW.gold_source <> 'dataset' THEN
    DELETE FROM answer_class_stats WHERE problem_id = OLD.id;
  ELSIF OLD.gold_source <> 'dataset' AND NEW.gold_source = 'dataset' THEN
    PERFORM boxed_problem_class_stats(NEW.id, 1);
  END IF;
  RETURN NULL;
END $$;

-- problem_stats from signed problem rows (same scheme as the samples).
CREATE FUNCTION boxed_problem_stats_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'INSERT INTO problem_stats AS t (set_id, source, level, subject, gold_source, contamination_status, agreement_bucket,
      sample_count, correct_count, problems)
    SELECT set_id, source, COALESCE(level, ''''), COALESCE(subject, ''''), gold_source, contamination_status,
      agreement_bucket, sample_count, correct_count, sum(sign)::integer
    FROM (' || changes || ') c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (set_id, source, level, subject, gold_source, contamination_status, agreement_bucket, sample_count, correct_count)
    DO UPDATE SET problems = t.problems + EXCLUDED.problems'
$$;
CREATE FUNCTION boxed_problems_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_problem_stats_sql('SELECT set_id, source, level, subject, gold_source, contamination_status,
    boxed_agreement_bucket(agreement) AS agreement_bucket, sample_count, correct_count, 1 AS sign FROM boxed_new_problems');
  RETURN NULL;
END $$;
CREATE FUNCTION boxed_problems_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_problem_stats_sql('SELECT set_id, source, level, subject, gold_source, contamination_status,
    boxed_agreement_bucket(agreement) AS agreement_bucket, sample_count, correct_count, -1 AS sign FROM boxed_old_problems');
  RETURN NULL;
END $$;
CREATE FUNCTION boxed_problems_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_problem_stats_sql('WITH changed AS (
      SELECT o.set_id AS o_set_id, o.source AS o_source, o.level AS o_level, o.subject AS o_subject, o.gold_source AS o_gold_source,
             o.contamination_status AS o_contamination_status, boxed_agreement_bucket(o.agreement) AS o_bucket,
             o.sample_count AS o_sample_count, o.correct_count AS o_correct_count,
             n.set_id, n.source, n.level, n.subject, n.gold_source, n.contamination_status, boxed_agreement_bucket(n.agreement) AS n_bucket,
             n.sample_count, n.correct_count
      FROM boxed_old_problems o JOIN boxed_new_problems n ON n.id = o.id
      WHERE (o.set_id, o.source, o.level, o.subject, o.gold_source, o.contamination_status, boxed_agreement_bucket(o.agreement),
             o.sample_count, o.correct_count)
        IS DISTINCT FROM (n.set_id, n.source, n.level, n.subject, n.gold_source, n.contamination_status, boxed_agreement_bucket(n.agreement),
             n.sample_count, n.correct_count))
    SELECT o_set_id AS set_id, o_source AS source, o_level AS level, o_subject AS subject, o_gold_source AS gold_source,
      o_contamination_status AS contamination_status, o_bucket AS agreement_bucket, o_sample_count AS sample_count, o_correct_count AS correct_count, -1 AS sign FROM changed
    UNION ALL
    SELECT set_id, source, level, subject, gold_source, contamination_status, n_bucket, sample_count, correct_count, 1 FROM changed');
  RETURN NULL;
END $$;
CREATE FUNCTION boxed_problems_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE problem_stats;
  RETURN NULL;
END $$;

-- Existing rows (a database migrated with data): one grouped pass over each table.
INSERT INTO sample_stats (set_id, batch_id, model, source, verdict, verdict_rule, len_bucket, tok_bucket, samples)
SELECT s.set_id, COALESCE(s.batch_id, 0), COALESCE(s.model, ''), p.source, s.verdict, boxed_stat_rule(s.verdict, s.verdict_rule),
       boxed_len_bucket(s.char_length), boxed_tok_bucket(s.token_count), count(*)::integer
FROM samples s JOIN problems p ON p.id = s.problem_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO answer_class_stats (problem_id, answer_key, samples, correct)
SELECT s.problem_id, s.answer_key, count(*)::integer, (count(*) FILTER (WHERE s.verdict = 'equal'))::integer
FROM samples s JOIN problems p ON p.id = s.problem_id
WHERE p.gold_source = 'dataset' AND s.answer_key IS NOT NULL GROUP BY 1, 2;
INSERT INTO batch_minute_stats (batch_id, minute, samples)
SELECT batch_id, date_trunc('minute', created_at), count(*)::integer FROM samples WHERE batch_id IS NOT NULL GROUP BY 1, 2;
INSERT INTO problem_stats (set_id, source, level, subject, gold_source, contamination_status, agreement_bucket, sample_count, correct_count, problems)
SELECT set_id, source, COALESCE(level, ''), COALESCE(subject, ''), gold_source, contamination_status, boxed_agreement_bucket(agreement),
       sample_count, correct_count, count(*)::integer
FROM problems GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

CREATE TRIGGER samples_stats_insert AFTER INSERT ON "samples" REFERENCING NEW TABLE AS boxed_new_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_insert();
CREATE TRIGGER samples_stats_update AFTER UPDATE ON "samples" REFERENCING OLD TABLE AS boxed_old_samples NEW TABLE AS boxed_new_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_update();
CREATE TRIGGER samples_stats_delete AFTER DELETE ON "samples" REFERENCING OLD TABLE AS boxed_old_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_delete();
CREATE TRIGGER samples_stats_truncate AFTER TRUNCATE ON "samples"
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_truncate();
CREATE TRIGGER problems_stats_insert AFTER INSERT ON "problems" REFERENCING NEW TABLE AS boxed_new_problems
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_problems_stats_insert();
CREATE TRIGGER problems_stats_update AFTER UPDATE ON "problems" REFERENCING OLD TABLE AS boxed_old_problems NEW TABLE AS boxed_new_problems
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_problems_stats_update();
CREATE TRIGGER problems_stats_delete AFTER DELETE ON "problems" REFERENCING OLD TABLE AS boxed_old_problems
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_problems_stats_delete();
CREATE TRIGGER problems_stats_truncate AFTER TRUNCATE ON "problems"
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_problems_stats_truncate();
CREATE TRIGGER problems_sample_stats_before_delete BEFORE DELETE ON "problems"
  FOR EACH ROW EXECUTE FUNCTION boxed_problems_before_delete();
CREATE TRIGGER problems_sample_stats_source_change AFTER UPDATE OF source, gold_source ON "problems"
  FOR EACH ROW WHEN (OLD.source IS DISTINCT FROM NEW.source OR (OLD.gold_source = 'dataset') <> (NEW.gold_source = 'dataset'))
  EXECUTE FUNCTION boxed_problems_source_change();
