"use client";
// Follows a Task row until it finishes: a labelled progress bar with counts, then the outcome.
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import type { TaskStatus } from "@/lib/tasks/task-status";

export function TaskProgress({ taskId, onFinished }: { taskId: number; onFinished?: (task: TaskStatus) => void }) {
  const { status: task, error } = useTaskProgress(taskId, { intervalMs: 800, onFinished });
  if (error) return <p className="text-sm text-rose-700">{error}</p>;
  if (!task) return <p className="text-sm text-slate-600">Starting task #{taskId}…</p>;
  const share = task.total ? Math.min(1, task.done / task.total) : null;
  return (
    <div className="space-y-1 text-sm" role="status">
      <p className="font-medium">
        {task.label} — {task.state}
      </p>
      <div role="progressbar" aria-label={`Progress of task ${task.id}`} aria-valuemin={0} aria-valuemax={task.total ?? undefined} aria-valuenow={task.done} className="h-2 w-full max-w-md overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-sky-600 transition-all" style={{ width: `${(share ?? 0) * 100}%` }} />
      </div>
      <p className="text-xs text-slate-600">
        {task.done.toLocaleString("en-US")}
        {task.total !== null ? ` / ${task.total.toLocaleString("en-US")}` : ""} {task.unit}
        {task.message ? ` · ${task.message}` : ""}
      </p>
      {task.error && <p className="text-xs text-rose-700">{task.error}</p>}
    </div>
  );
}
