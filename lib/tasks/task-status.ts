// The one reader of a Task's progress: what every progress bar polls (/api/tasks/<id>, and the
// older /api/imports/<id> and /api/exports/<id>), as JSON (BigInt counters as numbers). An
// import's status carries its grading and search-index Tasks' live progress too, so its page
// polls one URL. Who may read a Task is its kind's permission (lib/auth/task-permissions.ts).
import type { SessionUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/permissions";
import { permissionForTaskKind } from "@/lib/auth/task-permissions";
import { prisma } from "@/lib/db/prisma";
import type { TaskKind, TaskResult, TaskStateName } from "@/lib/tasks/task-kinds";

interface TaskStatusFields {
  id: number;
  state: TaskStateName;
  label: string;
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  grading?: TaskStatus<"grade-import"> | null;
  /** Imports into a large new set: the background build of its search index. */
  searchIndex?: TaskStatus<"search-index"> | null;
  /** Exports: streamed to the browser, or written to BOXED_HOME/exports by a job. */
  exportMode?: "stream" | "job";
}

/** A Task's progress; for one kind, its result has that kind's type. */
export type TaskStatus<K extends TaskKind = TaskKind> = K extends TaskKind ? TaskStatusFields & { kind: K; result: TaskResult<K> | null } : never;

/** The Task's status, or null when there is none or it is not of one of `kinds` (all kinds when omitted). */
export async function readTaskStatus<K extends TaskKind = TaskKind>(id: number, kinds?: readonly K[]): Promise<TaskStatus<K> | null> {
  const task = await prisma().task.findUnique({ where: { id } });
  if (!task || (kinds && !(kinds as readonly string[]).includes(task.kind))) return null;
  const status = {
    id: task.id,
    kind: task.kind,
    state: task.state,
    label: task.label,
    done: Number(task.done),
    total: task.total === null ? null : Number(task.total),
    unit: task.unit,
    message: task.message,
    error: task.error,
    result: task.result,
    startedAt: task.startedAt?.toISOString() ?? null,
    finishedAt: task.finishedAt?.toISOString() ?? null,
    updatedAt: task.updatedAt.toISOString(),
  } as TaskStatusFields & { kind: string; result: unknown };
  if (task.kind === "export") status.exportMode = (task.payload as { mode?: "stream" | "job" } | null)?.mode ?? "stream";
  const gradingId = (task.result as { grading?: { taskId?: number } } | null)?.grading?.taskId;
  if (task.kind === "import" && typeof gradingId === "number") status.grading = await readTaskStatus(gradingId, ["grade-import"]);
  const searchIndexId = (task.result as { searchIndexTaskId?: number | null } | null)?.searchIndexTaskId;
  if (task.kind === "import" && typeof searchIndexId === "number") status.searchIndex = await readTaskStatus(searchIndexId, ["search-index"]);
  // The row was written by lib/tasks/task-rows.ts with this kind's types.
  return status as TaskStatus<K>;
}

/**
 * The status as `user` may see it: a Task of another kind than asked for, or one whose kind's
 * permission the user lacks, is null ("not found"), so its existence is not told.
 */
export async function readTaskStatusFor<K extends TaskKind = TaskKind>(user: Pick<SessionUser, "role">, id: number, kinds?: readonly K[]): Promise<TaskStatus<K> | null> {
  const status = await readTaskStatus(id, kinds);
  return status && can(user.role, permissionForTaskKind(status.kind)) ? status : null;
}

export async function listRecentTasks<K extends TaskKind>(kind: K, take = 10): Promise<TaskStatus<K>[]> {
  const tasks = await prisma().task.findMany({ where: { kind }, orderBy: { id: "desc" }, take, select: { id: true } });
  const out: TaskStatus<K>[] = [];
  for (const t of tasks) {
    const status = await readTaskStatus(t.id, [kind]);
    if (status) out.push(status);
  }
  return out;
}
