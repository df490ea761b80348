// Protects: the audit page's query: newest first, keyset pages that neither skip nor repeat an
// entry (even when many share a timestamp), and each filter (user, system, action prefix, object
// type, inclusive date range) alone and combined.
import { beforeAll, describe, expect, it } from "vitest";
import { type AuditFilter, parseAuditFilter } from "@/lib/audit/audit-filter";
import { type AuditRow, findAuditEntries } from "@/lib/audit/find-audit-entries";
import { listAuditActions } from "@/lib/audit/list-audit-actions";
import { pool } from "@/lib/db/pool";
import { createUser } from "@/lib/users/create-user";

let ada: { id: number };
let bob: { id: number };

async function allPages(filter: AuditFilter, pageSize: number): Promise<AuditRow[]> {
  const seen: AuditRow[] = [];
  let cursor = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await findAuditEntries(filter, cursor, pageSize);
    expect(page.rows.length).toBeLessThanOrEqual(pageSize);
    seen.push(...page.rows);
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error("pagination did not end");
}

beforeAll(async () => {
  ada = await createUser({ email: "ada@audit.test", role: "admin", password: "ada-password-1" });
  bob = await createUser({ email: "bob@audit.test", role: "curator", password: "bob-password-1" });
  // 60 entries over three days; groups of five share one timestamp to test the id tie-break.
  const actions = ["user.create", "user.deactivate", "batch.launch", "batch.pause", "review.annotate", "users.export"];
  for (let i = 0; i < 60; i++) {
    const at = `2026-03-0${1 + Math.floor(i / 20)} ${String(8 + Math.floor((i % 20) / 5)).padStart(2, "0")}:00:00.000`;
    const userId = i % 3 === 0 ? null : i % 3 === 1 ? ada.id : bob.id;
    await pool().query("INSERT INTO audit_log (at, user_id, action, object_type, object_id, details) VALUES ($1, $2, $3, $4, $5, $6)", [
      at,
      userId,
      actions[i % actions.length],
      i % 2 ? "user" : "batch",
      String(i),
      JSON.stringify({ i }),
    ]);
  }
});

const byNewest = (rows: AuditRow[]) => [...rows].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
const idx = (rows: AuditRow[]) => rows.map((r) => (r.details as { i: number }).i);

describe("findAuditEntries", () => {
  it("pages newest first by keyset without skipping or repeating entries", async () => {
    const rows = await allPages({}, 7);
    const probes = rows.filter((r) => r.details && typeof (r.details as { i?: number }).i === "number");
    expect(probes).toHaveLength(60);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows).toEqual(byNewest(rows));
    expect(idx(probes)[0]).toBe(59);
    expect(probes[0]).toMatchObject({ at: "2026-03-03T11:00:00.000", action: "users.export", objectType: "user", objectId: "59", userEmail: "bob@audit.test" });
  });

  it("filters by user, and by system (no user)", async () => {
    const mine = await allPages({ user: ada.id }, 5);
    expect(idx(mine).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => 3 * k + 1));
    expect(mine.every((r) => r.userEmail === "ada@audit.test")).toBe(true);
    const system = await allPages({ user: "system" }, 50);
    expect(system.every((r) => r.userId === null)).toBe(true);
    expect(idx(system)).toHaveLength(20);
  });

  it("filters by action prefix across several action names, in one newest-first order", async () => {
    const users = await allPages({ actionPrefix: "user." }, 4);
    expect(new Set(users.map((r) => r.action))).toEqual(new Set(["user.create", "user.deactivate"]));
    expect(users).toHaveLength(20);
    expect(users).toEqual(byNewest(users));
    expect(await allPages({ actionPrefix: "user" }, 50)).toHaveLength(30); // also users.export
    expect(await allPages({ actionPrefix: "batch.pause" }, 50)).toHaveLength(10);
    expect(await findAuditEntries({ actionPrefix: "nothing." })).toEqual({ rows: [], next: null });
  });

  it("filters by object type and by an inclusive date range, combined with the rest", async () => {
    const secondDay = await allPages({ from: "2026-03-02", to: "2026-03-02" }, 6);
    expect(idx(secondDay).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => 20 + k));
    const combined = await allPages({ from: "2026-03-02", objectType: "user", user: bob.id, actionPrefix: "u" }, 2);
    // i in 20..59, odd (user), i % 3 == 2 (bob), action users.export or user.deactivate or user.create.
    const expected = Array.from({ length: 40 }, (_, k) => 20 + k).filter((i) => i % 2 === 1 && i % 3 === 2 && [0, 1, 5].includes(i % 6));
    expect(idx(combined).sort((a, b) => a - b)).toEqual(expected);
    expect(combined.length).toBeGreaterThan(0);
  });
});

describe("listAuditActions", () => {
  it("lists each action name once, in order", async () => {
    const names = await listAuditActions();
    expect(names).toEqual([...new Set(names)].sort());
    expect(names).toEqual(expect.arrayContaining(["batch.launch", "review.annotate", "user.create", "users.export"]));
  });
});

describe("parseAuditFilter", () => {
  it("reads the URL, and names each bad value", () => {
    expect(parseAuditFilter({ user: "12", action: "user.", object: "user", from: "2026-01-01", to: "2026-01-31" })).toEqual({
      filter: { user: 12, actionPrefix: "user.", objectType: "user", from: "2026-01-01", to: "2026-01-31" },
      cursor: null,
      errors: [],
    });
    expect(parseAuditFilter({ user: "system", before: "2026-01-01T10:00:00.000~42" })).toMatchObject({ filter: { user: "system" }, cursor: { at: "2026-01-01T10:00:00.000", id: 42 } });
    const bad = parseAuditFilter({ user: "ada", action: "a b", from: "2026-02-30", to: "2025-01-01", before: "yesterday" });
    expect(bad.errors).toEqual([
      'user: "ada" is neither a user id nor "system"',
      'action: "a b" may only contain letters, digits, ".", "_" and "-"',
      'from: "2026-02-30" is not a date like 2026-01-31',
      "before: not a page position this page wrote; start again from the newest entries",
    ]);
    expect(parseAuditFilter({ from: "2026-02-01", to: "2026-01-01" }).errors).toEqual(["from (2026-02-01) is after to (2026-01-01)"]);
  });
});
