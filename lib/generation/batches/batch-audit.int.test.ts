// Protects: the batch mutations audit themselves. Launch, pause, resume, cancel, retry-failed, the
// Batch API export and import write the same action with the same details from the studio (its
// server actions and route handlers, as a signed-in curator) and from the real `boxed batch` CLI
// (a child process): only `via` and the user differ. The entry commits with the change, and a
// refused or failed change (nothing to plan, a control the state does not allow, a bad results
// file, an export of a running batch) writes none.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlBatchAction, launchBatchAction } from "@/app/(studio)/batches/actions";
import { GET as requestsRoute } from "@/app/api/batches/[id]/requests/route";
import { POST as resultsRoute } from "@/app/api/batches/[id]/results/route";
import { withSessionClaim } from "@/lib/auth/current-user";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { arithmeticProblems, createProblemSet, createStubEndpoint } from "@/lib/generation/testing/batch-fixtures";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { createUser } from "@/lib/users/create-user";
import { runBoxed } from "@/tests/support/run-boxed";

let stub: LlmStub;
let curatorId: number;
const dir = mkdtempSync(join(tmpdir(), "boxed-batch-audit-"));
const asCurator = <T>(fn: () => Promise<T>) => withSessionClaim({ userId: curatorId, sessionVersion: 1 }, fn);
const withId = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

/** The batch's entries of one action, oldest first. */
const entriesOf = (action: string, batchId: number) => prisma().auditLog.findMany({ where: { action, objectType: "batch", objectId: String(batchId) }, orderBy: { id: "asc" } });
const batchEntries = (batchId: number) => prisma().auditLog.count({ where: { objectType: "batch", objectId: String(batchId) } });
const keysOf = (entry: { details: unknown } | undefined) => Object.keys((entry?.details ?? {}) as object).sort();

/** A Batch API output file answering each exported request with a retryable 500 (nothing lands; every request stays pending). */
function overloadedOutput(exported: string, name: string): string {
  const path = join(dir, name);
  const lines = exported.trim().split("\n").map((line) => JSON.parse(line) as { custom_id: string });
  writeFileSync(path, `${lines.map((l) => JSON.stringify({ custom_id: l.custom_id, response: { status_code: 500, body: { error: { message: "overloaded" } } }, error: null })).join("\n")}\n`);
  return path;
}

beforeAll(async () => {
  stub = await startLlmStub();
  curatorId = (await createUser({ email: "curator@batch-audit.test", role: "curator", password: "a-long-password-1" })).id;
  await createProblemSet("audit-seed", "seed", arithmeticProblems(3));
  await createProblemSet("audit-empty", "seed", []);
  await createStubEndpoint("stub-audit", stub.url, { apiStyle: "completions" });
});
afterAll(() => stub.close());

