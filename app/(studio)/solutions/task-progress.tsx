"use client";
// Follows a Task row until it finishes: a labelled progress bar with counts, then the outcome.
import { useEffect, useState } from "react";
import type { TaskProgress as Progress } from "@/lib/solutions/find-task-progress";
import { readTaskProgress } from "./actions";

export function TaskProgress({ taskId, onFinished }: { taskId: number; onFinished?: (task: Progress) => void }) {
  const [task, setTask] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await readTaskProgress({ taskId });
      if (stopped) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setTask(result.data);
      if (["completed", "failed", "cancelled"].includes(result.data.state)) onFinished?.(result.data);
      else timer = setTimeout(poll, 800);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [taskId, onFinished]);
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
