// `node --import tsx scripts/new-migration.ts <name>`: writes prisma/migrations/<timestamp>_<name>/
// with the SQL that turns the schema as of the last migration (prisma/migrations/
// schema-snapshot.prisma) into the current prisma/schema.prisma, rendered by Prisma's own schema
// engine (6.19, WebAssembly, runs offline), then moves the snapshot forward. Hand-written SQL
// (triggers, extensions, GIN indexes) can be appended to the generated file.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "@/lib/db/boxed-home";
import { resolveDatabase } from "@/lib/db/database-url";
import { stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { boxedHome } from "@/lib/db/boxed-home";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node --import tsx scripts/new-migration.ts <snake_case_name>");
  process.exit(2);
}

export function legacySchema(text: string): string {
  return text
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"')
    .replace(/\n\s*output\s*=.*\n/, "\n")
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("DATABASE_URL")');
}

const database = await resolveDatabase();
try {
  const work = mkdtempSync(join(tmpdir(), "boxed-migration-"));
  const snapshot = join(repoRoot, "prisma", "migrations", "schema-snapshot.prisma");
  const current = join(repoRoot, "prisma", "schema.prisma");
  writeFileSync(join(work, "from.prisma"), legacySchema(readFileSync(snapshot, "utf8")));
  writeFileSync(join(work, "to.prisma"), legacySchema(readFileSync(current, "utf8")));
  writeFileSync(
    join(work, "prisma.config.mjs"),
    `import { PrismaPg } from ${JSON.stringify(join(repoRoot, "node_modules", "prisma-legacy-adapter-pg", "dist", "index.mjs"))};
export default { engine: "js", experimental: { adapter: true }, schema: ${JSON.stringify(join(work, "to.prisma"))},
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(database.url)} }) };\n`,
  );
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, "node_modules", "prisma-legacy", "build", "index.js"), "migrate", "diff", "--config", join(work, "prisma.config.mjs"),
      "--from-schema-datamodel", join(work, "from.prisma"), "--to-schema-datamodel", join(work, "to.prisma"), "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: database.url, PRISMA_SCHEMA_ENGINE_BINARY: join(repoRoot, "package.json"), PRISMA_QUERY_ENGINE_LIBRARY: join(repoRoot, "package.json"), PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  if (!result.stdout.trim() || result.stdout.includes("This is an empty migration")) {
    console.log("schema.prisma has no changes since the last migration; nothing written");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = join(repoRoot, "prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), result.stdout);
    copyFileSync(current, snapshot);
    console.log(`wrote ${dir}/migration.sql and moved the snapshot forward`);
  }
} finally {
  if (database.embedded?.startedHere) await stopEmbeddedPostgres(boxedHome());
}
