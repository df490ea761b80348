// Protects the one Task lifecycle (lib/tasks/task-rows.ts) against a real PostgreSQL: a Task and
// its audit entry are written together or not at all; a claim runs only from the states named (a
// cancelled Task is never restarted); a cancel changes only an unfinished Task of its kind and is
// audited only when it did; a chunk's lock sees a cancel; results are stored as plain JSON; a
// failure is recorded without ever throwing.
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import {
  cancelTask,
  claimTask,
  createTask,
  describeTask,
  failTask,
  findOpenTaskFor,
  finishTask,
  isTaskCancelled,
  lockTaskInChunk,
  readTask,
  recordChunkProgress,
  updateTaskProgress,
} from "@/lib/tasks/task-rows";

const auditOf = (action: string) => prisma().auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("the Task lifecycle", () => {
  it("creates a Task with its payload and audit entry in one transaction, and neither when the audit cannot be written", async () => {
    const user = await createUser({ email: "tasks@lifecycle.test", role: "curator", password: "a-long-password-1" });
    const taskId = await createTask(
      { kind: "set-delete", label: "Delete set s", unit: "rows", total: 12, payload: { setId: 7, name: "s", userId: user.id }, createdById: user.id },
      { audit: (id) => ({ action: "test.task.start", objectType: "problem_set", objectId: 7, details: { taskId: id } }) },
    );
    const task = await readTask("set-delete", taskId);
    expect(task).toMatchObject({ id: taskId, state: "queued", total: 12, done: 0, payload: { setId: 7, name: "s", userId: user.id }, result: null, createdById: user.id });
    expect(await readTask("export", taskId)).toBeNull();
    const [entry] = await auditOf("test.task.start");
    expect(entry).toMatchObject({ userId: user.id, objectType: "problem_set", objectId: "7", details: { taskId } });

    // An audit entry naming a user who does not exist fails its foreign key: the Task goes too.
    const before = await prisma().task.count();
    await expect(createTask({ kind: "set-delete", label: "orphan", createdById: null }, { audit: () => ({ userId: 9_999_999, action: "test.task.start" }) })).rejects.toThrow();
    expect(await prisma().task.count()).toBe(before);
    expect(await findOpenTaskFor("set-delete", "setId", 7)).toEqual({ id: taskId });
    expect(await findOpenTaskFor("set-delete", "setId", 8)).toBeNull();
  });

  it("claims only from the states named, and never a cancelled Task", async () => {
    const taskId = await createTask({ kind: "review.queue.fill", label: "draw", payload: { queueId: 1 } });
    expect(await claimTask("samples.bulk", taskId, { from: ["queued"] })).toBeNull();
    const claimed = await claimTask("review.queue.fill", taskId, { from: ["queued"], message: "counting" });
    expect(claimed).toMatchObject({ state: "running", payload: { queueId: 1 } });
    expect(claimed?.startedAt).toBeInstanceOf(Date);
    expect((await prisma().task.findUniqueOrThrow({ where: { id: taskId } })).message).toBe("counting");
    // Already running: a second claim from "queued" (a second worker) gets nothing.
    expect(await claimTask("review.queue.fill", taskId, { from: ["queued"] })).toBeNull();

    const first = claimed?.startedAt?.getTime();
    await new Promise((r) => setTimeout(r, 20));
    const resumed = await claimTask("review.queue.fill", taskId, { from: ["running"], keepStartedAt: true });
    expect(resumed?.startedAt?.getTime()).toBe(first);

    await prisma().task.update({ where: { id: taskId }, data: { state: "cancelled" } });
    expect(await claimTask("review.queue.fill", taskId, { from: ["queued", "running", "failed"] })).toBeNull();
  });

  it("cancels an unfinished Task of its kind, audited only when it did, and a chunk's lock sees it", async () => {
    const queued = await createTask({ kind: "decontam.retrieve", label: "queued run" });
    const running = await createTask({ kind: "decontam.retrieve", label: "running run", state: "running" });
    const other = await createTask({ kind: "export", label: "an export", state: "running" });
    const actor = { userId: null, action: "test.task.cancel" };

    expect(await cancelTask("decontam.retrieve", other, actor)).toBe(false);
    expect(await cancelTask("decontam.retrieve", queued, actor)).toBe(true);
    expect(await cancelTask("decontam.retrieve", queued, actor)).toBe(false);
    expect(await cancelTask("decontam.retrieve", running, actor)).toBe(true);
    expect((await auditOf("test.task.cancel")).map((a) => a.objectId)).toEqual([String(queued), String(running)]);

    const rows = await prisma().task.findMany({ where: { id: { in: [queued, running, other] } }, orderBy: { id: "asc" } });
    // A queued Task is finished at once; a running one's job finishes it at its next check.
    expect(rows.map((r) => [r.state, r.finishedAt !== null])).toEqual([
      ["cancelled", true],
      ["cancelled", false],
      ["running", false],
    ]);
    expect(await isTaskCancelled(running)).toBe(true);
    expect(await isTaskCancelled(other)).toBe(false);

    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      expect(await lockTaskInChunk(client, running)).toBe("cancelled");
      expect(await lockTaskInChunk(client, other)).toBe("running");
      await recordChunkProgress(client, other, 2_000);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect(Number((await prisma().task.findUniqueOrThrow({ where: { id: other } })).done)).toBe(2_000);
  });

  it("finishes with a typed result stored as plain JSON and its audit entry; describes a Task only of its kind", async () => {
    const taskId = await createTask({ kind: "samples.bulk", label: "bulk", total: 5, state: "running" });
    await updateTaskProgress(taskId, { done: 3, message: "3 of 5" });
    await finishTask(
      taskId,
      { kind: "samples.bulk", state: "completed", done: 5, total: 5, result: { processed: 5, changed: 4, what: "solutions accepted" }, message: "done" },
      { audit: { userId: null, action: "test.task.finish", details: { changed: 4, at: new Date(0) } } },
    );
    const row = await prisma().task.findUniqueOrThrow({ where: { id: taskId } });
    expect(row).toMatchObject({ state: "completed", done: 5n, total: 5n, message: "done", result: { processed: 5, changed: 4, what: "solutions accepted" } });
    expect(row.finishedAt).toBeInstanceOf(Date);
    // Details are stored as JSON stores them: a Date becomes its ISO string.
    expect((await auditOf("test.task.finish"))[0]).toMatchObject({ objectType: "task", objectId: String(taskId), details: { changed: 4, at: "1970-01-01T00:00:00.000Z" } });

    await describeTask("export", taskId, "not an export", { settings: { format: "omi2-jsonl" }, fileName: "x.jsonl", mode: "job" });
    expect((await prisma().task.findUniqueOrThrow({ where: { id: taskId } })).label).toBe("bulk");
  });

  it("records a failure with its message and audit entry, and never throws (not even for a Task that is gone)", async () => {
    const taskId = await createTask({ kind: "search-index", label: "index", state: "running" });
    await failTask(taskId, new Error("disk full"), (message) => ({ userId: null, action: "test.task.fail", details: { error: message } }));
    expect(await prisma().task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ state: "failed", error: "disk full" });
    expect((await auditOf("test.task.fail"))[0]).toMatchObject({ objectId: String(taskId), details: { error: "disk full" } });
    await expect(failTask(9_999_999, "whatever")).resolves.toBeUndefined();
  });
});
