-- DropIndex
DROP INDEX "samples_problem_id_idx";

-- DropIndex
DROP INDEX "samples_char_length_idx";

-- CreateIndex
CREATE INDEX "problems_contamination_status_idx" ON "problems"("contamination_status");

-- CreateIndex
CREATE INDEX "problems_agreement_idx" ON "problems"("agreement");

-- CreateIndex
CREATE INDEX "samples_problem_id_id_idx" ON "samples"("problem_id", "id");

-- CreateIndex
CREATE INDEX "samples_char_length_id_idx" ON "samples"("char_length", "id");

-- Hand-written (Prisma cannot express them); see docs/review.md for why each exists.
-- Keyset sorts of the solutions browser on nullable columns: the sort key is COALESCE(col, x) so
-- that (key, id) is never NULL and one row comparison "(key, id) < ($1, $2)" walks the index.
CREATE INDEX IF NOT EXISTS samples_token_count_sort ON "samples" ((COALESCE("token_count", -1)), "id");
CREATE INDEX IF NOT EXISTS samples_batch_sort ON "samples" ((COALESCE("batch_id", 0)), "id");
CREATE INDEX IF NOT EXISTS samples_model_sort ON "samples" ((COALESCE("model", '')), "id");
CREATE INDEX IF NOT EXISTS samples_answer_key_sort ON "samples" ((COALESCE("answer_key", '')), "id");
-- Substring search in solution texts ("\frac{3}{8}", "triangle"): trigram GIN, like problems.text.
-- A tsvector index is smaller but cannot find LaTeX fragments; bench/browse.ts measures both.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS samples_text_trgm ON "samples" USING gin ("text" gin_trgm_ops);