describe("batch mutations audit themselves", () => {
  let webBatch: number;
  let cliBatch: number;

  it("launch: the same entry from the studio and the CLI, with the batch; none when nothing is planned", async () => {
    const web = await asCurator(() => launchBatchAction({ kind: "solutions", set: "audit-seed", endpoint: "stub-audit", samplesPerProblem: 2 }));
    if (!web.ok) throw new Error(web.error);
    webBatch = web.data.batchId;
    const cli = await runBoxed(["batch", "create", "--kind", "solutions", "--set", "audit-seed", "--endpoint", "stub-audit", "--n", "2", "--offline"]);
    expect(cli.code, cli.stderr).toBe(0);
    cliBatch = Number(cli.stdout.trim());

    const [webEntry] = await entriesOf("batch.launch", webBatch);
    const [cliEntry] = await entriesOf("batch.launch", cliBatch);
    const common = { kind: "solutions", set: "audit-seed", endpoint: "stub-audit", samplesPerProblem: 2, requests: 6, problems: 3 };
    expect(webEntry).toMatchObject({ userId: curatorId, details: { ...common, offline: false, via: "web" } });
    expect(cliEntry).toMatchObject({ userId: null, details: { ...common, offline: true, via: "cli" } });
    for (const key of ["offline", "requests", "problems", "via"]) expect(keysOf(cliEntry)).toContain(key);
    expect(keysOf(webEntry).filter((k) => !keysOf(cliEntry).includes(k))).toEqual([]);
    // The offline batch was paused in the creating transaction: it never stood queued.
    expect((await pool().query(`SELECT state::text FROM generation_batches WHERE id = $1`, [cliBatch])).rows[0].state).toBe("paused");

    // Nothing to plan: the launch rolls back, batch and entry alike, from either side.
    const batchesBefore = await prisma().generationBatch.count();
    const launchesBefore = await prisma().auditLog.count({ where: { action: "batch.launch" } });
    expect(await asCurator(() => launchBatchAction({ kind: "solutions", set: "audit-empty", endpoint: "stub-audit" }))).toMatchObject({ ok: false, error: expect.stringMatching(/No requests to plan/) });
    const refused = await runBoxed(["batch", "create", "--kind", "solutions", "--set", "audit-empty", "--endpoint", "stub-audit"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/No requests to plan/);
    expect(await prisma().generationBatch.count()).toBe(batchesBefore);
    expect(await prisma().auditLog.count({ where: { action: "batch.launch" } })).toBe(launchesBefore);
  }, 180_000);

  it("controls: each writes batch.<control> with the state it left; a control the state refuses writes nothing", async () => {
    const control = (batchId: number, what: "pause" | "resume" | "cancel" | "retry-failed") => asCurator(() => controlBatchAction({ batchId, control: what }));
    expect(await control(webBatch, "pause")).toMatchObject({ ok: true, data: { state: "paused" } });
    expect(await control(webBatch, "retry-failed")).toMatchObject({ ok: true, data: { state: "paused" } });
    const resumed = await runBoxed(["batch", "resume", String(webBatch)]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const cancelled = await runBoxed(["batch", "cancel", String(webBatch)]);
    expect(cancelled.code, cancelled.stderr).toBe(0);

    const counted = await batchEntries(webBatch);
    expect(await control(webBatch, "resume")).toMatchObject({ ok: false, error: expect.stringMatching(/cancelled; resume applies only to paused/) });
    expect(await control(webBatch, "retry-failed")).toMatchObject({ ok: false, error: expect.stringMatching(/cancelled/) });
    expect(await control(webBatch, "pause")).toMatchObject({ ok: false });
    const refused = await runBoxed(["batch", "cancel", String(webBatch)]);
    expect(refused.code).toBe(1);
    expect(await batchEntries(webBatch)).toBe(counted);

    const controls = await prisma().auditLog.findMany({ where: { objectType: "batch", objectId: String(webBatch), action: { not: "batch.launch" } }, orderBy: { id: "asc" } });
    expect(controls.map((e) => [e.action, e.userId, e.details])).toEqual([
      ["batch.pause", curatorId, { state: "paused", via: "web" }],
      ["batch.retry-failed", curatorId, { state: "paused", via: "web" }],
      ["batch.resume", null, { state: "running", via: "cli" }],
      ["batch.cancel", null, { state: "cancelled", via: "cli" }],
    ]);
  }, 180_000);

  it("Batch API export and import: the same entries from the routes and the CLI; a refused export or a bad file writes none", async () => {
    // Export: the route streams the file, the CLI writes it; both count the requests.
    const exported = await asCurator(() => requestsRoute(new Request("http://localhost/"), withId(cliBatch)));
    expect(exported.status).toBe(200);
    const text = await exported.text();
    const file = join(dir, "requests.jsonl");
    const cliExport = await runBoxed(["batch", "export", String(cliBatch), "--out", file]);
    expect(cliExport.code, cliExport.stderr).toBe(0);
    expect((await entriesOf("batch.export_requests", cliBatch)).map((e) => [e.userId, e.details])).toEqual([
      [curatorId, { requests: 6, via: "web" }],
      [null, { requests: 6, via: "cli" }],
    ]);

    // Import: the route names the file as uploaded, the CLI as given; the report is the same shape.
    const upload = (path: string, name: string) =>
      asCurator(() => resultsRoute(new Request(`http://localhost/?name=${name}`, { method: "POST", body: readFileSync(path) }), withId(cliBatch)));
    const webImport = await upload(overloadedOutput(text, "web-out.jsonl"), "web-out.jsonl");
    expect(webImport.status).toBe(200);
    const cliImport = await runBoxed(["batch", "import", String(cliBatch), overloadedOutput(text, "cli-out.jsonl")]);
    expect(cliImport.code, cliImport.stderr).toBe(0);
    const report = { lines: 6, stored: 0, failed: 0, retryLater: 6, skipped: 0 };
    expect((await entriesOf("batch.import_results", cliBatch)).map((e) => [e.userId, e.details])).toEqual([
      [curatorId, { file: "web-out.jsonl", ...report, via: "web" }],
      [null, { file: "cli-out.jsonl", ...report, via: "cli" }],
    ]);

    // Refused: a bad results file (nothing applied), and an export of a batch that is not paused.
    const counted = await batchEntries(cliBatch);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, "{not json\n");
    expect((await upload(bad, "bad.jsonl")).status).toBe(422);
    expect((await runBoxed(["batch", "import", String(cliBatch), bad])).code).toBe(1);
    expect(await batchEntries(cliBatch)).toBe(counted);
    expect((await runBoxed(["batch", "resume", String(cliBatch)])).code).toBe(0);
    expect((await asCurator(() => requestsRoute(new Request("http://localhost/"), withId(cliBatch)))).status).toBe(409);
    expect((await runBoxed(["batch", "export", String(cliBatch), "--out", file])).code).toBe(1);
    expect(await batchEntries(cliBatch)).toBe(counted + 1);
    expect((await entriesOf("batch.resume", cliBatch)).length).toBe(1);
  }, 240_000);
});
