"use client";
// For server pages that show a Task's outcome (a clustering's summary, a review queue's items):
// follows the Task and re-renders the page once it has finished. Renders nothing.
import { useTaskProgress } from "@/components/tasks/use-task-progress";

export function RefreshWhenTaskEnds({ taskId }: { taskId: number }) {
  useTaskProgress(taskId, { refreshOnFinish: true });
  return null;
}
