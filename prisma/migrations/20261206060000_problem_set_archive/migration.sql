-- AlterTable
ALTER TABLE "problem_sets" ADD COLUMN "archived_at" TIMESTAMP(3);
