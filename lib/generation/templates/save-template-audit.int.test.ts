// Protects: saving a template version from the templates page writes its template.save entry in the
// same transaction as the version; a refused save (another kind under the same name, an unknown
// placeholder) writes neither; two editors saving at once each get a version and an entry.
import { beforeAll, describe, expect, it } from "vitest";
import { saveTemplateAction } from "@/app/(studio)/templates/actions";
import { withSessionClaim } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";

let curatorId: number;
const asCurator = <T>(fn: () => Promise<T>) => withSessionClaim({ userId: curatorId, sessionVersion: 1 }, fn);
const saves = (name: string) => prisma().auditLog.findMany({ where: { action: "template.save" }, orderBy: { id: "asc" } }).then((rows) => rows.filter((r) => (r.details as { name?: string }).name === name));

beforeAll(async () => {
  curatorId = (await createUser({ email: "templates@audit.test", role: "curator", password: "templates-pass-1" })).id;
});

describe("template.save", () => {
  it("commits with the version it describes, naming the user, the version and the kind", async () => {
    const saved = await asCurator(() => saveTemplateAction({ name: "audited-chat", kind: "solution-chat", body: "Solve: {{problem}}" }));
    expect(saved).toMatchObject({ ok: true, data: { name: "audited-chat", version: 1 } });
    const [entry] = await saves("audited-chat");
    expect(entry).toMatchObject({ userId: curatorId, objectType: "prompt_template", objectId: String(saved.ok ? saved.data.id : 0), details: { name: "audited-chat", version: 1, kind: "solution-chat", via: "web" } });
  });

  it("writes nothing for a refused save", async () => {
    const before = { entries: await prisma().auditLog.count(), versions: await prisma().promptTemplate.count() };
    expect(await asCurator(() => saveTemplateAction({ name: "audited-chat", kind: "solution-completion", body: "Solve: {{problem}}" }))).toMatchObject({ ok: false, error: expect.stringMatching(/must keep its kind/) });
    expect(await asCurator(() => saveTemplateAction({ name: "audited-bad", kind: "solution-chat", body: "Solve: {{nonsense}}" }))).toMatchObject({ ok: false, error: expect.stringMatching(/unknown placeholder {{nonsense}}/) });
    expect({ entries: await prisma().auditLog.count(), versions: await prisma().promptTemplate.count() }).toEqual(before);
  });

  it("gives two editors saving at once a version and an entry each", async () => {
    const both = await Promise.all([1, 2].map((n) => asCurator(() => saveTemplateAction({ name: "audited-race", kind: "solution-chat", body: `Solve ${n}: {{problem}}` }))));
    expect(both.map((r) => r.ok && r.data.version).sort()).toEqual([1, 2]);
    expect((await saves("audited-race")).map((e) => (e.details as { version: number }).version).sort()).toEqual([1, 2]);
  });
});
