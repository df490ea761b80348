// Protects: the users page's server actions (create, change role, deactivate, reactivate, reset
// password) do what they say, lock people out at once, refuse self-lockout, and leave an audit
// entry naming the admin, the action and the user changed.
import { beforeAll, describe, expect, it } from "vitest";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/app/(studio)/settings/users/actions";
import { currentUser, withSessionClaim } from "@/lib/auth/current-user";
import { verifyPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";

let admin: { id: number };
const asAdmin = <T>(fn: () => Promise<T>) => withSessionClaim({ userId: admin.id, sessionVersion: 1 }, fn);

async function auditOf(action: string, objectId: number) {
  return prisma().auditLog.findMany({ where: { action, objectType: "user", objectId: String(objectId) }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  admin = await createUser({ email: "boss@users.test", role: "admin", password: "boss-password-1" });
});

describe("users page actions", () => {
  it("create a user with a generated password shown once, or with a typed one", async () => {
    const generated = await asAdmin(() => createUserAction({ email: " New.Reviewer@Users.Test ", role: "reviewer", password: "" }));
    expect(generated.ok).toBe(true);
    if (!generated.ok) return;
    expect(generated.data).toMatchObject({ email: "new.reviewer@users.test", role: "reviewer" });
    expect(generated.data.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const stored = await prisma().user.findUniqueOrThrow({ where: { id: generated.data.id } });
    expect(stored.passwordHash).not.toContain(generated.data.password);
    expect(await verifyPassword(generated.data.password, stored.passwordHash)).toBe(true);
    const [entry] = await auditOf("user.create", generated.data.id);
    expect(entry).toMatchObject({ userId: admin.id, details: { email: "new.reviewer@users.test", role: "reviewer", generatedPassword: true } });
    expect(JSON.stringify(entry.details)).not.toContain(generated.data.password);

    const typed = await asAdmin(() => createUserAction({ email: "typed@users.test", role: "viewer", password: "typed-password-1" }));
    expect(typed.ok && (await verifyPassword("typed-password-1", (await prisma().user.findUniqueOrThrow({ where: { id: typed.data.id } })).passwordHash))).toBe(true);
  });

  it("refuse bad input with the field and the fix, and change nothing", async () => {
    const before = await prisma().user.count();
    expect(await asAdmin(() => createUserAction({ email: "nope", role: "viewer" }))).toMatchObject({ ok: false, code: "invalid", error: expect.stringMatching(/^email: enter an email address/) });
    expect(await asAdmin(() => createUserAction({ email: "x@users.test", role: "boss" as never }))).toMatchObject({ ok: false, code: "invalid", error: expect.stringMatching(/^role:/) });
    expect(await asAdmin(() => createUserAction({ email: "x@users.test", role: "viewer", password: "short" }))).toMatchObject({ ok: false, code: "invalid", error: expect.stringMatching(/^password: at least 10 characters/) });
    expect(await asAdmin(() => createUserAction({ email: "typed@users.test", role: "viewer" }))).toMatchObject({ ok: false, code: "failed", error: expect.stringMatching(/already exists/) });
    expect(await prisma().user.count()).toBe(before);
  });

  it("change a role, effective on the user's next request, with the old and new role recorded", async () => {
    const user = await createUser({ email: "promote@users.test", role: "viewer", password: "promote-pass-1" });
    expect(await asAdmin(() => setUserRoleAction({ userId: user.id, role: "curator" }))).toMatchObject({ ok: true });
    expect(await withSessionClaim({ userId: user.id, sessionVersion: 1 }, () => currentUser())).toMatchObject({ role: "curator" });
    const [entry] = await auditOf("user.set_role", user.id);
    expect(entry).toMatchObject({ userId: admin.id, details: { from: "viewer", to: "curator" } });
  });

  it("deactivate (sessions end at once), reactivate (old sessions stay dead), and audit both", async () => {
    const user = await createUser({ email: "leaver@users.test", role: "reviewer", password: "leaver-pass-1" });
    const session = { userId: user.id, sessionVersion: 1 };
    expect(await withSessionClaim(session, () => currentUser())).not.toBeNull();
    expect(await asAdmin(() => setUserActiveAction({ userId: user.id, active: false }))).toMatchObject({ ok: true, data: { active: false } });
    expect(await withSessionClaim(session, () => currentUser())).toBeNull();
    expect(await asAdmin(() => setUserActiveAction({ userId: user.id, active: true }))).toMatchObject({ ok: true, data: { active: true } });
    expect(await withSessionClaim(session, () => currentUser())).toBeNull();
    expect(await auditOf("user.deactivate", user.id)).toHaveLength(1);
    expect(await auditOf("user.activate", user.id)).toHaveLength(1);
  });

  it("reset a password: the new one is shown once, the old one and the old sessions stop working", async () => {
    const user = await createUser({ email: "forgot@users.test", role: "viewer", password: "old-password-1" });
    const result = await asAdmin(() => resetUserPasswordAction({ userId: user.id }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await prisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(result.data.password, stored.passwordHash)).toBe(true);
    expect(await verifyPassword("old-password-1", stored.passwordHash)).toBe(false);
    expect(await withSessionClaim({ userId: user.id, sessionVersion: 1 }, () => currentUser())).toBeNull();
    const [entry] = await auditOf("user.reset_password", user.id);
    expect(entry.userId).toBe(admin.id);
    expect(JSON.stringify(entry.details)).not.toContain(result.data.password);
  });

  it("refuse an admin locking themselves out, and a missing user, without an audit entry", async () => {
    const entriesBefore = await prisma().auditLog.count();
    expect(await asAdmin(() => setUserActiveAction({ userId: admin.id, active: false }))).toMatchObject({ ok: false, code: "failed", error: expect.stringMatching(/your own account/) });
    expect(await asAdmin(() => setUserRoleAction({ userId: admin.id, role: "viewer" }))).toMatchObject({ ok: false, code: "failed", error: expect.stringMatching(/your own admin role/) });
    expect(await asAdmin(() => setUserRoleAction({ userId: 987_654, role: "viewer" }))).toMatchObject({ ok: false, code: "failed", error: "User #987654 was not found." });
    expect((await prisma().user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
    expect(await prisma().auditLog.count()).toBe(entriesBefore);
  });

  it("refuse everyone but an admin", async () => {
    const curator = await createUser({ email: "curator@users.test", role: "curator", password: "curator-pass-1" });
    const target = await createUser({ email: "target@users.test", role: "viewer", password: "target-pass-1" });
    const asCurator = await withSessionClaim({ userId: curator.id, sessionVersion: 1 }, () => setUserRoleAction({ userId: target.id, role: "admin" }));
    expect(asCurator).toMatchObject({ ok: false, code: "forbidden" });
    const anonymous = await withSessionClaim(null, () => setUserActiveAction({ userId: target.id, active: false }));
    expect(anonymous).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await prisma().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "viewer", active: true });
  });
});
