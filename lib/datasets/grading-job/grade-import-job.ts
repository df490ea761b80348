// The pg-boss job that grades an import in the background: loading never waits for grading.
// After a large import into a new set, the set's search index is built once grading ends
// (search-index-job.ts says why), whether grading succeeded or not; the bulk path (grading-path.ts)
// then leaves the index out of its rebuild of the set's table.
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { queueSearchIndex } from "@/lib/datasets/search-index/search-index-job";
import { defineJob } from "@/lib/jobs/job-definitions";

export const gradeImportJob = defineJob({
  queue: "grade-import",
  concurrency: 1,
  taskIdField: "gradingTaskId",
  async handle(data) {
    try {
      const summary = await gradeImport(data.importTaskId, data.gradingTaskId, { searchIndexAfter: Boolean(data.searchIndex) });
      return { graded: summary.graded, equal: summary.equal };
    } finally {
      // A singleton per set, and the build itself idempotent: a retried grading queues no second build.
      if (data.searchIndex) await queueSearchIndex(data.searchIndex);
    }
  },
});
