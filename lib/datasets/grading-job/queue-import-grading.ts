// After an import commits: a Task for its grading, and the job that does it.
import { GRADE_IMPORT_QUEUE } from "@/lib/datasets/grading-job/grade-import-job";
import { createTask } from "@/lib/datasets/tasks/task-rows";

export async function queueImportGrading(importTaskId: number, solutions: number, setName: string, userId: number | null): Promise<number> {
  const gradingTaskId = await createTask({
    kind: "grade-import",
    label: `Grade ${solutions.toLocaleString("en-US")} imported solutions of ${setName}`,
    unit: "solutions",
    total: solutions,
    payload: { importTaskId },
    createdById: userId,
  });
  // Imported lazily: the import job (in the job registry) reaches this module, and enqueue reads
  // the registry; a static import would make that a cycle.
  const { enqueue } = await import("@/lib/jobs/enqueue");
  await enqueue(GRADE_IMPORT_QUEUE, { importTaskId, gradingTaskId });
  return gradingTaskId;
}
