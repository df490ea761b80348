-- CreateEnum
CREATE TYPE "FileVerdictSource" AS ENUM ('is_correct', 'symbolic_correct', 'judgement');

-- AlterTable
ALTER TABLE "samples" ADD COLUMN     "file_verdict_source" "FileVerdictSource";
