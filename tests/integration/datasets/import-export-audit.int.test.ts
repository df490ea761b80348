// Protects: imports and exports audit themselves, in the transaction of the change. An import's
// dataset.import entry commits with its rows (a failure inside the import's transaction takes the
// rows and the entry back together), and a refused import's entry commits with its Task's failure.
// An export job's dataset.export entry commits with its Task's completion or failure; the same
// details as the CLI's, apart from `via`, the user and the Task.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { EXPORT_TASK_KIND, runExportTask } from "@/lib/datasets/export/export-file-job";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { importDataset } from "@/lib/datasets/import/import-dataset";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { createTask } from "@/lib/tasks/task-rows";
import { createUser } from "@/lib/users/create-user";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-audit-io-");
const problems = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ problem: `${prefix} ${i}: what is ${i} + 1?`, generated_solution: `It is \\boxed{${i + 1}}.`, expected_answer: String(i + 1) })).join("\n");
const entries = (action: string) => prisma().auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("imports audit themselves", () => {
  it("a committed import has its entry; a refused one has one entry, ok false, with its failed Task", async () => {
    const good = await importFiles([writeTemp(dir, "good.jsonl", problems(3, "Good"))], "audit-good", "synthetic");
    expect(good.summary.ok).toBe(true);
    const refused = await importFiles([writeTemp(dir, "bad.jsonl", `${problems(2, "Bad")}\n{not json\n`)], "audit-bad", "synthetic");
    expect(refused.summary.ok).toBe(false);

    const imports = await entries("dataset.import");
    expect(imports.map((e) => [e.objectType, e.objectId, (e.details as { ok: boolean }).ok, (e.details as { taskId: number }).taskId])).toEqual([
      ["problem_set", String(good.summary.set?.id), true, good.taskId],
      ["problem_set", null, false, refused.taskId],
    ]);
    expect(imports[0].details).toMatchObject({ set: "audit-good", files: ["good.jsonl"], rows: 3, problemsInserted: 3, solutionsInserted: 3, rejected: 0, error: null, via: "cli" });
    expect(imports[1].details).toMatchObject({ set: "audit-bad", problemsInserted: 0, error: expect.stringContaining("bad.jsonl"), via: "cli" });
    expect(await prisma().task.findUniqueOrThrow({ where: { id: refused.taskId } })).toMatchObject({ state: "failed" });
    expect(await prisma().problemSet.count({ where: { name: "audit-bad" } })).toBe(0);
  });

  it("the entry is written inside the import's transaction: a failure after it takes the rows and the entry back", async () => {
    const taskId = await createTask({ kind: "import", label: "rolled back", payload: { paths: [], setName: "audit-rolled-back", role: "synthetic", via: "cli" } });
    const before = (await entries("dataset.import")).length;
    const summary = await importDataset({
      paths: [writeTemp(dir, "rolled-back.jsonl", problems(4, "Rolled back"))],
      setName: "audit-rolled-back",
      role: "synthetic",
      importTaskId: taskId,
      async beforeCommit(client, loaded) {
        expect(loaded).toMatchObject({ ok: true, problemsInserted: 4 });
        await recordAudit({ userId: null, action: "dataset.import", objectType: "problem_set", objectId: loaded.set?.id ?? null, details: { ok: true } }, client);
        throw new UserFacingError("stopped after the audit entry, before COMMIT");
      },
    });
    expect(summary).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("stopped after the audit entry") }] });
    expect(await entries("dataset.import")).toHaveLength(before);
    expect(await prisma().problemSet.count({ where: { name: "audit-rolled-back" } })).toBe(0);
  });
});

describe("export jobs audit themselves", () => {
  it("the entry commits with the Task: completed with the manifest's details, failed with the error", async () => {
    const curator = await createUser({ email: "curator@audit-io.test", role: "curator", password: "a-long-password-1" });
    await importFiles([writeTemp(dir, "exported.jsonl", problems(2, "Exported"))], "audit-exported", "synthetic");
    const job = async (sets: string[], fileName: string) => {
      const taskId = await createTask({ kind: EXPORT_TASK_KIND, label: fileName, createdById: curator.id, payload: { settings: { format: "omi2-jsonl", sets }, fileName, mode: "job" } });
      return { taskId, run: runExportTask(taskId) };
    };
    const done = await job(["audit-exported"], "audit-done.jsonl");
    await done.run;
    const failed = await job(["no-such-set"], "audit-failed.jsonl");
    await expect(failed.run).rejects.toThrow(/No problem set named "no-such-set"/);
    const cliManifest = await exportToFile({ format: "omi2-jsonl", sets: ["audit-exported"] }, join(dir, "audit-cli.jsonl"), { user: null, via: "cli" });
    // Ungraded solutions stay out under the default filters: what matters is that both read the same rows.
    const rows = cliManifest.rows;

    const [webEntry, failedEntry, cliEntry] = await entries("dataset.export");
    expect(await prisma().task.findUniqueOrThrow({ where: { id: done.taskId } })).toMatchObject({ state: "completed", result: expect.objectContaining({ rows, scanned: cliManifest.scanned }) });
    expect(webEntry).toMatchObject({ userId: curator.id, objectType: "task", objectId: String(done.taskId), details: { ok: true, file: "audit-done.jsonl", rows, scanned: cliManifest.scanned, sets: ["audit-exported"], via: "web" } });
    expect(await prisma().task.findUniqueOrThrow({ where: { id: failed.taskId } })).toMatchObject({ state: "failed", error: expect.stringMatching(/no-such-set/) });
    expect(failedEntry).toMatchObject({ userId: curator.id, objectId: String(failed.taskId), details: { ok: false, file: "audit-failed.jsonl", error: expect.stringMatching(/no-such-set/), via: "web" } });
    expect(cliEntry).toMatchObject({ userId: null, objectId: null, details: { ok: true, file: "audit-cli.jsonl", rows, scanned: cliManifest.scanned, via: "cli" } });
    expect(Object.keys(webEntry.details as object).sort()).toEqual(Object.keys(cliEntry.details as object).sort());
  });
});
