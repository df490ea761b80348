// Protects: a user mutation audits itself, in its own transaction, with the same details whether
// it came from the users page or from the `boxed user` CLI (a real child process); only `via` and
// the acting user differ. A refused change writes no entry, and the rules that protect admins
// hold for library callers too.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/app/(studio)/settings/users/actions";
import { webActor } from "@/lib/audit/actor";
import { withSessionClaim } from "@/lib/auth/current-user";
import { repoRoot } from "@/lib/db/boxed-home";
import { prisma } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/create-user";
import { setUserActive, setUserRole } from "@/lib/users/update-user";

let admin: { id: number };
const asAdmin = <T>(fn: () => Promise<T>) => withSessionClaim({ userId: admin.id, sessionVersion: 1 }, fn);

function boxed(args: string[], input = "") {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { encoding: "utf8", input, env: process.env, timeout: 60_000 });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout;
}

async function lastEntry(action: string, userId: number) {
  const entries = await prisma().auditLog.findMany({ where: { action, objectType: "user", objectId: String(userId) }, orderBy: { id: "desc" }, take: 1 });
  return entries[0];
}

const detailsOf = async (action: string, userId: number) => (await lastEntry(action, userId))?.details as Record<string, unknown>;
const withoutVia = (details: Record<string, unknown>) => Object.fromEntries(Object.entries(details).filter(([key]) => key !== "via"));

describe("user mutations audit themselves the same way from the web and the CLI", () => {
  beforeAll(async () => {
    admin = await createUser({ email: "chief@mutations.test", role: "admin", password: "chief-password-1" });
  });

  it("create", async () => {
    boxed(["user", "add", "--email", "cli.made@mutations.test", "--role", "reviewer"]);
    const web = await asAdmin(() => createUserAction({ email: "web.made@mutations.test", role: "reviewer", password: "" }));
    expect(web.ok).toBe(true);
    const cliUser = await prisma().user.findUniqueOrThrow({ where: { email: "cli.made@mutations.test" } });
    const webDetails = await detailsOf("user.create", web.ok ? web.data.id : 0);
    const cliDetails = await detailsOf("user.create", cliUser.id);
    expect(webDetails).toEqual({ email: "web.made@mutations.test", role: "reviewer", generatedPassword: true, via: "web" });
    expect(cliDetails).toEqual({ email: "cli.made@mutations.test", role: "reviewer", generatedPassword: true, via: "cli" });
    expect((await lastEntry("user.create", cliUser.id))?.userId).toBeNull();
  });

  it("set_role, with the old and the new role from both", async () => {
    const a = await createUser({ email: "role.web@mutations.test", role: "viewer", password: "role-web-pass-1" });
    const b = await createUser({ email: "role.cli@mutations.test", role: "viewer", password: "role-cli-pass-1" });
    expect(await asAdmin(() => setUserRoleAction({ userId: a.id, role: "curator" }))).toMatchObject({ ok: true });
    expect(boxed(["user", "set-role", "--email", "Role.Cli@Mutations.test", "--role", "curator"])).toContain("role.cli@mutations.test is now curator");
    const web = await lastEntry("user.set_role", a.id);
    const cli = await lastEntry("user.set_role", b.id);
    expect(web).toMatchObject({ userId: admin.id, details: { email: "role.web@mutations.test", from: "viewer", to: "curator", via: "web" } });
    expect(cli).toMatchObject({ userId: null, details: { email: "role.cli@mutations.test", from: "viewer", to: "curator", via: "cli" } });
    expect(Object.keys(withoutVia(web?.details as Record<string, unknown>)).sort()).toEqual(Object.keys(withoutVia(cli?.details as Record<string, unknown>)).sort());
  });

  it("deactivate, activate and reset_password", async () => {
    const a = await createUser({ email: "cycle.web@mutations.test", role: "reviewer", password: "cycle-web-pass-1" });
    const b = await createUser({ email: "cycle.cli@mutations.test", role: "reviewer", password: "cycle-cli-pass-1" });
    await asAdmin(() => setUserActiveAction({ userId: a.id, active: false }));
    await asAdmin(() => setUserActiveAction({ userId: a.id, active: true }));
    await asAdmin(() => resetUserPasswordAction({ userId: a.id }));
    boxed(["user", "deactivate", "--email", "cycle.cli@mutations.test"]);
    boxed(["user", "activate", "--email", "cycle.cli@mutations.test"]);
    expect(boxed(["user", "reset-password", "--email", "cycle.cli@mutations.test"], "typed-new-password-1\n")).not.toContain("typed-new-password-1");
    for (const action of ["user.deactivate", "user.activate"]) {
      expect(await detailsOf(action, a.id)).toEqual({ email: "cycle.web@mutations.test", via: "web" });
      expect(await detailsOf(action, b.id)).toEqual({ email: "cycle.cli@mutations.test", via: "cli" });
    }
    expect(await detailsOf("user.reset_password", a.id)).toEqual({ email: "cycle.web@mutations.test", generatedPassword: true, via: "web" });
    expect(await detailsOf("user.reset_password", b.id)).toEqual({ email: "cycle.cli@mutations.test", generatedPassword: false, via: "cli" });
  });

  it("refuses self-lockout and the last admin in the library, writing no entry", async () => {
    const before = await prisma().auditLog.count();
    await expect(setUserActive(admin.id, false, webActor(admin))).rejects.toThrow(/your own account/);
    await expect(setUserRole(admin.id, "viewer", webActor(admin))).rejects.toThrow(/your own admin role/);
    const other = await createUser({ email: "other.admin@mutations.test", role: "viewer", password: "other-admin-pass-1" });
    await expect(setUserRole(admin.id, "viewer", webActor(other))).rejects.toThrow(/last active admin/);
    await expect(setUserRole("nobody@mutations.test", "viewer", webActor(admin))).rejects.toThrow(/User nobody@mutations.test was not found/);
    expect(await prisma().auditLog.count()).toBe(before);
  });
});
