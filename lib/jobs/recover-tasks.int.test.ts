// Protects the rules of task recovery against the real pg-boss tables: which job states fail a
// Task, which put it back in the queue, which leave it alone, and that two workers recovering at
// once fail a Task and run its cleanup exactly once.
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { createTask } from "@/lib/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { enqueue } from "@/lib/jobs/enqueue";
import type { AbandonedTask, JobDefinition } from "@/lib/jobs/job-definitions";
import { jobEndReason, recoverTasks } from "@/lib/jobs/recover-tasks";

// A queue of the registry (enqueue refuses others) whose data names a Task: the export job.
const QUEUE = "dataset-export";
let cleanups = 0;
const definition = {
  queue: QUEUE,
  concurrency: 1,
  retryLimit: 0,
  expireInSeconds: 60,
  handle: async () => undefined,
  async onAbandoned() {
    cleanups++;
    await new Promise((r) => setTimeout(r, 50));
    return "Cleaned up.";
  },
} as unknown as JobDefinition<never>;

async function taskWithJob(taskState: "queued" | "running", job: { state: string; output?: object; retryCount?: number; retryLimit?: number }) {
  const taskId = await createTask({ kind: "export", label: `recovery ${taskState} ${job.state}`, state: taskState });
  const jobId = await enqueue(QUEUE, { taskId });
  await pool().query(`UPDATE pgboss.job SET state = $2::pgboss.job_state, output = $3, retry_count = $4, retry_limit = $5 WHERE name = $6 AND id = $1`, [
    jobId,
    job.state,
    job.output ? JSON.stringify(job.output) : null,
    job.retryCount ?? 0,
    job.retryLimit ?? 0,
    QUEUE,
  ]);
  return taskId;
}

const task = (id: number) => pool().query(`SELECT state::text, error, message FROM tasks WHERE id = $1`, [id]).then((r) => r.rows[0]);

afterAll(async () => {
  const { stopProducer } = await import("@/lib/jobs/boss");
  await stopProducer();
});

describe("recoverTasks", () => {
  it("fails the Task of a job failed by a lost heartbeat, with the reason and the cleanup's note", async () => {
    const id = await taskWithJob("running", { state: "failed", output: { value: { message: "job heartbeat timeout" } } });
    const outcome = await recoverTasks(pool(), [definition]);
    expect(outcome.failed).toContain(id);
    const row = await task(id);
    expect(row.state).toBe("failed");
    expect(row.error).toMatch(/^The worker running this stopped before finishing it .* Cleaned up\.$/);
  });

  it("fails a Task still queued whose job failed in the handler, with the handler's message", async () => {
    const id = await taskWithJob("queued", { state: "failed", output: { message: "relation \"x\" does not exist", stack: "..." } });
    await recoverTasks(pool(), [definition]);
    expect((await task(id)).error).toBe('It failed: relation "x" does not exist Cleaned up.');
  });

  it("queues a running Task again when its job waits for a retry", async () => {
    const id = await taskWithJob("running", { state: "retry", retryCount: 1, retryLimit: 2, output: { value: { message: "job heartbeat timeout" } } });
    const outcome = await recoverTasks(pool(), [definition]);
    expect(outcome.requeued).toContain(id);
    const row = await task(id);
    expect(row.state).toBe("queued");
    expect(row.message).toMatch(/^The worker running this stopped before finishing it \(.*\)\. It will be retried \(attempt 2 of 3\)\.$/);
  });

  it("leaves Tasks alone whose job is active, waiting to start, or finished", async () => {
    const active = await taskWithJob("running", { state: "active" });
    const created = await taskWithJob("queued", { state: "created" });
    const done = await taskWithJob("running", { state: "completed" });
    await recoverTasks(pool(), [definition]);
    expect((await task(active)).state).toBe("running");
    expect((await task(created)).state).toBe("queued");
    expect((await task(done)).state).toBe("running");
  });

  it("never reads the jobs of a queue without Tasks (taskIdField: null)", async () => {
    const id = await taskWithJob("running", { state: "failed", output: { value: { message: "job heartbeat timeout" } } });
    const outcome = await recoverTasks(pool(), [{ ...definition, taskIdField: null } as JobDefinition<never>]);
    expect(outcome.failed).toEqual([]);
    expect((await task(id)).state).toBe("running");
    await recoverTasks(pool(), [definition]);
  });

  it("fails a Task once when two workers recover at the same moment", async () => {
    const id = await taskWithJob("running", { state: "failed", output: { value: { message: "job heartbeat timeout" } } });
    cleanups = 0;
    const [a, b] = await Promise.all([recoverTasks(pool(), [definition]), recoverTasks(pool(), [definition])]);
    expect([...a.failed, ...b.failed].filter((t) => t === id)).toEqual([id]);
    expect(cleanups).toBe(1);
  });
});

describe("the cleanup of an abandoned Task", () => {
  const entries = (taskId: number) => pool().query(`SELECT action, details FROM audit_log WHERE object_type = 'task' AND object_id = $1`, [String(taskId)]).then((r) => r.rows);

  it("writes in the transaction that fails the Task: its audit entry commits with the failure", async () => {
    const auditing = {
      ...definition,
      async onAbandoned(_data: unknown, abandoned: AbandonedTask) {
        await recordAudit({ userId: null, action: "test.abandoned", objectType: "task", objectId: abandoned.id, details: { reason: abandoned.reason } }, abandoned.tx);
        return "Audited.";
      },
    } as unknown as JobDefinition<never>;
    const id = await taskWithJob("running", { state: "failed", output: { value: { message: "job timed out" } } });
    await recoverTasks(pool(), [auditing]);
    expect(await task(id)).toMatchObject({ state: "failed", error: "It ran past its time limit and was stopped. Audited." });
    expect(await entries(id)).toEqual([{ action: "test.abandoned", details: { reason: "It ran past its time limit and was stopped." } }]);
  });

  it("still fails the Task, saying so, when the cleanup's own SQL fails (and leaves nothing of it)", async () => {
    const broken = {
      ...definition,
      async onAbandoned(_data: unknown, abandoned: AbandonedTask) {
        await recordAudit({ userId: null, action: "test.abandoned", objectType: "task", objectId: abandoned.id }, abandoned.tx);
        await abandoned.tx.query("SELECT * FROM no_such_table");
        return "never reached";
      },
    } as unknown as JobDefinition<never>;
    const id = await taskWithJob("queued", { state: "cancelled" });
    await recoverTasks(pool(), [broken]);
    expect(await task(id)).toMatchObject({ state: "failed", error: expect.stringMatching(/Cleaning up after it failed too: relation "no_such_table" does not exist$/) });
    expect(await entries(id)).toEqual([]);
  });
});

describe("jobEndReason", () => {
  it("names each way pg-boss ends a job", () => {
    expect(jobEndReason({ value: { message: "job heartbeat timeout" } }, 60)).toMatch(/no sign of life for 60 s/);
    expect(jobEndReason({ value: { message: "job timed out" } }, null)).toBe("It ran past its time limit and was stopped.");
    expect(jobEndReason({ value: "pg-boss shut down while active" }, null)).toBe("Its worker was shut down before it finished.");
    expect(jobEndReason(null, null)).toBe("Its job failed without saying why.");
  });
});
