// Protects: accounts, password hashing, role checks against the database, instant lock-out on
// deactivation, sign-in throttling, and the append-only audit log.
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { currentUser, requirePermission, withSessionClaim } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { attemptSucceeded, beginSignInAttempt, lockedForMs, THROTTLE } from "@/lib/auth/sign-in-throttle";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { ensureFirstAdmin } from "@/lib/users/ensure-first-admin";
import { resetUserPassword, setUserActive, setUserRole } from "@/lib/users/update-user";

describe("passwords", () => {
  it("hash with scrypt, verify, and reject a wrong password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("anything", null)).toBe(false);
  });
});

describe("first admin", () => {
  it("is created once, from the environment or with a generated password", async () => {
    const first = await ensureFirstAdmin({ BOXED_ADMIN_EMAIL: "Boss@Example.org" });
    expect(first.created).toBe(true);
    expect(first.email).toBe("boss@example.org");
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
    const stored = await prisma().user.findUniqueOrThrow({ where: { email: "boss@example.org" } });
    expect(stored.role).toBe("admin");
    expect(await verifyPassword(first.generatedPassword as string, stored.passwordHash)).toBe(true);
    const again = await ensureFirstAdmin({ BOXED_ADMIN_EMAIL: "other@example.org", BOXED_ADMIN_PASSWORD: "whatever-123" });
    expect(again.created).toBe(false);
    expect(again.generatedPassword).toBeUndefined();
  });
});

describe("users and sessions", () => {
  it("validate input with messages naming the value", async () => {
    await expect(createUser({ email: "not-an-email", role: "viewer", password: "long-enough-1" })).rejects.toThrow(/"not-an-email" is not an email/);
    await expect(createUser({ email: "a@b.c", role: "boss" as never, password: "long-enough-1" })).rejects.toThrow(/"boss" is not a role/);
    await expect(createUser({ email: "a@b.c", role: "viewer", password: "short" })).rejects.toThrow(/at least 10/);
  });

  it("check the role on the server from the database, and lock a deactivated user out at once", async () => {
    const user = await createUser({ email: "rev@example.org", role: "reviewer", password: "reviewer-pass-1" });
    const claim = { userId: user.id, sessionVersion: 1 };
    const me = await withSessionClaim(claim, () => currentUser());
    expect(me?.role).toBe("reviewer");
    await withSessionClaim(claim, () => expect(requirePermission("review.annotate")).resolves.toMatchObject({ id: user.id }));
    await withSessionClaim(claim, () => expect(requirePermission("batches.launch")).rejects.toThrow(/Not allowed/));

    await setUserRole(user.id, "curator");
    await withSessionClaim(claim, () => expect(requirePermission("batches.launch")).resolves.toMatchObject({ role: "curator" }));

    await setUserActive(user.id, false);
    expect(await withSessionClaim(claim, () => currentUser())).toBeNull();
    await setUserActive(user.id, true);
    // Reactivation does not revive the old session: its version was bumped.
    expect(await withSessionClaim(claim, () => currentUser())).toBeNull();
    expect(await withSessionClaim({ userId: user.id, sessionVersion: 2 }, () => currentUser())).not.toBeNull();

    await resetUserPassword(user.id, "a-brand-new-pass");
    expect(await withSessionClaim({ userId: user.id, sessionVersion: 2 }, () => currentUser())).toBeNull();
    expect(await withSessionClaim(null, () => currentUser())).toBeNull();
  });

  it("keep at least one active admin", async () => {
    const admin = await createUser({ email: "only-admin@example.org", role: "admin", password: "admin-pass-123" });
    await prisma().user.updateMany({ where: { role: "admin", id: { not: admin.id } }, data: { active: false } });
    await expect(setUserActive(admin.id, false)).rejects.toThrow(/last active admin/);
    await expect(setUserRole(admin.id, "viewer")).rejects.toThrow(/last active admin/);
  });
});

describe("sign-in throttling", () => {
  const fail = (email: string, ip: string, now: Date) => beginSignInAttempt(email, ip, now);
  it("locks an account after repeated failures and a client address after more", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount - 1; i++) expect((await fail("victim@example.org", "10.0.0.9", now)).allowed).toBe(true);
    expect(await lockedForMs("victim@example.org", "10.0.0.9", now)).toBe(0);
    // The attempt that reaches the limit is still checked, and sets the lock itself.
    expect((await fail("victim@example.org", "10.0.0.9", now)).allowed).toBe(true);
    expect(await lockedForMs("victim@example.org", null, now)).toBe(THROTTLE.firstLockMs);
    expect(await fail("victim@example.org", "10.0.0.8", now)).toEqual({ allowed: false, waitMs: THROTTLE.firstLockMs });
    // After the lock, the next failure (still in the window) locks for twice as long.
    const afterLock = new Date(now.getTime() + THROTTLE.firstLockMs);
    expect((await fail("victim@example.org", "10.0.0.8", afterLock)).allowed).toBe(true);
    expect(await lockedForMs("victim@example.org", null, afterLock)).toBe(2 * THROTTLE.firstLockMs);
    // Another account from the same address is not locked until the address limit is reached.
    expect(await lockedForMs("someone@example.org", "10.0.0.9", now)).toBe(0);
    for (let i = 0; i < THROTTLE.maxFailuresPerAddress; i++) await fail(`guess${i}@example.org`, "10.0.0.9", now);
    expect(await lockedForMs("someone@example.org", "10.0.0.9", now)).toBeGreaterThan(0);
    expect((await fail("someone@example.org", "10.0.0.9", now)).allowed).toBe(false);
    // Locks expire.
    const later = new Date(now.getTime() + THROTTLE.maxLockMs + 1);
    expect(await lockedForMs("victim@example.org", null, later)).toBe(0);
  });

  it("counts parallel attempts one by one: never more password checks than the limit", async () => {
    const now = new Date();
    const verdicts = await Promise.all(Array.from({ length: 40 }, () => beginSignInAttempt("parallel@example.org", "10.1.0.1", now)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(THROTTLE.maxFailuresPerAccount);
    const [row] = await prisma().signInThrottle.findMany({ where: { key: "email:parallel@example.org" } });
    expect(row.failures).toBe(THROTTLE.maxFailuresPerAccount);
  });

  it("a right password starts the account afresh and gives the address its attempt back", async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) await beginSignInAttempt("back@example.org", "10.2.0.1", now);
    await beginSignInAttempt("back@example.org", "10.2.0.1", now);
    await attemptSucceeded("back@example.org", "10.2.0.1");
    expect(await prisma().signInThrottle.findUnique({ where: { key: "email:back@example.org" } })).toBeNull();
    expect((await prisma().signInThrottle.findUnique({ where: { key: "ip:10.2.0.1" } }))?.failures).toBe(3);
  });
});

describe("audit log", () => {
  it("is append-only in the database itself", async () => {
    await recordAudit({ userId: null, action: "test.probe", objectType: "thing", objectId: 7, details: { a: 1 } });
    const { rows } = await pool().query(`SELECT id FROM audit_log WHERE action = 'test.probe'`);
    expect(rows).toHaveLength(1);
    await expect(pool().query(`UPDATE audit_log SET action = 'x' WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
    await expect(pool().query(`DELETE FROM audit_log WHERE id = $1`, [rows[0].id])).rejects.toThrow(/append-only/);
    await expect(pool().query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only|cannot truncate/);
  });
});
