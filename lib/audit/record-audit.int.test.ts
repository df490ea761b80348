// Protects: an audit entry written with the transaction that makes a change commits with it and
// rolls back with it, through either client (a pg client from inTransaction, Prisma's transaction
// client), and both write the same row; without a transaction the entry stands on its own.
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import { inTransaction } from "@/lib/db/in-transaction";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";

const rowsOf = async (action: string) =>
  (await pool().query("SELECT user_id, action, object_type, object_id, details, ip FROM audit_log WHERE action = $1 ORDER BY id", [action])).rows;

const entry = (action: string) => ({ userId: null, action, objectType: "probe", objectId: 7, details: { n: 1, nested: { ok: true }, text: "it's \"quoted\"" }, ip: "10.0.0.1" });

describe("recordAudit inside a transaction", () => {
  it("commits with a pg transaction and with a Prisma transaction, writing the same row", async () => {
    await inTransaction((client) => recordAudit(entry("probe.pg"), client));
    await prisma().$transaction((tx) => recordAudit(entry("probe.prisma"), tx));
    await recordAudit(entry("probe.alone"));
    const [pgRow] = await rowsOf("probe.pg");
    const [prismaRow] = await rowsOf("probe.prisma");
    const [alone] = await rowsOf("probe.alone");
    expect(pgRow).toEqual({ user_id: null, action: "probe.pg", object_type: "probe", object_id: "7", details: { n: 1, nested: { ok: true }, text: "it's \"quoted\"" }, ip: "10.0.0.1" });
    expect({ ...prismaRow, action: "probe.pg" }).toEqual(pgRow);
    expect({ ...alone, action: "probe.pg" }).toEqual(pgRow);
  });

  it("rolls back with the change when the transaction fails, through either client", async () => {
    const failure = new Error("the change failed after its audit entry");
    await expect(
      inTransaction(async (client) => {
        await client.query("INSERT INTO problem_sets (name, role) VALUES ('rolled-back-pg', 'seed')");
        await recordAudit(entry("probe.pg.rollback"), client);
        throw failure;
      }),
    ).rejects.toBe(failure);
    await expect(
      prisma().$transaction(async (tx) => {
        await tx.problemSet.create({ data: { name: "rolled-back-prisma", role: "seed" } });
        await recordAudit(entry("probe.prisma.rollback"), tx);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rowsOf("probe.pg.rollback")).toEqual([]);
    expect(await rowsOf("probe.prisma.rollback")).toEqual([]);
    const sets = await pool().query("SELECT name FROM problem_sets WHERE name LIKE 'rolled-back-%'");
    expect(sets.rows).toEqual([]);
  });
});
