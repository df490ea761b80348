// A plain node-postgres pool beside Prisma, for what Prisma cannot do well: COPY streams,
// SKIP LOCKED claims, keyset queries with dynamic filters, and bulk updates. Sized by
// BOXED_DB_POOL_SIZE like Prisma's pool (lib/db/README.md says which client to use when).
import "server-only";
import pg from "pg";
import { readSetting } from "@/lib/settings/read-settings";

const holder = globalThis as unknown as { boxedPool?: pg.Pool; boxedPoolUrl?: string };

export function pool(): pg.Pool {
  const url = readSetting("DATABASE_URL");
  if (!url) throw new Error("DATABASE_URL is not set: resolve the database before using the pool");
  if (!holder.boxedPool || holder.boxedPoolUrl !== url) {
    holder.boxedPool = new pg.Pool({ connectionString: url, max: readSetting("BOXED_DB_POOL_SIZE") });
    // An idle client dying with the server (e.g. a restart) must not crash the process.
    holder.boxedPool.on("error", () => {});
    holder.boxedPoolUrl = url;
  }
  return holder.boxedPool;
}

export async function closePool(): Promise<void> {
  await holder.boxedPool?.end();
  holder.boxedPool = undefined;
  holder.boxedPoolUrl = undefined;
}
