// Deleting a problem set and everything that hangs on it. The confirmation shows what goes
// (describeSetDeletion), the action archives the set at once (it leaves every picker) and starts
// a task; the job deletes solutions and then problems in chunks of their own transactions, so a
// 14M-solution set shows progress and never holds one giant transaction, and a job that dies
// half-way is simply run again (each step deletes what is still there). The database's cascade
// triggers keep review rows, candidates and the insight aggregates right on every chunk.
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { SET_DELETE_TASK_KIND } from "@/lib/datasets/sets/set-delete-queue";
import { claimTask, createTask, failTask, findOpenTaskFor, finishTask, readTask, throttledTaskProgress } from "@/lib/tasks/task-rows";

/** Counts above this are shown as "N+" (the preview must stay cheap on huge sets). */
export const PREVIEW_CAP = 100_000;

export interface SetDeletionPreview {
  setId: number;
  name: string;
  problems: number;
  solutions: number;
  batches: number;
  /** Review queue items and annotations on this set's solutions. */
  reviewRows: number;
  /** Contamination candidates naming this set's problems, as synthetic or as benchmark. */
  candidates: number;
  /** Requests of batches in OTHER sets that used this set's problems as seeds: they go too. */
  otherSetRequests: number;
  /** Problems of other sets whose lineage points here: they stay, without a parent. */
  orphanedChildren: number;
  capped: boolean;
}

async function cappedCount(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql} LIMIT ${PREVIEW_CAP + 1}) t`, params);
  return rows[0]?.n ?? 0;
}

export async function describeSetDeletion(setId: number): Promise<SetDeletionPreview> {
  const set = await prisma().problemSet.findUnique({ where: { id: setId } });
  if (!set) throw new NotFoundError(`Problem set #${setId}`);
  const [batches, reviewItems, annotations, synthetic, benchmark, otherSetRequests, orphanedChildren] = await Promise.all([
    cappedCount("SELECT 1 FROM generation_batches WHERE set_id = $1", [setId]),
    cappedCount("SELECT 1 FROM review_items r JOIN samples s ON s.id = r.sample_id WHERE s.set_id = $1", [setId]),
    cappedCount("SELECT 1 FROM review_annotations a JOIN samples s ON s.id = a.sample_id WHERE s.set_id = $1", [setId]),
    cappedCount("SELECT 1 FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id WHERE p.set_id = $1", [setId]),
    cappedCount("SELECT 1 FROM contamination_candidates c JOIN problems p ON p.id = c.benchmark_problem_id WHERE p.set_id = $1", [setId]),
    cappedCount(
      "SELECT 1 FROM batch_requests r JOIN problems p ON p.id = r.problem_id JOIN generation_batches b ON b.id = r.batch_id WHERE p.set_id = $1 AND b.set_id <> $1",
      [setId],
    ),
    cappedCount("SELECT 1 FROM problems c JOIN problems p ON p.id = c.parent_id WHERE p.set_id = $1 AND c.set_id <> $1", [setId]),
  ]);
  const counts = [batches, reviewItems, annotations, synthetic, benchmark, otherSetRequests, orphanedChildren];
  return {
    setId,
    name: set.name,
    problems: set.problemCount,
    solutions: set.sampleCount,
    batches,
    reviewRows: reviewItems + annotations,
    candidates: synthetic + benchmark,
    otherSetRequests,
    orphanedChildren,
    capped: counts.some((n) => n > PREVIEW_CAP),
  };
}

export interface SetDeletionPayload {
  setId: number;
  name: string;
  userId: number | null;
}

declare module "@/lib/tasks/task-kinds" {
  interface TaskKinds {
    "set-delete": { payload: SetDeletionPayload; result: { solutions: number; problems: number } };
  }
}

