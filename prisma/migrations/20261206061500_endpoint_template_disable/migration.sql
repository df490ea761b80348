-- AlterTable
ALTER TABLE "model_endpoints" ADD COLUMN "disabled_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "prompt_templates" ADD COLUMN "disabled_at" TIMESTAMP(3);
