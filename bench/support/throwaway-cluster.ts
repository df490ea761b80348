// Every benchmark runs on its own embedded PostgreSQL in a temporary directory, so figures never
// depend on (or disturb) a user's database. This starts one and gives back how to stop it: close
// this process's pools, stop the server, remove the directory (unless asked to keep it).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

export interface ThrowawayCluster {
  home: string;
  cluster: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  stop(options?: { keep?: boolean }): Promise<void>;
}

/** `ephemeral`: fsync off, for benchmarks that measure queries, not durability. */
export async function startThrowawayCluster(name: string, options: { ephemeral?: boolean } = {}): Promise<ThrowawayCluster> {
  const home = mkdtempSync(join(tmpdir(), `boxed-bench-${name}-`));
  // The server may run as the postgres user (when we are root): it must reach the directory.
  chmodSync(home, 0o755);
  const cluster = await startEmbeddedPostgres({ home, ...(options.ephemeral ? { ephemeral: true } : {}) });
  return {
    home,
    cluster,
    async stop({ keep = false } = {}) {
      await disconnectPrisma();
      await closePool();
      await stopEmbeddedPostgres(home);
      if (!keep) rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Creates the database `bench` on the cluster with every migration applied; returns its URL. */
export async function createBenchDatabase({ cluster }: ThrowawayCluster): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = cluster.url("bench");
  await migrateDatabase(url);
  return url;
}