/** The confirmation must repeat the set's name: a delete of the wrong set is not undone. */
export async function startSetDeletion(setId: number, confirmName: string, actorId: number | null): Promise<{ taskId: number }> {
  const preview = await describeSetDeletion(setId);
  if (confirmName.trim() !== preview.name) throw new UserFacingError(`Type the set's name exactly ("${preview.name}") to delete it.`);
  const running = await findOpenTaskFor(SET_DELETE_TASK_KIND, "setId", setId);
  if (running) throw new UserFacingError(`Set "${preview.name}" is already being deleted (task #${running.id}).`);
  const payload: SetDeletionPayload = { setId, name: preview.name, userId: actorId };
  const taskId = await prisma().$transaction(async (tx) => {
    await tx.problemSet.update({ where: { id: setId }, data: { archivedAt: new Date() } });
    return createTask(
      { kind: SET_DELETE_TASK_KIND, label: `Delete set ${preview.name}`, unit: "rows", total: preview.solutions + preview.problems, payload, createdById: actorId },
      { tx, audit: (id) => ({ action: "set.delete.start", objectType: "problem_set", objectId: setId, details: { taskId: id, ...preview } }) },
    );
  });
  await enqueue("set-delete", { taskId });
  return { taskId };
}

const CHUNK = 20_000;

/** Deletes up to `chunk` rows of `table` belonging to the set; returns how many went. */
async function deleteChunk(table: "samples" | "problems", setId: number, chunk: number): Promise<number> {
  // samples: the set's own partition, walked by its (set_id, id) index; problems: (set_id, ...).
  const { rowCount } = await pool().query(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE set_id = $1 ORDER BY id LIMIT $2)`, [setId, chunk]);
  return rowCount ?? 0;
}

export async function runSetDeletionTask(
  taskId: number,
  options: { chunk?: number; /** Called after each committed chunk (tests stop a run half-way here). */ chunkDone?: () => void } = {},
): Promise<{ solutions: number; problems: number }> {
  const chunk = options.chunk ?? CHUNK;
  const task = await readTask(SET_DELETE_TASK_KIND, taskId);
  if (!task) throw new Error(`task #${taskId} is not a set deletion`);
  // Left as it is; a deletion cancelled before it ran has no result (the job's output is null).
  if (task.state === "completed" || task.state === "cancelled") return task.result as { solutions: number; problems: number };
  const { setId, name, userId } = task.payload;
  // A retry after a failure carries on (its `done` too), keeping the first start.
  await claimTask(SET_DELETE_TASK_KIND, taskId, { from: ["queued", "running", "failed"], keepStartedAt: true });
  const progress = throttledTaskProgress(taskId);
  let solutions = 0;
  let problems = 0;
  try {
    for (const table of ["samples", "problems"] as const) {
      for (;;) {
        const n = await deleteChunk(table, setId, chunk);
        if (table === "samples") solutions += n;
        else problems += n;
        options.chunkDone?.();
        progress.report({ done: task.done + solutions + problems, message: `${solutions.toLocaleString("en-US")} solutions and ${problems.toLocaleString("en-US")} problems deleted` });
        if (n < chunk) break;
      }
    }
    await progress.stop();
    const result = { solutions, problems };
    await prisma().$transaction(async (tx) => {
      // Batches cascade their requests; the set row takes whatever is left. Its (now empty)
      // samples partition goes with it.
      await tx.generationBatch.deleteMany({ where: { setId } });
      await tx.problemSet.deleteMany({ where: { id: setId } });
      // The aggregate triggers leave zeroed rows behind; a gone set keeps none.
      await tx.$executeRaw`DELETE FROM sample_stats WHERE set_id = ${setId}`;
      await tx.$executeRaw`DELETE FROM problem_stats WHERE set_id = ${setId}`;
      const [{ partition }] = await tx.$queryRaw<{ partition: string }[]>`SELECT boxed_samples_partition_name(${setId}) AS partition`;
      await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS "${partition.replaceAll('"', '""')}"`);
      await finishTask(
        taskId,
        { kind: SET_DELETE_TASK_KIND, state: "completed", done: task.total ?? solutions + problems, message: `Deleted set ${name}`, result },
        { tx, audit: { userId, action: "set.delete.finish", objectType: "problem_set", objectId: setId, details: { taskId, name, ...result } } },
      );
    });
    return result;
  } catch (error) {
    await progress.stop();
    await failTask(taskId, error);
    throw error;
  }
}
