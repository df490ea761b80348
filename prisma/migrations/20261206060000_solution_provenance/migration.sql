-- CreateEnum
CREATE TYPE "Provenance" AS ENUM ('reference', 'generated');

-- AlterTable (a constant default: no rewrite of the samples tables)
ALTER TABLE "samples" ADD COLUMN "provenance" "Provenance" NOT NULL DEFAULT 'generated';

-- AlterTable (emptied first: the new key column has no value for old rows; rebuilt below)
TRUNCATE "sample_stats";
ALTER TABLE "sample_stats" DROP CONSTRAINT "sample_stats_pkey";
ALTER TABLE "sample_stats" ADD COLUMN "provenance" "Provenance" NOT NULL;
ALTER TABLE "sample_stats" ADD CONSTRAINT "sample_stats_pkey" PRIMARY KEY ("set_id", "batch_id", "model", "source", "provenance", "verdict", "verdict_rule", "len_bucket", "tok_bucket");

-- CreateTable
CREATE TABLE "pass_counts" (
    "problem_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "scope_key" TEXT NOT NULL,
    "samples" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    CONSTRAINT "pass_counts_pkey" PRIMARY KEY ("problem_id","scope","scope_key")
);

-- CreateTable
CREATE TABLE "pass_stats" (
    "set_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "scope_key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "correct_count" INTEGER NOT NULL,
    "problems" INTEGER NOT NULL,

    CONSTRAINT "pass_stats_pkey" PRIMARY KEY ("set_id","scope","scope_key","source","level","subject","sample_count","correct_count")
);

-- CreateIndex
CREATE INDEX "samples_provenance_id_idx" ON "samples"("provenance", "id");


-- ---- Hand-written --------------------------------------------------------------------------------
-- 1. Backfill: existing solutions that came with a problem file are references. An import's Task
--    records its format (result.format, else payload.format): GSM8K, MATH and generic files carry
--    reference solutions, OMI2 and NeMo-Skills files generated ones. Solutions of a batch are
--    generated. A solution with neither batch nor import task (both deleted since) is a reference
--    when it ends in GSM8K's "#### <answer>" line, the one shape no model output of ours has.
--    The aggregate triggers are dropped first and the aggregates rebuilt below, in one pass each.
DROP TRIGGER samples_stats_update ON "samples";
UPDATE samples s SET provenance = 'reference'
  FROM tasks t
 WHERE s.batch_id IS NULL AND t.id = s.import_task_id
   AND COALESCE(t.result->>'format', t.payload->>'format') IN ('gsm8k', 'math', 'generic');
UPDATE samples SET provenance = 'reference'
 WHERE batch_id IS NULL AND import_task_id IS NULL AND text ~ '####\s*\S[^\n]*\s*$';

-- 2. sample_stats gains the provenance; answer_class_stats ("suspect gold") and the new pass
--    counts read generated solutions only (a reference agrees with the gold it was taken from).

