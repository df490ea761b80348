// After an import commits: a Task for its grading, then (once the import's summary is stored,
// which the job reads) the job that does it.
import type { GradingSummary } from "@/lib/datasets/import/import-summary";
import { enqueue } from "@/lib/jobs/enqueue";
import type { GradeImportJobData } from "@/lib/jobs/queues";
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
  await enqueue("grade-import", data);
}
