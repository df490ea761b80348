// Protects: migrations apply once, are recorded the way Prisma records them, and a migration
// edited after it was applied is refused instead of silently diverging.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase, migrationsDir } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";

/** A folder with a copy of the real migrations plus one more (name, sql) after them. */
function migrationsWith(name: string, sql: string): string {
  const dir = mkdtempSync(join(tmpdir(), "boxed-migrations-"));
  for (const m of [...listMigrations(migrationsDir), { name, sql }]) {
    mkdirSync(join(dir, m.name));
    writeFileSync(join(dir, m.name, "migration.sql"), m.sql);
  }
  return dir;
}

describe("migration runner", () => {
  it("has recorded every migration of prisma/migrations with Prisma's checksum", async () => {
    const { rows } = await pool().query(`SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    const files = listMigrations(migrationsDir);
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    for (const row of rows) {
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
    }
  });

  it("applies nothing the second time", async () => {
    const result = await migrateDatabase(process.env.DATABASE_URL as string);
    expect(result.applied).toEqual([]);
  });

  it("applies a new migration in order, and refuses one changed after it was applied", async () => {
    const dir = migrationsWith("29990101000000_extra", "CREATE TABLE extra_probe (id int);");
    const applied = await migrateDatabase(process.env.DATABASE_URL as string, dir);
    expect(applied.applied).toEqual(["29990101000000_extra"]);
    const table = await pool().query(`SELECT to_regclass('extra_probe') AS t`);
    expect(table.rows[0].t).toBe("extra_probe");

    writeFileSync(join(dir, "29990101000000_extra", "migration.sql"), "CREATE TABLE extra_probe (id bigint);");
    await expect(migrateDatabase(process.env.DATABASE_URL as string, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const dir = migrationsWith("29990102000000_broken", "CREATE TABLE half_done (id int);\nSELECT no_such_function();");
    await expect(migrateDatabase(process.env.DATABASE_URL as string, dir)).rejects.toThrow(/29990102000000_broken failed/);
    const table = await pool().query(`SELECT to_regclass('half_done') AS t`);
    expect(table.rows[0].t).toBeNull();
    const recorded = await pool().query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990102000000_broken'`);
    expect(recorded.rowCount).toBe(0);
  });
});
