// The Task rows that imports, exports and grading report into. pg-boss carries the job; the Task
// row is what a progress bar reads (CLI, pages polling /api/imports/<id>), so it is written from
// a connection of its own: an import's transaction is invisible to others until it commits.
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";

export type TaskStateName = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface NewTask {
  kind: string;
  label: string;
  unit?: string;
  total?: number | null;
  payload?: Prisma.InputJsonValue;
  createdById?: number | null;
  state?: TaskStateName;
}

export async function createTask(task: NewTask): Promise<number> {
  const row = await prisma().task.create({
    data: {
      kind: task.kind,
      label: task.label,
      unit: task.unit ?? "rows",
      total: task.total ?? null,
      payload: task.payload ?? {},
      createdById: task.createdById ?? null,
      state: task.state ?? "queued",
      startedAt: task.state === "running" ? new Date() : null,
    },
  });
  return row.id;
}

export interface TaskProgress {
  done: number;
  total?: number | null;
  message?: string | null;
  result?: Prisma.InputJsonValue;
}

export async function markTaskRunning(taskId: number): Promise<void> {
  await prisma().task.update({ where: { id: taskId }, data: { state: "running", startedAt: new Date(), updatedAt: new Date() } });
}

export async function updateTaskProgress(taskId: number, progress: TaskProgress): Promise<void> {
  await prisma().task.update({
    where: { id: taskId },
    data: {
      done: Math.round(progress.done),
      ...(progress.total !== undefined ? { total: progress.total === null ? null : Math.round(progress.total) } : {}),
      ...(progress.message !== undefined ? { message: progress.message } : {}),
      ...(progress.result !== undefined ? { result: progress.result } : {}),
      updatedAt: new Date(),
    },
  });
}

export interface ThrottledProgress {
  report(progress: TaskProgress): void;
  /** Waits for a write in flight and ignores later reports, so none can land after finishTask. */
  stop(): Promise<void>;
}

/** At most one write per `intervalMs`. */
export function throttledTaskProgress(taskId: number, intervalMs = 1000): ThrottledProgress {
  let last = 0;
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  return {
    report(progress) {
      const now = Date.now();
      if (stopped || inFlight || now - last < intervalMs) return;
      last = now;
      // Progress is advisory: a failed write must not fail the work it describes.
      inFlight = updateTaskProgress(taskId, progress)
        .catch(() => {})
        .finally(() => {
          inFlight = null;
        });
    },
    async stop() {
      stopped = true;
      await inFlight;
    },
  };
}

export async function finishTask(
  taskId: number,
  outcome: { state: "completed" | "failed" | "cancelled"; result?: Prisma.InputJsonValue; error?: string | null; done?: number; total?: number | null; message?: string | null },
): Promise<void> {
  await prisma().task.update({
    where: { id: taskId },
    data: {
      state: outcome.state,
      finishedAt: new Date(),
      updatedAt: new Date(),
      ...(outcome.result !== undefined ? { result: outcome.result } : {}),
      ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      ...(outcome.done !== undefined ? { done: Math.round(outcome.done) } : {}),
      ...(outcome.total !== undefined ? { total: outcome.total === null ? null : Math.round(outcome.total) } : {}),
      ...(outcome.message !== undefined ? { message: outcome.message } : {}),
    },
  });
}

/** Marks a Task failed with the error's message; never throws (the caller rethrows the error). */
export async function failTaskQuietly(taskId: number, error: unknown): Promise<void> {
  await finishTask(taskId, { state: "failed", error: error instanceof Error ? error.message : String(error) }).catch(() => {});
}
