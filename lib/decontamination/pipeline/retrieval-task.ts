// A retrieval run as a Task: the row the studio and the CLI read for progress (problems done of
// total; the page derives rate and ETA from started/updated times), cancellable between chunks,
// with audit entries at start, end and failure. The studio starts it as a pg-boss job; the CLI
// runs the same function in its own process (to stream the JSONL file and draw its bar).
import { recordAudit } from "@/lib/audit/record-audit";
import { createTask, finishTask, markTaskRunning, throttledTaskProgress } from "@/lib/datasets/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { findEmbeddingEndpoint } from "@/lib/decontamination/pipeline/embedding-retriever";
import { RETRIEVAL_QUEUE } from "@/lib/decontamination/pipeline/retrieval-queue";
import { RETRIEVAL_TASK_KIND } from "@/lib/decontamination/pipeline/retrieval-task-kind";
import { resolveDecontamSets } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { checkRetrievalNumbers, DEFAULT_EMBEDDING_THRESHOLD, type RetrievalHooks, type RetrievalSettings, type RetrievalSummary, runRetrieval } from "@/lib/decontamination/pipeline/run-retrieval";
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_TOP_K } from "@/lib/decontamination/retrieve";
import { enqueue } from "@/lib/jobs/enqueue";

export { RETRIEVAL_TASK_KIND };

export interface RetrievalTaskPayload {
  settings: RetrievalSettings;
  userId: number | null;
}

async function createRetrievalTask(settings: RetrievalSettings, userId: number | null, state: "queued" | "running", via: "studio" | "cli" | "script"): Promise<number> {
  checkRetrievalNumbers(settings.topK ?? DEFAULT_TOP_K, settings.threshold ?? DEFAULT_FLAG_THRESHOLD, settings.embeddingThreshold ?? DEFAULT_EMBEDDING_THRESHOLD);
  const { problemSet, benchmarkSets } = await resolveDecontamSets(settings.problemSet, settings.against);
  if (settings.embeddingEndpoint != null) await findEmbeddingEndpoint(settings.embeddingEndpoint);
  const normalised: RetrievalSettings = { ...settings, problemSet: problemSet.name, against: benchmarkSets.map((s) => s.name) };
  const payload: RetrievalTaskPayload = { settings: normalised, userId };
  const taskId = await createTask({
    kind: RETRIEVAL_TASK_KIND,
    label: `Retrieval: ${problemSet.name} against ${benchmarkSets.map((s) => s.name).join(", ")}`,
    unit: "problems",
    total: problemSet.problemCount,
    payload: payload as never,
    createdById: userId,
    state,
  });
  await recordAudit({ userId, action: "decontam.retrieve.start", objectType: "task", objectId: taskId, details: { ...normalised, via } as never });
  return taskId;
}

/** Studio: a queued Task and a job for the worker. */
export async function startRetrievalTask(settings: RetrievalSettings, userId: number | null): Promise<{ taskId: number }> {
  const taskId = await createRetrievalTask(settings, userId, "queued", "studio");
  await enqueue(RETRIEVAL_QUEUE, { taskId });
  return { taskId };
}

/** CLI: the same Task, run here. */
export async function runRetrievalHere(settings: RetrievalSettings, userId: number | null, hooks: RetrievalHooks = {}): Promise<{ taskId: number; summary: RetrievalSummary }> {
  const taskId = await createRetrievalTask(settings, userId, "running", "cli");
  return { taskId, summary: await executeRetrievalTask(taskId, settings, userId, hooks) };
}

/**
 * Scripts and benchmarks (the scale benchmark): the queued Task a studio start creates, run in
 * this process by the worker's own job handler (runRetrievalTask: worker processes, bulk storage,
 * progress, audit), without a queue in between. Audited with `via: "script"`.
 */
export async function runRetrievalAsWorker(settings: RetrievalSettings, userId: number | null = null): Promise<{ taskId: number; summary: RetrievalSummary }> {
  const taskId = await createRetrievalTask(settings, userId, "queued", "script");
  const outcome = await runRetrievalTask(taskId);
  if ("skipped" in outcome) throw new Error(`retrieval task ${taskId} did not run: ${outcome.skipped}`);
  return { taskId, summary: outcome };
}

async function executeRetrievalTask(taskId: number, settings: RetrievalSettings, userId: number | null, hooks: RetrievalHooks): Promise<RetrievalSummary> {
  const progress = throttledTaskProgress(taskId, 1000);
  try {
    const summary = await runRetrieval(settings, {
      ...hooks,
      onProgress(p) {
        hooks.onProgress?.(p);
        progress.report({ done: p.done, total: p.total, message: `${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")} problems` });
      },
      async shouldStop() {
        const { rows } = await pool().query<{ state: string }>(`SELECT state::text FROM tasks WHERE id = $1`, [taskId]);
        return rows[0]?.state === "cancelled" || ((await hooks.shouldStop?.()) ?? false);
      },
    });
    await progress.stop();
    const message =
      (summary.continuedFrom
        ? `${summary.retrieved.toLocaleString("en-US")} new problems checked (${(summary.checked - summary.retrieved).toLocaleString("en-US")} checked before, by task #${summary.continuedFrom.taskId}): `
        : `${summary.checked.toLocaleString("en-US")} problems checked: `) +
      `${summary.exact.toLocaleString("en-US")} exact (flagged), ` +
      `${summary.near.toLocaleString("en-US")} candidates, ${summary.clean.toLocaleString("en-US")} clean` +
      (summary.kept ? `, ${summary.kept.toLocaleString("en-US")} left as decided` : "") +
      (summary.stopped ? " (cancelled)" : "");
    await finishTask(taskId, { state: summary.stopped ? "cancelled" : "completed", done: summary.checked, total: summary.total, result: summary as never, message });
    await recordAudit({ userId, action: "decontam.retrieve.finish", objectType: "task", objectId: taskId, details: summary as never });
    return summary;
  } catch (error) {
    await progress.stop();
    const message = error instanceof Error ? error.message : String(error);
    await finishTask(taskId, { state: "failed", error: message }).catch(() => {});
    await recordAudit({ userId, action: "decontam.retrieve.fail", objectType: "task", objectId: taskId, details: { error: message } }).catch(() => {});
    throw error;
  }
}

/** Worker: runs a queued retrieval Task (once; a finished or cancelled one is left alone). */
export async function runRetrievalTask(taskId: number): Promise<RetrievalSummary | { skipped: string }> {
  const { rows } = await pool().query<{ state: string; payload: RetrievalTaskPayload }>(`SELECT state::text, payload FROM tasks WHERE id = $1 AND kind = $2`, [taskId, RETRIEVAL_TASK_KIND]);
  const task = rows[0];
  if (!task) return { skipped: `task ${taskId} is not a retrieval task` };
  if (task.state !== "queued") return { skipped: `task ${taskId} is ${task.state}` };
  await markTaskRunning(taskId);
  return executeRetrievalTask(taskId, task.payload.settings, task.payload.userId, {});
}