-- pass@k counts from `j`, signed sample rows joined to their (existing) problems with
-- problem_id, batch_id, model, verdict, provenance and sign. Step 1 adds the graded generated
-- solutions and the correct ones to each problem's pass_counts (per scope); step 2 moves the
-- problem, in pass_stats, from its old (graded, correct) pair to its new one, both known from the
-- upsert's RETURNING minus the change. Ungraded solutions do not count: n is what grading
-- decided, so pass@k is over graded samples (an import, all ungraded, adds nothing here).
-- The text continues a WITH list: `d AS (...), ..., INSERT ...`.
CREATE FUNCTION boxed_pass_stats_tail() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'd AS (
    SELECT j.problem_id, k.scope, k.scope_key,
           COALESCE(sum(j.sign) FILTER (WHERE j.verdict <> ''ungraded''), 0)::integer AS dn,
           COALESCE(sum(j.sign) FILTER (WHERE j.verdict = ''equal''), 0)::integer AS dc
    FROM j CROSS JOIN LATERAL (VALUES (''set'', ''''), (''model'', COALESCE(j.model, '''')), (''batch'', COALESCE(j.batch_id, 0)::text)) AS k(scope, scope_key)
    WHERE j.provenance = ''generated'' AND j.verdict <> ''ungraded''
    GROUP BY 1, 2, 3),
  dd AS (SELECT * FROM d WHERE dn <> 0 OR dc <> 0),
  u AS (
    INSERT INTO pass_counts AS t (problem_id, scope, scope_key, samples, correct)
    SELECT problem_id, scope, scope_key, dn, dc FROM dd ORDER BY 1, 2, 3
    ON CONFLICT (problem_id, scope, scope_key) DO UPDATE SET samples = t.samples + EXCLUDED.samples, correct = t.correct + EXCLUDED.correct
    RETURNING t.problem_id, t.scope, t.scope_key, t.samples, t.correct),
  m AS (
    SELECT u.problem_id, u.scope, u.scope_key, u.samples - dd.dn AS n, u.correct - dd.dc AS k, -1 AS sign
      FROM u JOIN dd ON dd.problem_id = u.problem_id AND dd.scope = u.scope AND dd.scope_key = u.scope_key
    UNION ALL
    SELECT problem_id, scope, scope_key, samples, correct, 1 FROM u)
  INSERT INTO pass_stats AS t (set_id, scope, scope_key, source, level, subject, sample_count, correct_count, problems)
  SELECT p.set_id, m.scope, m.scope_key, p.source, COALESCE(p.level, ''''), COALESCE(p.subject, ''''), m.n, m.k, sum(m.sign)::integer
    FROM m JOIN problems p ON p.id = m.problem_id WHERE m.n > 0
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(m.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (set_id, scope, scope_key, source, level, subject, sample_count, correct_count)
  DO UPDATE SET problems = t.problems + EXCLUDED.problems'
$$;

-- Every sample aggregate in ONE statement: the changed rows (for an UPDATE, a join of the two
-- transition tables) are read and joined to problems once, for all five tables.
CREATE OR REPLACE FUNCTION boxed_sample_stats_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
  j AS (SELECT c.*, p.source, p.gold_source FROM c JOIN problems p ON p.id = c.problem_id),
  s AS (
    INSERT INTO sample_stats AS t (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket, samples)
    SELECT set_id, COALESCE(batch_id, 0), COALESCE(model, ''''), source, provenance, verdict, boxed_stat_rule(verdict, verdict_rule),
           boxed_len_bucket(char_length), boxed_tok_bucket(token_count), sum(sign)::integer
    FROM j GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket)
    DO UPDATE SET samples = t.samples + EXCLUDED.samples),
  a AS (
    INSERT INTO answer_class_stats AS t (problem_id, answer_key, samples, correct)
    SELECT problem_id, answer_key, sum(sign)::integer, COALESCE(sum(sign) FILTER (WHERE verdict = ''equal''), 0)::integer
    FROM j WHERE gold_source = ''dataset'' AND answer_key IS NOT NULL AND provenance = ''generated''
    GROUP BY 1, 2 HAVING sum(sign) <> 0 OR COALESCE(sum(sign) FILTER (WHERE verdict = ''equal''), 0) <> 0 ORDER BY 1, 2
    ON CONFLICT (problem_id, answer_key) DO UPDATE SET samples = t.samples + EXCLUDED.samples, correct = t.correct + EXCLUDED.correct),
  bm AS (
    INSERT INTO batch_minute_stats AS t (batch_id, minute, samples)
    SELECT batch_id, date_trunc(''minute'', created_at), sum(sign)::integer FROM c WHERE batch_id IS NOT NULL
    GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
    ON CONFLICT (batch_id, minute) DO UPDATE SET samples = t.samples + EXCLUDED.samples),
  ' || boxed_pass_stats_tail()
$$;

-- The pass counts alone (`changes` selects problem_id, batch_id, model, verdict, provenance,
-- sign): the rebuild below.
CREATE FUNCTION boxed_pass_stats_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'WITH c AS (' || changes || '),
  j AS (SELECT c.* FROM c JOIN problems p ON p.id = c.problem_id),
  ' || boxed_pass_stats_tail()
$$;

CREATE OR REPLACE FUNCTION boxed_samples_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_sample_stats_sql('SELECT problem_id, set_id, batch_id, model, provenance, verdict, verdict_rule, char_length, token_count,
    answer_key, created_at, 1 AS sign FROM boxed_new_samples');
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION boxed_samples_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE boxed_sample_stats_sql('SELECT problem_id, set_id, batch_id, model, provenance, verdict, verdict_rule, char_length, token_count,
    answer_key, created_at, -1 AS sign FROM boxed_old_samples');
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION boxed_samples_stats_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changes text := 'WITH changed AS (
      SELECT o.problem_id AS o_problem_id, o.set_id AS o_set_id, o.batch_id AS o_batch_id, o.model AS o_model, o.provenance AS o_provenance,
             o.verdict AS o_verdict, o.verdict_rule AS o_verdict_rule, o.char_length AS o_char_length, o.token_count AS o_token_count,
             o.answer_key AS o_answer_key, o.created_at AS o_created_at, n.problem_id, n.set_id, n.batch_id, n.model, n.provenance, n.verdict,
             n.verdict_rule, n.char_length, n.token_count, n.answer_key, n.created_at
      FROM boxed_old_samples o JOIN boxed_new_samples n ON n.id = o.id
      WHERE (o.problem_id, o.set_id, o.batch_id, o.model, o.provenance, o.verdict, o.verdict_rule, o.char_length, o.token_count, o.answer_key, o.created_at)
        IS DISTINCT FROM (n.problem_id, n.set_id, n.batch_id, n.model, n.provenance, n.verdict, n.verdict_rule, n.char_length, n.token_count, n.answer_key, n.created_at))
    SELECT o_problem_id AS problem_id, o_set_id AS set_id, o_batch_id AS batch_id, o_model AS model, o_provenance AS provenance, o_verdict AS verdict,
      o_verdict_rule AS verdict_rule, o_char_length AS char_length, o_token_count AS token_count, o_answer_key AS answer_key,
      o_created_at AS created_at, -1 AS sign FROM changed
    UNION ALL
    SELECT problem_id, set_id, batch_id, model, provenance, verdict, verdict_rule, char_length, token_count, answer_key, created_at, 1 FROM changed';
BEGIN
  EXECUTE boxed_sample_stats_sql(changes);
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION boxed_samples_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE sample_stats, answer_class_stats, batch_minute_stats, pass_counts, pass_stats;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION boxed_problem_sample_stats(p_id integer, p_source text, p_sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sample_stats AS t (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket, samples)
  SELECT set_id, COALESCE(batch_id, 0), COALESCE(model, ''), p_source, provenance, verdict, boxed_stat_rule(verdict, verdict_rule),
         boxed_len_bucket(char_length), boxed_tok_bucket(token_count), p_sign * count(*)::integer
  FROM samples WHERE problem_id = p_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket)
  DO UPDATE SET samples = t.samples + EXCLUDED.samples
$$;
CREATE OR REPLACE FUNCTION boxed_problem_class_stats(p_id integer, p_sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO answer_class_stats AS t (problem_id, answer_key, samples, correct)
  SELECT p_id, answer_key, p_sign * count(*)::integer, p_sign * (count(*) FILTER (WHERE verdict = 'equal'))::integer
  FROM samples WHERE problem_id = p_id AND answer_key IS NOT NULL AND provenance = 'generated' GROUP BY answer_key ORDER BY answer_key
  ON CONFLICT (problem_id, answer_key) DO UPDATE SET samples = t.samples + EXCLUDED.samples, correct = t.correct + EXCLUDED.correct
$$;

-- A problem about to be deleted leaves pass_stats (its samples' delete cannot join it any more).
CREATE FUNCTION boxed_problems_pass_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM problem_sets WHERE id = OLD.set_id) THEN
    INSERT INTO pass_stats AS t (set_id, scope, scope_key, source, level, subject, sample_count, correct_count, problems)
    SELECT OLD.set_id, scope, scope_key, OLD.source, COALESCE(OLD.level, ''), COALESCE(OLD.subject, ''), samples, correct, -count(*)::integer
      FROM pass_counts WHERE problem_id = OLD.id AND samples > 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (set_id, scope, scope_key, source, level, subject, sample_count, correct_count)
    DO UPDATE SET problems = t.problems + EXCLUDED.problems;
  ELSE
    DELETE FROM pass_stats WHERE set_id = OLD.set_id;
  END IF;
  DELETE FROM pass_counts WHERE problem_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER problems_pass_stats_before_delete BEFORE DELETE ON "problems"
  FOR EACH ROW EXECUTE FUNCTION boxed_problems_pass_before_delete();
CREATE FUNCTION boxed_problems_pass_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE pass_counts, pass_stats;
  RETURN NULL;
END $$;
CREATE TRIGGER problems_pass_stats_truncate AFTER TRUNCATE ON "problems"
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_problems_pass_truncate();

-- 3. Rebuild the sample aggregates from the rows, one grouped pass each (minutes at 14M).
TRUNCATE sample_stats, answer_class_stats;
INSERT INTO sample_stats (set_id, batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket, samples)
SELECT s.set_id, COALESCE(s.batch_id, 0), COALESCE(s.model, ''), p.source, s.provenance, s.verdict, boxed_stat_rule(s.verdict, s.verdict_rule),
       boxed_len_bucket(s.char_length), boxed_tok_bucket(s.token_count), count(*)::integer
FROM samples s JOIN problems p ON p.id = s.problem_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
INSERT INTO answer_class_stats (problem_id, answer_key, samples, correct)
SELECT s.problem_id, s.answer_key, count(*)::integer, (count(*) FILTER (WHERE s.verdict = 'equal'))::integer
FROM samples s JOIN problems p ON p.id = s.problem_id
WHERE p.gold_source = 'dataset' AND s.answer_key IS NOT NULL AND s.provenance = 'generated' GROUP BY 1, 2;
DO $$ BEGIN
  EXECUTE boxed_pass_stats_sql('SELECT problem_id, batch_id, model, verdict, provenance, 1 AS sign FROM samples');
END $$;

CREATE TRIGGER samples_stats_update AFTER UPDATE ON "samples" REFERENCING OLD TABLE AS boxed_old_samples NEW TABLE AS boxed_new_samples
  FOR EACH STATEMENT EXECUTE FUNCTION boxed_samples_stats_update();
