// The list of jobs the worker runs. Import order does not matter; names must be unique.
import type { JobDefinition } from "@/lib/jobs/job-definitions";
import { healthCheckJob } from "@/lib/jobs/health-check-job";
import { exportFileJob } from "@/lib/datasets/export/export-file-job";
import { gradeImportJob } from "@/lib/datasets/grading-job/grade-import-job";
import { searchIndexJob } from "@/lib/datasets/search-index/search-index-job";
import { importFileJob } from "@/lib/datasets/import/import-file-job";
import { reviewQueueFillJob } from "@/lib/review/review-queue-job";
import { bulkActionJob } from "@/lib/solutions/bulk-action-job";
import { runBatchJob } from "@/lib/generation/worker/run-batch-job";
import { judgeSettleJob } from "@/lib/decontamination/pipeline/judge-settle-job";
import { retrievalJob } from "@/lib/decontamination/pipeline/retrieval-job";
import { setDeleteJob } from "@/lib/datasets/sets/set-delete-job";
import { clusterSetJob } from "@/lib/decontamination/diversity/cluster-set-job";

export const jobDefinitions: JobDefinition<never>[] = [
  healthCheckJob as JobDefinition<never>,
  importFileJob as JobDefinition<never>,
  gradeImportJob as JobDefinition<never>,
  searchIndexJob as JobDefinition<never>,
  exportFileJob as JobDefinition<never>,
  bulkActionJob as JobDefinition<never>,
  reviewQueueFillJob as JobDefinition<never>,
  runBatchJob as JobDefinition<never>,
  retrievalJob as JobDefinition<never>,
  judgeSettleJob as JobDefinition<never>,
  setDeleteJob as JobDefinition<never>,
  clusterSetJob as JobDefinition<never>,
];
