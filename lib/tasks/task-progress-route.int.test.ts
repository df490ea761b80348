// Protects the one progress route: GET /api/tasks/<id> shows a Task only to a role with its kind's
// permission (lib/auth/task-permissions.ts) and is "not found" to everyone else, exactly as the
// readTaskProgress action answers; /api/imports/<id> and /api/exports/<id> (the same handler)
// serve their one kind, refuse a role without its permission with 403, and nobody gets anything
// without a session.
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportStatus } from "@/app/api/exports/[taskId]/route";
import { GET as importStatus } from "@/app/api/imports/[taskId]/route";
import { GET as taskStatus } from "@/app/api/tasks/[taskId]/route";
import { withSessionClaim } from "@/lib/auth/current-user";
import { can, ROLES, type RoleName } from "@/lib/auth/permissions";
import { permissionForTaskKind } from "@/lib/auth/task-permissions";
import { repoRoot } from "@/lib/db/boxed-home";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";

vi.mock("server-only", () => ({}));

type Route = (request: Request, context: { params: Promise<{ taskId: string }> }) => Promise<Response>;
const claims = {} as Record<RoleName, { userId: number; sessionVersion: number }>;

const ask = (route: Route, claim: { userId: number; sessionVersion: number } | null, taskId: string) =>
  withSessionClaim(claim, () => route(new Request(`http://localhost/api/tasks/${taskId}`), { params: Promise.resolve({ taskId }) }));

const newTask = async (kind: string) => (await prisma().task.create({ data: { kind, label: `secret ${kind} of /data/private.jsonl`, error: "line 3: bad", done: 4, total: 10 } })).id;

beforeAll(async () => {
  for (const role of ROLES) claims[role] = { userId: (await createUser({ email: `${role}@route.test`, role, password: "a-long-password-1" })).id, sessionVersion: 1 };
});

describe("GET /api/tasks/<id>", () => {
  // Every kind the code registers, one nobody listed, and who may read each.
  const cases: [string, RoleName[]][] = [
    ["import", ["curator", "admin"]],
    ["grade-import", ["curator", "admin"]],
    ["search-index", ["curator", "admin"]],
    ["export", ["curator", "admin"]],
    ["samples.bulk", ["curator", "admin"]],
    ["review.queue.fill", ["curator", "admin"]],
    ["set-delete", ["curator", "admin"]],
    ["decontam.retrieve", ["viewer", "reviewer", "curator", "admin"]],
    ["decontam.cluster", ["viewer", "reviewer", "curator", "admin"]],
    ["a-kind-nobody-listed", ["admin"]],
  ];

  it("answers a Task's progress to the roles of its kind's page, and the same 404 to everyone else, as the action does", async () => {
    const { readTaskProgress } = (await import(join(repoRoot, "app/(studio)/solutions/actions.ts"))) as Record<string, (input: unknown) => Promise<{ ok: boolean }>>;
    for (const [kind, allowed] of cases) {
      const taskId = await newTask(kind);
      for (const role of ROLES) {
        expect(can(role, permissionForTaskKind(kind)), `${kind} as ${role}: the table says so`).toBe(allowed.includes(role));
        const response = await ask(taskStatus, claims[role], String(taskId));
        const body = await response.json();
        const action = await withSessionClaim(claims[role], () => readTaskProgress({ taskId }));
        if (allowed.includes(role)) {
          expect(response.status, `${kind} as ${role}`).toBe(200);
          expect(response.headers.get("cache-control")).toBe("no-store");
          expect(body).toMatchObject({ id: taskId, kind, state: "queued", label: `secret ${kind} of /data/private.jsonl`, done: 4, total: 10, error: "line 3: bad" });
          expect(action, `${kind} as ${role}: the action agrees`).toMatchObject({ ok: true });
        } else {
          expect(response.status, `${kind} as ${role}`).toBe(404);
          expect(body).toEqual({ error: `Task #${taskId} was not found.` });
          expect(action, `${kind} as ${role}: the action agrees`).toMatchObject({ ok: false });
        }
      }
    }
  });

  it("tells nothing without a session, and an id that names no row is not found", async () => {
    const taskId = await newTask("decontam.retrieve");
    expect((await ask(taskStatus, null, String(taskId))).status).toBe(401);
    for (const id of ["0", "abc", "99999999999", "2147483647"]) {
      const response = await ask(taskStatus, claims.admin, id);
      expect(response.status, id).toBe(404);
    }
  });
});

describe("/api/imports/<id> and /api/exports/<id>", () => {
  it("serve their one kind: another kind's Task is not found there, and a role without the kind's permission is refused", async () => {
    const importId = await newTask("import");
    const exportId = await newTask("export");
    expect(await (await ask(importStatus, claims.curator, String(importId))).json()).toMatchObject({ id: importId, kind: "import" });
    expect(await (await ask(exportStatus, claims.curator, String(exportId))).json()).toMatchObject({ id: exportId, kind: "export", exportMode: "stream" });

    const wrongKind = await ask(importStatus, claims.curator, String(exportId));
    expect(wrongKind.status).toBe(404);
    expect(await wrongKind.json()).toEqual({ error: "no such import" });
    expect(await (await ask(exportStatus, claims.admin, String(importId))).json()).toEqual({ error: "no such export" });

    for (const role of ["viewer", "reviewer"] as const) {
      expect((await ask(importStatus, claims[role], String(importId))).status, role).toBe(403);
      expect((await ask(exportStatus, claims[role], String(exportId))).status, role).toBe(403);
    }
    expect((await ask(importStatus, null, String(importId))).status).toBe(401);
  });
});
