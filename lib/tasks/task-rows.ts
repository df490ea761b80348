// The one home of a Task's lifecycle: create, claim (mark running), progress, cancel, finish and
// fail, each with its audit entry when asked for. pg-boss carries the job; the Task row is what a
// progress bar reads (CLI, pages polling /api/tasks/<id>), so progress is written from a
// connection of its own: an import's transaction is invisible to others until it commits. Jobs
// that commit work in chunks lock and advance their Task inside each chunk's transaction
// (lockTaskInChunk, recordChunkProgress), so a cancel lands between chunks.
//
// Payloads and results are typed per kind (task-kinds.ts) and stored as plain JSON (toJson), so
// no caller casts them.
import type { PoolClient } from "pg";
import { type AuditEntry, recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/db/generated/client";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { OPEN_TASK_STATES, type TaskKind, type TaskPayload, type TaskResult, type TaskStateName } from "@/lib/tasks/task-kinds";

export type { TaskStateName } from "@/lib/tasks/task-kinds";

/** Payloads, results and audit details are plain data; jsonb keeps exactly what JSON keeps. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value ?? {}));
}

/** An audit entry written with a Task change (in the same transaction). `details` is any plain object. */
export interface TaskAuditEntry extends Omit<AuditEntry, "details" | "userId"> {
  userId: number | null;
  details?: object;
}

function auditOf(entry: TaskAuditEntry): AuditEntry {
  return { ...entry, ...(entry.details !== undefined ? { details: toJson(entry.details) } : {}) };
}

/** A result together with the kind it belongs to, so it is checked against that kind. */
type KindedResult = { [K in TaskKind]: { kind: K; result?: TaskResult<K> } }[TaskKind];
type ResultOfKind = KindedResult | { kind?: undefined; result?: undefined };

export interface NewTask<K extends TaskKind> {
  kind: K;
  label: string;
  unit?: string;
  total?: number | null;
  payload?: TaskPayload<K>;
  createdById?: number | null;
  state?: "queued" | "running";
}

type Db = Pick<Prisma.TransactionClient, "task" | "auditLog">;

/**
 * Creates a Task; with `audit`, its entry (objectId defaults to the Task; the user to its creator)
 * is written in the same transaction (`tx`, or one of its own).
 */
export async function createTask<K extends TaskKind>(
  task: NewTask<K>,
  options: { tx?: Db; audit?: (taskId: number) => Omit<TaskAuditEntry, "userId"> & { userId?: number | null } } = {},
): Promise<number> {
  const write = async (db: Db) => {
    const row = await db.task.create({
      data: {
        kind: task.kind,
        label: task.label,
        unit: task.unit ?? "rows",
        total: task.total ?? null,
        payload: task.payload === undefined ? {} : toJson(task.payload),
        createdById: task.createdById ?? null,
        state: task.state ?? "queued",
        startedAt: task.state === "running" ? new Date() : null,
      },
    });
    if (options.audit) {
      const entry = options.audit(row.id);
      await recordAudit(auditOf({ objectType: "task", objectId: row.id, ...entry, userId: entry.userId === undefined ? (task.createdById ?? null) : entry.userId }), db);
    }
    return row.id;
  };
  if (options.tx) return write(options.tx);
  if (!options.audit) return write(prisma());
  return prisma().$transaction((tx) => write(tx));
}

/** Sets the label and payload of a Task created before they could be known (exports name their file after the Task's id). */
export async function describeTask<K extends TaskKind>(kind: K, taskId: number, label: string, payload: TaskPayload<K>): Promise<void> {
  await prisma().task.updateMany({ where: { id: taskId, kind }, data: { label, payload: toJson(payload), updatedAt: new Date() } });
}

export interface TaskRow<K extends TaskKind> {
  id: number;
  kind: K;
  state: TaskStateName;
  label: string;
  done: number;
  total: number | null;
  payload: TaskPayload<K>;
  result: TaskResult<K> | null;
  createdById: number | null;
  createdBy: { id: number; email: string } | null;
  startedAt: Date | null;
}

/** A Task of the given kind (null when there is none, or it is of another kind). */
export async function readTask<K extends TaskKind>(kind: K, taskId: number): Promise<TaskRow<K> | null> {
  const row = await prisma().task.findUnique({ where: { id: taskId }, include: { createdBy: { select: { id: true, email: true } } } });
  if (!row || row.kind !== kind) return null;
  // The one place where stored JSON becomes a kind's type: only this module writes it, typed.
  return {
    id: row.id,
    kind,
    state: row.state,
    label: row.label,
    done: Number(row.done),
    total: row.total === null ? null : Number(row.total),
    payload: row.payload as unknown as TaskPayload<K>,
    result: row.result as unknown as TaskResult<K> | null,
    createdById: row.createdById,
    createdBy: row.createdBy,
    startedAt: row.startedAt,
  };
}

/** The latest Tasks of a kind whose payload has `field` = `value` (a set's clusterings), newest first. */
export async function findTasksFor<K extends TaskKind>(kind: K, field: string, value: number, options: { openOnly?: boolean; take?: number } = {}) {
  const rows = await prisma().task.findMany({
    where: { kind, payload: { path: [field], equals: value }, ...(options.openOnly ? { state: { in: [...OPEN_TASK_STATES] } } : {}) },
    orderBy: { id: "desc" },
    take: options.take ?? 10,
  });
  return rows.map((row) => ({ id: row.id, state: row.state, finishedAt: row.finishedAt, result: row.result as unknown as TaskResult<K> | null }));
}

/** The Task of a kind still queued or running for this payload value (one set's deletion), if any. */
export async function findOpenTaskFor(kind: TaskKind, field: string, value: number): Promise<{ id: number } | null> {
  const [open] = await findTasksFor(kind, field, value, { openOnly: true, take: 1 });
  return open ? { id: open.id } : null;
}

export async function markTaskRunning(taskId: number): Promise<void> {
  await prisma().task.update({ where: { id: taskId }, data: { state: "running", startedAt: new Date(), updatedAt: new Date() } });
}

/**
 * Marks a Task of this kind running when it is in one of `from` (a cancelled or finished Task is
 * left alone: null). `keepStartedAt`: a resumed Task (its `done` carries on) keeps its start.
 */
export async function claimTask<K extends TaskKind>(
  kind: K,
  taskId: number,
  options: { from: readonly TaskStateName[]; message?: string; keepStartedAt?: boolean },
): Promise<TaskRow<K> | null> {
  const { rowCount } = await pool().query(
    `UPDATE tasks SET state = 'running', updated_at = now(), started_at = ${options.keepStartedAt ? "COALESCE(started_at, now())" : "now()"},
            message = COALESCE($4, message)
      WHERE id = $1 AND kind = $2 AND state::text = ANY($3::text[])`,
    [taskId, kind, options.from, options.message ?? null],
  );
  return rowCount ? readTask(kind, taskId) : null;
}

export type TaskProgress = { done?: number; total?: number | null; message?: string | null } & ResultOfKind;

export async function updateTaskProgress(taskId: number, progress: TaskProgress): Promise<void> {
  await prisma().task.update({
    where: { id: taskId },
    data: {
      ...(progress.done !== undefined ? { done: Math.round(progress.done) } : {}),
      ...(progress.total !== undefined ? { total: progress.total === null ? null : Math.round(progress.total) } : {}),
      ...(progress.message !== undefined ? { message: progress.message } : {}),
      ...(progress.result !== undefined ? { result: toJson(progress.result) } : {}),
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

/** Whether someone cancelled the Task (jobs ask between chunks). */
export async function isTaskCancelled(taskId: number): Promise<boolean> {
  const { rows } = await pool().query<{ state: string }>("SELECT state::text FROM tasks WHERE id = $1", [taskId]);
  return rows[0]?.state === "cancelled";
}

/**
 * Inside a chunk's transaction: locks the Task row and returns its state, so a cancel either
 * lands before the chunk (which then does nothing) or waits for its commit.
 */
export async function lockTaskInChunk(client: Pick<PoolClient, "query">, taskId: number): Promise<TaskStateName | null> {
  const { rows } = await client.query<{ state: TaskStateName }>("SELECT state::text AS state FROM tasks WHERE id = $1 FOR UPDATE", [taskId]);
  return rows[0]?.state ?? null;
}

/** Inside a chunk's transaction: the count done, committed with the chunk's work. */
export async function recordChunkProgress(client: Pick<PoolClient, "query">, taskId: number, done: number): Promise<void> {
  await client.query("UPDATE tasks SET done = $2, updated_at = now() WHERE id = $1", [taskId, Math.round(done)]);
}

/**
 * Cancels a Task of this kind that is still queued or running (a queued one is finished at once;
 * a running one's job stops at its next check and finishes it). Returns false when there was
 * nothing to cancel; the audit entry is written only when something was.
 */
export async function cancelTask(kind: TaskKind, taskId: number, audit: TaskAuditEntry): Promise<boolean> {
  return prisma().$transaction(async (tx) => {
    const changed = await tx.$executeRaw`
      UPDATE tasks SET state = 'cancelled', updated_at = now(), finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
       WHERE id = ${taskId} AND kind = ${kind} AND state IN ('queued', 'running')`;
    if (changed) await recordAudit(auditOf({ objectType: "task", objectId: taskId, ...audit }), tx);
    return changed > 0;
  });
}

export type TaskOutcome = {
  state: "completed" | "failed" | "cancelled";
  error?: string | null;
  done?: number;
  total?: number | null;
  message?: string | null;
} & ResultOfKind;

/** Finishes a Task; with `audit`, its entry goes in the same transaction (`tx`, or one of its own). */
export async function finishTask(taskId: number, outcome: TaskOutcome, options: { tx?: Db; audit?: TaskAuditEntry } = {}): Promise<void> {
  const write = async (db: Db) => {
    await db.task.update({
      where: { id: taskId },
      data: {
        state: outcome.state,
        finishedAt: new Date(),
        updatedAt: new Date(),
        ...(outcome.result !== undefined ? { result: toJson(outcome.result) } : {}),
        ...(outcome.error !== undefined ? { error: outcome.error } : {}),
        ...(outcome.done !== undefined ? { done: Math.round(outcome.done) } : {}),
        ...(outcome.total !== undefined ? { total: outcome.total === null ? null : Math.round(outcome.total) } : {}),
        ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      },
    });
    if (options.audit) await recordAudit(auditOf({ objectType: "task", objectId: taskId, ...options.audit }), db);
  };
  if (options.tx) return write(options.tx);
  if (!options.audit) return write(prisma());
  return prisma().$transaction((tx) => write(tx));
}

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Marks a Task failed with the error's message (and writes `audit`, given the message); never
 * throws: it runs on the way out of a failed job, whose own error the caller rethrows.
 */
export async function failTask(taskId: number, error: unknown, audit?: (message: string) => TaskAuditEntry): Promise<void> {
  const message = errorMessage(error);
  await finishTask(taskId, { state: "failed", error: message }, audit ? { audit: audit(message) } : {}).catch(() => {});
}
