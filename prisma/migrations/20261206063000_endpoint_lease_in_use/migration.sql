-- AlterTable
ALTER TABLE "endpoint_leases" ADD COLUMN "in_use" INTEGER NOT NULL DEFAULT 0;
