-- AlterTable
ALTER TABLE "generation_batches" ADD COLUMN     "stats" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "batch_requests" ADD COLUMN     "candidate_id" INTEGER;

-- CreateTable
CREATE TABLE "endpoint_leases" (
    "endpoint_id" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "slots" INTEGER NOT NULL,
    "lease_until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "endpoint_leases_pkey" PRIMARY KEY ("endpoint_id","holder")
);

-- CreateTable
CREATE TABLE "endpoint_throttles" (
    "endpoint_id" INTEGER NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "refilled_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "endpoint_throttles_pkey" PRIMARY KEY ("endpoint_id")
);

-- AddForeignKey
ALTER TABLE "endpoint_leases" ADD CONSTRAINT "endpoint_leases_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "model_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endpoint_throttles" ADD CONSTRAINT "endpoint_throttles_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "model_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_requests" ADD CONSTRAINT "batch_requests_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "contamination_candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

