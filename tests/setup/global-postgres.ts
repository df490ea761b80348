// Integration tests run against a real PostgreSQL: one embedded cluster per test run, in a
// temporary directory, with a migrated template database that each test file clones (CREATE
// DATABASE ... TEMPLATE is a file copy: milliseconds, and files cannot see each other's rows).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { removeAbandonedClusters } from "@/tests/support/remove-abandoned-clusters";
import { migrateDatabase } from "@/lib/db/migrate";

export const TEMPLATE_DATABASE = "boxed_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgHome: string;
  }
}

export default async function setup(project: TestProject) {
  await removeAbandonedClusters("boxed-test-pg-");
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
