// After an import commits: a Task for its grading, then (once the import's summary is stored,
// which the job reads) the job that does it.
import { GRADE_IMPORT_QUEUE, type GradeImportJobData } from "@/lib/datasets/grading-job/grade-import-job";
import type { GradingSummary } from "@/lib/datasets/import/import-summary";
import { createTask } from "@/lib/tasks/task-rows";

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    "grade-import": { payload: { importTaskId: number }; result: GradingSummary };
  }
}

export async function createImportGradingTask(importTaskId: number, solutions: number, setName: string, userId: number | null): Promise<number> {
  return createTask({
    kind: "grade-import",
    label: `Grade ${solutions.toLocaleString("en-US")} imported solutions of ${setName}`,
    unit: "solutions",
    total: solutions,
    payload: { importTaskId },
    createdById: userId,
  });
}

export async function sendImportGradingJob(data: GradeImportJobData): Promise<void> {
  // Imported lazily: the import job (in the job registry) reaches this module, and enqueue reads
  // the registry; a static import would make that a cycle.
  const { enqueue } = await import("@/lib/jobs/enqueue");
  await enqueue(GRADE_IMPORT_QUEUE, data);
}
