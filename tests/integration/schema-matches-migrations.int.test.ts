// Protects: prisma/schema.prisma and prisma/migrations describe the same database. Prisma's own
// schema engine (6.19, WebAssembly, the last that runs offline) renders the schema to SQL; we
// apply that to one database and our migrations to another, and compare the catalogs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { migrateDatabase } from "@/lib/db/migrate";

const adminUrl = inject("pgAdminUrl");

function urlFor(database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function prismaSchemaToSql(): string {
  const work = mkdtempSync(join(tmpdir(), "boxed-schema-"));
  const schema = readFileSync(join(repoRoot, "prisma", "schema.prisma"), "utf8")
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"')
    .replace(/\n\s*output\s*=.*\n/, "\n")
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("DATABASE_URL")');
  writeFileSync(join(work, "schema.prisma"), schema);
  writeFileSync(
    join(work, "prisma.config.mjs"),
    `import { PrismaPg } from ${JSON.stringify(join(repoRoot, "node_modules", "prisma-legacy-adapter-pg", "dist", "index.mjs"))};
export default { engine: "js", experimental: { adapter: true }, schema: ${JSON.stringify(join(work, "schema.prisma"))},
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(adminUrl)} }) };\n`,
  );
  const cli = join(repoRoot, "node_modules", "prisma-legacy", "build", "index.js");
  const result = spawnSync(
    process.execPath,
    [cli, "migrate", "diff", "--config", join(work, "prisma.config.mjs"), "--from-empty", "--to-schema-datamodel", join(work, "schema.prisma"), "--script"],
    {
      cwd: work,
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: adminUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: join(repoRoot, "package.json"),
        PRISMA_QUERY_ENGINE_LIBRARY: join(repoRoot, "package.json"),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
    },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed: ${result.stderr}`);
  return result.stdout;
}

// Columns, types, nullability, defaults, indexes, constraints and enums of the public schema.
async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`);
    const indexes = await client.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
      ORDER BY 1, 2`);
    const enums = await client.query(`
      SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  } finally {
    await client.end();
  }
}

describe("schema.prisma and prisma/migrations", () => {
  it("produce the same tables, columns, indexes, constraints and enums", async () => {
    const sql = prismaSchemaToSql();
    expect(sql).toContain('CREATE TABLE "samples"');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const suffix = Math.random().toString(36).slice(2, 8);
    const fromSchema = `schema_${suffix}`;
    const fromMigrations = `migrations_${suffix}`;
    await admin.query(`CREATE DATABASE ${fromSchema}`);
    await admin.query(`CREATE DATABASE ${fromMigrations}`);
    try {
      const direct = new pg.Client({ connectionString: urlFor(fromSchema) });
      await direct.connect();
      await direct.query(sql);
      await direct.end();
      await migrateDatabase(urlFor(fromMigrations));
      const expected = await catalog(urlFor(fromSchema));
      const actual = await catalog(urlFor(fromMigrations));
      // Objects Prisma cannot express live in hand-written migrations and are listed here.
      const handWrittenIndexes = new Set([
        "problems_text_trgm",
        "samples_token_count_sort",
        "samples_batch_sort",
        "samples_model_sort",
        "samples_answer_key_sort",
      ]);
      actual.indexes = actual.indexes.filter((row) => !handWrittenIndexes.has(row.indexname));
      // samples is partitioned by set (migration 20261202000000_samples_partitioned_by_set), which
      // Prisma cannot express: its indexes are partitioned ("ON ONLY"), its primary key includes
      // set_id, no foreign key can reference samples(id) alone, and samples' own references are
      // kept by triggers (a foreign key on a partitioned table locks the tables it names on every
      // ATTACH); each missing foreign key below has its trigger, tested in samples-partitions.
      for (const row of actual.indexes) row.indexdef = row.indexdef.replace(" ON ONLY public.samples ", " ON public.samples ");
      for (const row of expected.indexes) {
        if (row.indexname === "samples_pkey") row.indexdef = row.indexdef.replace("(id)", "(id, set_id)");
      }
      for (const row of expected.constraints) {
        if (row.conname === "samples_pkey") row.def = "PRIMARY KEY (id, set_id)";
      }
      const triggerKept = new Set([
        "review_items_sample_id_fkey",
        "review_annotations_sample_id_fkey",
        "samples_problem_id_fkey",
        "samples_set_id_fkey",
        "samples_batch_id_fkey",
        "samples_import_task_id_fkey",
      ]);
      expected.constraints = expected.constraints.filter((row) => !triggerKept.has(row.conname));
      expect(actual.enums).toEqual(expected.enums);
      expect(actual.columns).toEqual(expected.columns);
      expect(actual.indexes).toEqual(expected.indexes);
      expect(actual.constraints).toEqual(expected.constraints);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${fromSchema} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${fromMigrations} WITH (FORCE)`);
      await admin.end();
    }
  });
});
