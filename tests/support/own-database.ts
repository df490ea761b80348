// A test file's own embedded PostgreSQL cluster, for tests that stop or restart the database under a
// running worker (the shared test cluster cannot be stopped under other files). start() creates and
// migrates the `boxed` database and points DATABASE_URL at it; stop() removes the cluster and points
// DATABASE_URL back at the shared one.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { stopProducer } from "@/lib/jobs/boss";

/** Closes this process's database clients (pg-boss producer, Prisma, pool), e.g. before the server stops. */
export async function releaseDatabaseClients(): Promise<void> {
  await stopProducer().catch(() => {});
  await disconnectPrisma();
  await closePool();
}

export function ownDatabase(prefix: string) {
  const home = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(home, 0o755);
  const sharedUrl = process.env.DATABASE_URL;
  return {
    home,
    async start(): Promise<void> {
      const cluster = await startEmbeddedPostgres({ home, ephemeral: true });
      const admin = new pg.Client({ connectionString: cluster.url("postgres") });
      await admin.connect();
      await admin.query("CREATE DATABASE boxed");
      await admin.end();
      await migrateDatabase(cluster.url("boxed"));
      await releaseDatabaseClients();
      process.env.DATABASE_URL = cluster.url("boxed");
    },
    async stop(): Promise<void> {
      await releaseDatabaseClients();
      await stopEmbeddedPostgres(home).catch(() => {});
      rmSync(home, { recursive: true, force: true });
      process.env.DATABASE_URL = sharedUrl;
    },
  };
}
