// The pg-boss job that grades an import in the background: loading never waits for grading.
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { defineJob } from "@/lib/jobs/job-definitions";

export const GRADE_IMPORT_QUEUE = "grade-import";

export const gradeImportJob = defineJob<{ importTaskId: number; gradingTaskId: number }>({
  queue: GRADE_IMPORT_QUEUE,
  concurrency: 1,
  // Batches commit as they go and a re-run resumes at the first ungraded row, so retrying is safe.
  retryLimit: 2,
  expireInSeconds: 6 * 3600,
  async handle(data) {
    const summary = await gradeImport(data.importTaskId, data.gradingTaskId);
    return { graded: summary.graded, equal: summary.equal };
  },
});
