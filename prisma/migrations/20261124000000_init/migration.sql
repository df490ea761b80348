-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'curator', 'reviewer', 'viewer');

-- CreateEnum
CREATE TYPE "SetRole" AS ENUM ('seed', 'benchmark', 'synthetic');

-- CreateEnum
CREATE TYPE "GoldSource" AS ENUM ('dataset', 'majority_vote', 'none');

-- CreateEnum
CREATE TYPE "ContaminationStatus" AS ENUM ('unchecked', 'clean', 'candidate', 'judge_failed', 'flagged', 'contaminated', 'cleared', 'unsure');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('ungraded', 'equal', 'not_equal', 'undecided', 'no_answer');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('unreviewed', 'accepted', 'rejected', 'unsure');

-- CreateEnum
CREATE TYPE "ApiStyle" AS ENUM ('completions', 'chat');

-- CreateEnum
CREATE TYPE "EndpointPurpose" AS ENUM ('generation', 'embeddings');

-- CreateEnum
CREATE TYPE "TemplateKind" AS ENUM ('solution_completion', 'solution_chat', 'problem_inspired', 'problem_similar', 'judge');

-- CreateEnum
CREATE TYPE "BatchKind" AS ENUM ('solutions', 'problems', 'label', 'judge');

-- CreateEnum
CREATE TYPE "BatchState" AS ENUM ('queued', 'running', 'paused', 'cancelled', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "RequestState" AS ENUM ('pending', 'in_flight', 'done', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "JudgeAnswer" AS ENUM ('said_true', 'said_false', 'failed');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('contaminated', 'clean', 'unsure');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "password_hash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMP(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "problem_sets" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" "SetRole" NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "problem_count" INTEGER NOT NULL DEFAULT 0,
    "sample_count" INTEGER NOT NULL DEFAULT 0,
    "correct_count" INTEGER NOT NULL DEFAULT 0,
    "graded_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "problem_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problems" (
    "id" SERIAL NOT NULL,
    "set_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "text_hash" CHAR(64) NOT NULL,
    "source_key" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "level" TEXT,
    "subject" TEXT,
    "gold_answer" TEXT,
    "gold_source" "GoldSource" NOT NULL DEFAULT 'none',
    "majority_votes" INTEGER,
    "total_votes" INTEGER,
    "agreement" DOUBLE PRECISION,
    "parent_id" INTEGER,
    "created_by_batch_id" INTEGER,
    "contamination_status" "ContaminationStatus" NOT NULL DEFAULT 'unchecked',
    "sample_count" INTEGER NOT NULL DEFAULT 0,
    "correct_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_endpoints" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" "EndpointPurpose" NOT NULL DEFAULT 'generation',
    "base_url" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "api_style" "ApiStyle" NOT NULL DEFAULT 'chat',
    "api_key_encrypted" TEXT,
    "api_key_env" TEXT,
    "max_concurrency" INTEGER NOT NULL DEFAULT 16,
    "requests_per_minute" INTEGER,
    "timeout_ms" INTEGER NOT NULL DEFAULT 600000,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "prompt_templates" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "TemplateKind" NOT NULL,
    "body" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "generation_batches" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "BatchKind" NOT NULL,
    "state" "BatchState" NOT NULL DEFAULT 'queued',
    "set_id" INTEGER NOT NULL,
    "endpoint_id" INTEGER,
    "template_id" INTEGER,
    "model" TEXT NOT NULL,
    "samples_per_problem" INTEGER NOT NULL,
    "temperature" DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    "top_p" DOUBLE PRECISION NOT NULL DEFAULT 0.95,
    "max_tokens" INTEGER NOT NULL DEFAULT 2048,
    "seed_base" INTEGER NOT NULL DEFAULT 0,
    "selection" JSONB NOT NULL DEFAULT '{}',
    "problem_count" INTEGER NOT NULL DEFAULT 0,
    "request_count" INTEGER NOT NULL DEFAULT 0,
    "done_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "correct_count" INTEGER NOT NULL DEFAULT 0,
    "prompt_tokens" BIGINT NOT NULL DEFAULT 0,
    "completion_tokens" BIGINT NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "generation_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batch_requests" (
    "id" SERIAL NOT NULL,
    "batch_id" INTEGER NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "sample_index" INTEGER NOT NULL,
    "state" "RequestState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error_kind" TEXT,
    "last_error" TEXT,
    "lease_until" TIMESTAMP(3),
    "not_before" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batch_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "samples" (
    "id" SERIAL NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "set_id" INTEGER NOT NULL,
    "batch_id" INTEGER,
    "import_task_id" INTEGER,
    "sample_index" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "model" TEXT,
    "extracted_answer" TEXT,
    "answer_key" TEXT,
    "verdict" "Verdict" NOT NULL DEFAULT 'ungraded',
    "verdict_rule" TEXT,
    "verdict_reason" TEXT,
    "file_verdict" BOOLEAN,
    "finish_reason" TEXT,
    "prompt_tokens" INTEGER,
    "completion_tokens" INTEGER,
    "char_length" INTEGER NOT NULL,
    "token_count" INTEGER,
    "boxed_count" INTEGER NOT NULL DEFAULT 0,
    "latency_ms" INTEGER,
    "seed" INTEGER,
    "review_status" "ReviewStatus" NOT NULL DEFAULT 'unreviewed',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "graded_at" TIMESTAMP(3),

    CONSTRAINT "samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contamination_candidates" (
    "id" SERIAL NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "benchmark_problem_id" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "embedding_score" DOUBLE PRECISION,
    "exact" BOOLEAN NOT NULL DEFAULT false,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "judge_forward" "JudgeAnswer",
    "judge_backward" "JudgeAnswer",
    "judge_raw" JSONB,
    "judge_batch_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contamination_candidates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contamination_decisions" (
    "id" SERIAL NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "decision" "DecisionKind" NOT NULL,
    "note" TEXT,
    "user_id" INTEGER,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "undone_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contamination_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_queues" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "spec" JSONB NOT NULL DEFAULT '{}',
    "reviewers_per_item" INTEGER NOT NULL DEFAULT 1,
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_queues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "id" SERIAL NOT NULL,
    "queue_id" INTEGER NOT NULL,
    "sample_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "stratum" TEXT,
    "assigned_to_id" INTEGER,
    "locked_by_id" INTEGER,
    "locked_until" TIMESTAMP(3),

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_annotations" (
    "id" SERIAL NOT NULL,
    "sample_id" INTEGER NOT NULL,
    "queue_id" INTEGER,
    "user_id" INTEGER,
    "decision" "ReviewStatus" NOT NULL,
    "note" TEXT,
    "superseded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'queued',
    "label" TEXT NOT NULL,
    "total" BIGINT,
    "done" BIGINT NOT NULL DEFAULT 0,
    "unit" TEXT NOT NULL DEFAULT 'rows',
    "message" TEXT,
    "error" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "action" TEXT NOT NULL,
    "object_type" TEXT,
    "object_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "problem_sets_name_key" ON "problem_sets"("name");

-- CreateIndex
CREATE INDEX "problems_set_id_source_key_idx" ON "problems"("set_id", "source_key");

-- CreateIndex
CREATE INDEX "problems_parent_id_idx" ON "problems"("parent_id");

-- CreateIndex
CREATE INDEX "problems_set_id_contamination_status_idx" ON "problems"("set_id", "contamination_status");

-- CreateIndex
CREATE INDEX "problems_source_idx" ON "problems"("source");

-- CreateIndex
CREATE UNIQUE INDEX "problems_set_id_text_hash_key" ON "problems"("set_id", "text_hash");

-- CreateIndex
CREATE UNIQUE INDEX "model_endpoints_name_key" ON "model_endpoints"("name");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_templates_name_version_key" ON "prompt_templates"("name", "version");

-- CreateIndex
CREATE INDEX "generation_batches_state_idx" ON "generation_batches"("state");

-- CreateIndex
CREATE INDEX "generation_batches_set_id_idx" ON "generation_batches"("set_id");

-- CreateIndex
CREATE INDEX "batch_requests_batch_id_state_idx" ON "batch_requests"("batch_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "batch_requests_batch_id_problem_id_sample_index_key" ON "batch_requests"("batch_id", "problem_id", "sample_index");

-- CreateIndex
CREATE INDEX "samples_problem_id_idx" ON "samples"("problem_id");

-- CreateIndex
CREATE INDEX "samples_set_id_id_idx" ON "samples"("set_id", "id");

-- CreateIndex
CREATE INDEX "samples_batch_id_id_idx" ON "samples"("batch_id", "id");

-- CreateIndex
CREATE INDEX "samples_verdict_id_idx" ON "samples"("verdict", "id");

-- CreateIndex
CREATE INDEX "samples_review_status_id_idx" ON "samples"("review_status", "id");

-- CreateIndex
CREATE INDEX "samples_char_length_idx" ON "samples"("char_length");

-- CreateIndex
CREATE INDEX "samples_problem_id_answer_key_idx" ON "samples"("problem_id", "answer_key");

-- CreateIndex
CREATE INDEX "samples_import_task_id_idx" ON "samples"("import_task_id");

-- CreateIndex
CREATE UNIQUE INDEX "samples_batch_id_problem_id_sample_index_key" ON "samples"("batch_id", "problem_id", "sample_index");

-- CreateIndex
CREATE INDEX "contamination_candidates_benchmark_problem_id_idx" ON "contamination_candidates"("benchmark_problem_id");

-- CreateIndex
CREATE INDEX "contamination_candidates_score_idx" ON "contamination_candidates"("score");

-- CreateIndex
CREATE UNIQUE INDEX "contamination_candidates_problem_id_benchmark_problem_id_key" ON "contamination_candidates"("problem_id", "benchmark_problem_id");

-- CreateIndex
CREATE INDEX "contamination_decisions_problem_id_created_at_idx" ON "contamination_decisions"("problem_id", "created_at");

-- CreateIndex
CREATE INDEX "review_items_queue_id_position_idx" ON "review_items"("queue_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "review_items_queue_id_sample_id_assigned_to_id_key" ON "review_items"("queue_id", "sample_id", "assigned_to_id");

-- CreateIndex
CREATE INDEX "review_annotations_sample_id_created_at_idx" ON "review_annotations"("sample_id", "created_at");

-- CreateIndex
CREATE INDEX "review_annotations_queue_id_user_id_idx" ON "review_annotations"("queue_id", "user_id");

-- CreateIndex
CREATE INDEX "tasks_kind_created_at_idx" ON "tasks"("kind", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE INDEX "audit_log_user_id_at_idx" ON "audit_log"("user_id", "at");

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_set_id_fkey" FOREIGN KEY ("set_id") REFERENCES "problem_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "problems"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_created_by_batch_id_fkey" FOREIGN KEY ("created_by_batch_id") REFERENCES "generation_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generation_batches" ADD CONSTRAINT "generation_batches_set_id_fkey" FOREIGN KEY ("set_id") REFERENCES "problem_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generation_batches" ADD CONSTRAINT "generation_batches_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "model_endpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generation_batches" ADD CONSTRAINT "generation_batches_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "prompt_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generation_batches" ADD CONSTRAINT "generation_batches_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_requests" ADD CONSTRAINT "batch_requests_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "generation_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_requests" ADD CONSTRAINT "batch_requests_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_set_id_fkey" FOREIGN KEY ("set_id") REFERENCES "problem_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "generation_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "samples" ADD CONSTRAINT "samples_import_task_id_fkey" FOREIGN KEY ("import_task_id") REFERENCES "tasks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contamination_candidates" ADD CONSTRAINT "contamination_candidates_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contamination_candidates" ADD CONSTRAINT "contamination_candidates_benchmark_problem_id_fkey" FOREIGN KEY ("benchmark_problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contamination_decisions" ADD CONSTRAINT "contamination_decisions_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contamination_decisions" ADD CONSTRAINT "contamination_decisions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "review_queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_sample_id_fkey" FOREIGN KEY ("sample_id") REFERENCES "samples"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_assigned_to_id_fkey" FOREIGN KEY ("assigned_to_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_locked_by_id_fkey" FOREIGN KEY ("locked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_annotations" ADD CONSTRAINT "review_annotations_sample_id_fkey" FOREIGN KEY ("sample_id") REFERENCES "samples"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_annotations" ADD CONSTRAINT "review_annotations_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "review_queues"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_annotations" ADD CONSTRAINT "review_annotations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

