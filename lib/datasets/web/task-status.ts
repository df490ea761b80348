// What the upload and exports pages poll: a Task row as JSON (BigInt counters as numbers). An
// import's status carries its grading and search-index Tasks' live progress too, so the page
// polls one URL.
import { prisma } from "@/lib/db/prisma";

export interface TaskStatus {
  id: number;
  kind: string;
  state: string;
  label: string;
  done: number;
  total: number | null;
  unit: string;
  message: string | null;
  error: string | null;
  result: unknown;
  startedAt: string | null;
  finishedAt: string | null;
  grading?: TaskStatus | null;
  /** Imports into a large new set: the background build of its search index. */
  searchIndex?: TaskStatus | null;
  /** Exports: streamed to the browser, or written to BOXED_HOME/exports by a job. */
  exportMode?: "stream" | "job";
}

export async function getTaskStatus(id: number, kinds: string[]): Promise<TaskStatus | null> {
  const task = await prisma().task.findUnique({ where: { id } });
  if (!task || !kinds.includes(task.kind)) return null;
  const status: TaskStatus = {
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
  };
  if (task.kind === "export") status.exportMode = (task.payload as { mode?: "stream" | "job" } | null)?.mode ?? "stream";
  const gradingId = (task.result as { grading?: { taskId?: number } } | null)?.grading?.taskId;
  if (task.kind === "import" && typeof gradingId === "number") status.grading = await getTaskStatus(gradingId, ["grade-import"]);
  const searchIndexId = (task.result as { searchIndexTaskId?: number | null } | null)?.searchIndexTaskId;
  if (task.kind === "import" && typeof searchIndexId === "number") status.searchIndex = await getTaskStatus(searchIndexId, ["search-index"]);
  return status;
}

export async function listRecentTasks(kind: string, take = 10): Promise<TaskStatus[]> {
  const tasks = await prisma().task.findMany({ where: { kind }, orderBy: { id: "desc" }, take, select: { id: true } });
  const out: TaskStatus[] = [];
  for (const t of tasks) {
    const status = await getTaskStatus(t.id, [kind]);
    if (status) out.push(status);
  }
  return out;
}
