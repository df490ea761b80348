// Who may move data in and out: reviewers and viewers are refused by the upload route, the
// download route, the status routes and the export-job action; a curator's upload streams to
// BOXED_HOME/uploads and imports as a job, and a curator's download streams the rows.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExportJob } from "@/app/(studio)/exports/actions";
import { GET as importStatus } from "@/app/api/imports/[taskId]/route";
import { POST as upload } from "@/app/api/imports/upload/route";
import { GET as download } from "@/app/api/exports/download/route";
import { withSessionClaim } from "@/lib/auth/current-user";
import type { RoleName } from "@/lib/auth/permissions";
import { importFileJob } from "@/lib/datasets/import/import-file-job";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { databaseSnapshot, tempDir } from "./import-helpers";

const home = tempDir("boxed-home-");
const previousHome = process.env.BOXED_HOME;
const claims = {} as Record<RoleName, { userId: number; sessionVersion: number }>;
const fileText = `${[1, 2, 3].map((i) => JSON.stringify({ question: `Upload question ${i}?`, answer: `It is ${i}.\n#### ${i}` })).join("\n")}\n`;

function uploadRequest(query: string, body: string): Request {
  return new Request(`http://localhost/api/imports/upload?${query}`, { method: "POST", body, duplex: "half" } as RequestInit);
}

beforeAll(async () => {
  process.env.BOXED_HOME = home;
  for (const role of ["viewer", "reviewer", "curator"] as const) {
    const user = await createUser({ email: `${role}@perm.test`, role, password: "a-long-password-1" });
    claims[role] = { userId: user.id, sessionVersion: 1 };
  }
});

afterAll(() => {
  if (previousHome === undefined) delete process.env.BOXED_HOME;
  else process.env.BOXED_HOME = previousHome;
});

describe("import and export permissions", () => {
  it("a reviewer (and a viewer, and nobody) cannot upload: 403/401, nothing stored", async () => {
    const before = await databaseSnapshot();
    for (const claim of [claims.reviewer, claims.viewer]) {
      const response = await withSessionClaim(claim, () => upload(uploadRequest("set=s&role=seed&name=a.jsonl", fileText)));
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatch(/sets\.import/);
    }
    const anonymous = await withSessionClaim(null, () => upload(uploadRequest("set=s&role=seed&name=a.jsonl", fileText)));
    expect(anonymous.status).toBe(401);
    expect(existsSync(join(home, "uploads"))).toBe(false);
    expect(await databaseSnapshot()).toEqual(before);
    expect((await withSessionClaim(claims.reviewer, () => importStatus(new Request("http://localhost/api/imports/1"), { params: Promise.resolve({ taskId: "1" }) }))).status).toBe(403);
  });

  it("a reviewer cannot export: the download route and the job action refuse", async () => {
    const response = await withSessionClaim(claims.reviewer, () => download(new Request("http://localhost/api/exports/download?format=omi2-jsonl")));
    expect(response.status).toBe(403);
    const result = await withSessionClaim(claims.reviewer, () => startExportJob({ format: "omi2-jsonl" }));
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await prisma().task.count({ where: { kind: "export" } })).toBe(0);
  });

  it("a curator uploads (streamed to disk, imported by the job, upload removed) and downloads the rows", async () => {
    const refused = await withSessionClaim(claims.curator, () => upload(uploadRequest("set=&role=seed&name=a.jsonl", fileText)));
    expect(refused.status).toBe(400);
    const badFormat = await withSessionClaim(claims.curator, () => upload(uploadRequest("set=s&role=seed&format=csv-ish&name=a.jsonl", fileText)));
    expect(badFormat.status).toBe(400);
    expect((await badFormat.json()).error).toBe("format: unknown format csv-ish");
    expect(existsSync(join(home, "uploads"))).toBe(false);

    const response = await withSessionClaim(claims.curator, () => upload(uploadRequest("set=web-seed&role=seed&name=web%20upload.jsonl", fileText)));
    expect(response.status).toBe(202);
    const { taskId, bytes } = await response.json();
    expect(bytes).toBe(Buffer.byteLength(fileText));
    expect(readdirSync(join(home, "uploads"))).toHaveLength(1);
    await importFileJob.handle({ taskId }, {} as never);
    expect(readdirSync(join(home, "uploads"))).toHaveLength(0);
    const status = await (await withSessionClaim(claims.curator, () => importStatus(new Request(`http://localhost/api/imports/${taskId}`), { params: Promise.resolve({ taskId: String(taskId) }) }))).json();
    expect(status).toMatchObject({ state: "completed", result: { ok: true, files: ["web upload.jsonl"], problemsInserted: 3, solutionsInserted: 3 } });
    expect(status.grading).toMatchObject({ kind: "grade-import", state: "queued" });
    // Importing into a set of another role is refused before the body is stored.
    const wrongRole = await withSessionClaim(claims.curator, () => upload(uploadRequest("set=web-seed&role=benchmark&name=b.jsonl", fileText)));
    expect(wrongRole.status).toBe(400);
    expect((await wrongRole.json()).error).toMatch(/"web-seed" is a seed set, but this import asked for role benchmark/);

    const file = await withSessionClaim(claims.curator, () =>
      download(new Request("http://localhost/api/exports/download?format=omi2-jsonl&set=web-seed&correctOnly=0&minSolutionChars=none&includeReferences=1&requireBoxed=0")),
    );
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/attachment; filename="boxed-\d+-omi2-jsonl-.*\.jsonl"/);
    const lines = (await file.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.problem)).toEqual(["Upload question 1?", "Upload question 2?", "Upload question 3?"]);
    const exportTaskId = Number(file.headers.get("x-boxed-export-task"));
    // The task is finished right after the last byte; give the completion callbacks a moment.
    for (let i = 0; i < 50 && (await prisma().task.findUniqueOrThrow({ where: { id: exportTaskId } })).state === "running"; i++) await new Promise((r) => setTimeout(r, 100));
    const task = await prisma().task.findUniqueOrThrow({ where: { id: exportTaskId } });
    expect(task.state).toBe("completed");
    expect(task.result).toMatchObject({ rows: 3, user: { email: "curator@perm.test" } });
    const manifestFile = join(home, "exports", `${(task.result as { file: string }).file}.manifest.json`);
    expect(JSON.parse(readFileSync(manifestFile, "utf8")).rows).toBe(3);
    const audit = await prisma().auditLog.findMany({ where: { action: { in: ["dataset.import", "dataset.export"] }, userId: claims.curator.userId } });
    expect(audit.map((a) => a.action).sort()).toEqual(["dataset.export", "dataset.import"]);

    const unknownSet = await withSessionClaim(claims.curator, () => download(new Request("http://localhost/api/exports/download?set=nope")));
    expect(unknownSet.status).toBe(400);
    expect((await unknownSet.json()).error).toMatch(/No problem set named "nope"/);
  });
});
