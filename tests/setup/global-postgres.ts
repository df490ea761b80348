// Integration tests run against a real PostgreSQL: one embedded cluster per test run, in a
// temporary directory, with a migrated template database that each test file clones (CREATE
// DATABASE ... TEMPLATE is a file copy: milliseconds, and files cannot see each other's rows).
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";

export const TEMPLATE_DATABASE = "boxed_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgHome: string;
  }
}

// A test run killed with SIGKILL cannot run its teardown; the next run stops what it left.
async function removeAbandonedClusters() {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith("boxed-test-pg-")) continue;
    const home = join(tmpdir(), entry);
    const ownerFile = join(home, "owner.pid");
    // Another run may be creating its cluster right now: a directory without an owner yet is
    // only abandoned once it is old.
    if (!existsSync(ownerFile) && Date.now() - statSync(home).mtimeMs < 10 * 60_000) continue;
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, "utf8")) : 0;
    if (owner && isAlive(owner)) continue;
    await stopEmbeddedPostgres(home).catch(() => {});
    rmSync(home, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject) {
  await removeAbandonedClusters();
  const home = mkdtempSync(join(tmpdir(), "boxed-test-pg-"));
  chmodSync(home, 0o755);
  writeFileSync(join(home, "owner.pid"), String(process.pid));
  const cluster = await startEmbeddedPostgres({ home, ephemeral: true });
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrateDatabase(cluster.url(TEMPLATE_DATABASE));
  project.provide("pgAdminUrl", cluster.url("postgres"));
  project.provide("pgTemplate", TEMPLATE_DATABASE);
  project.provide("pgHome", home);
  return async () => {
    await stopEmbeddedPostgres(home);
    rmSync(home, { recursive: true, force: true });
  };
}
