// The list of jobs the worker runs: one per queue of queues.ts (a unit test checks). Imported only
// by the worker (run-worker.ts): it pulls in every handler, and a sender that imported it would
// close an import circle through its own job.
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

export const jobDefinitions: JobDefinition[] = [
  healthCheckJob,
  importFileJob,
  gradeImportJob,
  searchIndexJob,
  exportFileJob,
  bulkActionJob,
  reviewQueueFillJob,
  runBatchJob,
  retrievalJob,
  judgeSettleJob,
  setDeleteJob,
  clusterSetJob,
];
