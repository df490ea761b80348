"use client";
// The one way a page follows a Task: polls GET /api/tasks/<id> (lib/tasks/task-progress-route.ts)
// until the Task is finished (or, with `keepPolling`, until what hangs on it is: an import's
// grading), then calls `onFinished` once and, with `refreshOnFinish`, re-renders the server page
// (router.refresh) so what the Task changed shows. Network hiccups and server errors are retried;
// a refusal or an unknown Task ends the polling with the server's message in `error`.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isOpenTaskState, type TaskKind } from "@/lib/tasks/task-kinds";
import type { TaskStatus } from "@/lib/tasks/task-status";

const RETRY_MS = 2000;

export interface TaskProgressOptions<K extends TaskKind> {
  /** Between two polls while the Task runs (default 1 s). */
  intervalMs?: number;
  /** Go on polling after the Task itself finished, while this says so. */
  keepPolling?: (status: TaskStatus<K>) => boolean;
  /** Called once, when the Task is first seen finished (completed, failed or cancelled). */
  onFinished?: (status: TaskStatus<K>) => void;
  /** Re-render the server page once the Task has finished. */
  refreshOnFinish?: boolean;
}

export function useTaskProgress<K extends TaskKind = TaskKind>(
  taskId: number | null,
  options: TaskProgressOptions<K> = {},
): { status: TaskStatus<K> | null; error: string | null } {
  const router = useRouter();
  const [status, setStatus] = useState<TaskStatus<K> | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest callbacks, read at each poll: a new function each render must not restart polling.
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    setStatus(null);
    setError(null);
    if (taskId === null) return;
    let stopped = false;
    let finished = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (ms: number) => {
      if (!stopped) timer = setTimeout(() => void poll(), ms);
    };
    async function poll() {
      let response: Response;
      try {
        response = await fetch(`/api/tasks/${taskId}`, { cache: "no-store" });
      } catch {
        return again(RETRY_MS);
      }
      if (stopped) return;
      if (!response.ok) {
        if (response.status >= 500) return again(RETRY_MS);
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        if (!stopped) setError(body?.error ?? `The server answered ${response.status}.`);
        return;
      }
      const next = (await response.json()) as TaskStatus<K>;
      if (stopped) return;
      setStatus(next);
      const { intervalMs = 1000, keepPolling, onFinished, refreshOnFinish } = latest.current;
      const open = isOpenTaskState(next.state);
      if (!open && !finished) {
        finished = true;
        onFinished?.(next);
        if (refreshOnFinish) router.refresh();
      }
      if (open || keepPolling?.(next)) again(intervalMs);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [taskId, router]);

  return { status, error };
}
