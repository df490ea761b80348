// Protects: every server action in the app checks the caller's role on the server, exactly as
// lib/auth/permissions.ts (and so docs/security.md) says. The actions are found on disk (every
// app/**/actions.ts), so a new action file is walked without anyone listing it. Each exported
// action is called as every role, as a deactivated user, with a revoked session and with no
// session, with a probe input that no schema accepts: an allowed role gets "invalid" (it passed
// the role check and reached validation), a refused role gets "forbidden", nobody gets past.
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { requiredActionOf } from "@/lib/auth/authorized-action";
import { withSessionClaim } from "@/lib/auth/current-user";
import { ACTIONS, can, ROLES, type RoleName } from "@/lib/auth/permissions";
import { repoRoot } from "@/lib/db/boxed-home";
import { createUser } from "@/lib/users/create-user";
import { setUserActive } from "@/lib/users/update-user";
import { findAppFiles } from "@/tests/support/find-app-files";

// Server-only data modules refuse to load outside Next's server bundle; here we are the server.
vi.mock("server-only", () => ({}));

const PROBE = Symbol("no schema accepts this");
const actionFiles = findAppFiles("actions.ts");

type BuiltAction = (input: unknown) => Promise<{ ok: boolean; code?: string }>;

const users = {} as Record<RoleName, { id: number }>;
let deactivated: { id: number };

beforeAll(async () => {
  for (const role of ROLES) users[role] = await createUser({ email: `${role}@walk.test`, role, password: "walk-password-1" });
  // Another admin, so deactivating this one is not refused as "the last admin".
  deactivated = await createUser({ email: "gone@walk.test", role: "admin", password: "walk-password-1" });
  await setUserActive(deactivated.id, false);
});

describe("the action walk", () => {
  it("finds the action files (the glob is not silently empty)", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(actionFiles).toContain(join("app", "(studio)", "settings", "users", "actions.ts"));
  });
});

describe.each(actionFiles)("%s", (file) => {
  it("exports only actions built by authorizedAction, each checking a known permission", async () => {
    const module = (await import(join(repoRoot, file))) as Record<string, unknown>;
    const names = Object.keys(module);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const action = requiredActionOf(module[name]);
      expect(action, `${file}: export "${name}" is not built with authorizedAction()`).toBeDefined();
      expect(Object.keys(ACTIONS), `${file}: "${name}" checks an unknown action`).toContain(action);
    }
  });

  it("allows exactly the roles permissions.ts allows, and refuses anyone without a valid session", async () => {
    const module = (await import(join(repoRoot, file))) as Record<string, BuiltAction>;
    for (const [name, fn] of Object.entries(module)) {
      const action = requiredActionOf(fn);
      if (!action) continue;
      for (const role of ROLES) {
        const result = await withSessionClaim({ userId: users[role].id, sessionVersion: 1 }, () => fn(PROBE));
        const where = `${file} ${name} (${action}) as ${role}`;
        expect(result.ok, where).toBe(false);
        if (can(role, action)) expect(result.code, `${where}: allowed, so it must reach input validation`).toBe("invalid");
        else expect(result.code, `${where}: must be refused`).toBe("forbidden");
      }
      for (const [who, claim] of [
        ["anonymous", null],
        ["a deactivated admin", { userId: deactivated.id, sessionVersion: 1 }],
        ["a revoked session", { userId: users.admin.id, sessionVersion: 0 }],
        ["a deleted user", { userId: 9_999_999, sessionVersion: 1 }],
      ] as const) {
        const result = await withSessionClaim(claim, () => fn(PROBE));
        expect(result, `${file} ${name} as ${who}`).toMatchObject({ ok: false, code: "unauthenticated" });
      }
    }
  });
});

describe("the walk itself", () => {
  it("tells built actions from plain functions, and an action's permission cannot be relabelled", async () => {
    const { authorizedAction } = await import("@/lib/auth/authorized-action");
    const { z } = await import("zod");
    expect(requiredActionOf(async () => 1)).toBeUndefined();
    const manage = authorizedAction("users.manage", z.object({ a: z.number() }), async () => 1);
    expect(requiredActionOf(manage)).toBe("users.manage");
    expect(() => Object.defineProperty(manage, "requiredAction", { value: "dashboard.view" })).toThrow(TypeError);
    expect(await withSessionClaim({ userId: users.viewer.id, sessionVersion: 1 }, () => manage(PROBE as never))).toMatchObject({ code: "forbidden" });
    expect(await withSessionClaim({ userId: users.admin.id, sessionVersion: 1 }, () => manage(PROBE as never))).toMatchObject({ code: "invalid" });
  });
});

describe("every action's input is bounded before its own schema runs", () => {
  // Shapes each action's schema would otherwise accept or choke on: one huge field, a NUL, a huge
  // list, deep nesting. Each is answered "invalid" with the field named, never thrown or stored.
  const oversized: [string, unknown, RegExp][] = [
    ["a 1 MB field", { note: "n".repeat(1_000_000), name: "x" }, /^note: longer than 100,000 characters/],
    ["a NUL in a field", { name: "a\u0000b" }, /^name: contains a NUL character/],
    ["a list of 20,000 items", { itemIds: Array.from({ length: 20_000 }, (_, i) => i + 1) }, /^itemIds: more than 10,000 items/],
    ["nesting 20 levels deep", JSON.parse(`${'{"a":'.repeat(20)}1${"}".repeat(20)}`), /nested deeper than 8 levels/],
  ];

  it.each(actionFiles)("%s", async (file) => {
    const module = (await import(join(repoRoot, file))) as Record<string, BuiltAction>;
    for (const [name, fn] of Object.entries(module)) {
      if (!requiredActionOf(fn)) continue;
      for (const [what, input, message] of oversized) {
        const result = (await withSessionClaim({ userId: users.admin.id, sessionVersion: 1 }, () => fn(input))) as { ok: boolean; code?: string; error?: string };
        expect(result, `${file} ${name}: ${what}`).toMatchObject({ ok: false, code: "invalid" });
        expect(result.error, `${file} ${name}: ${what}`).toMatch(message);
      }
    }
  });
});

describe("task progress", () => {
  it("is readable with the permission of the task's own page, and unknown to everyone else", async () => {
    const { readTaskProgress } = (await import(join(repoRoot, "app/(studio)/solutions/actions.ts"))) as Record<string, BuiltAction>;
    const { prisma } = await import("@/lib/db/prisma");
    const task = async (kind: string) => (await prisma().task.create({ data: { kind, label: `secret ${kind} of /data/private.jsonl`, error: "line 3: bad" } })).id;
    const cases: [string, RoleName[]][] = [
      ["import", ["curator", "admin"]],
      ["export", ["curator", "admin"]],
      ["samples.bulk", ["curator", "admin"]],
      ["review.queue.fill", ["curator", "admin"]],
      ["a-kind-nobody-listed", ["admin"]],
    ];
    for (const [kind, allowed] of cases) {
      const taskId = await task(kind);
      for (const role of ROLES) {
        const result = (await withSessionClaim({ userId: users[role].id, sessionVersion: 1 }, () => readTaskProgress({ taskId }))) as { ok: boolean; data?: { label: string }; error?: string };
        if (allowed.includes(role)) expect(result, `${kind} as ${role}`).toMatchObject({ ok: true, data: { label: `secret ${kind} of /data/private.jsonl` } });
        else expect(result, `${kind} as ${role}`).toEqual({ ok: false, code: "failed", error: `Task #${taskId} was not found.` });
      }
    }
  });
});
