-- The recipe's per-solution export filter inputs, computed once when a solution is graded
-- (lib/grading/filters/filter-inputs.ts) so that the default export decides every filter in SQL
-- (docs/datasets.md, "Export"). Nullable, no default: ADD COLUMN is then a catalog change only,
-- instant on a 14M-row partitioned table. filter_version NULL (rows graded before this migration,
-- rows no grader has seen) means "not computed": an export decides those rows from their text.
ALTER TABLE "samples" ADD COLUMN "filter_version" SMALLINT,
    ADD COLUMN "trimmed_chars" INTEGER,
    ADD COLUMN "trimmed_length" INTEGER,
    ADD COLUMN "trimmed_tokens" INTEGER,
    ADD COLUMN "problem_tokens" INTEGER,
    ADD COLUMN "arithmetic_error" TEXT;
