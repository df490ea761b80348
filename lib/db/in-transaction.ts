// One transaction on a pooled connection of the raw pg pool: BEGIN, the callback, COMMIT, or
// ROLLBACK when the callback throws. This is the one way to open a pg transaction (lib/db/README.md);
// pass its client to recordAudit so the audit entry commits with the change. The connection gets
// an 'error' listener while it is checked out: PostgreSQL restarting sends every connection a
// FATAL message, and an 'error' event nobody listens to would crash the worker instead of failing
// this transaction (which the caller retries). A connection that failed is destroyed, not returned
// to the pool (it may be mid-COPY or cut off; a fresh one is cheap beside a wrong one).
import "server-only";
import type pg from "pg";
import { pool } from "@/lib/db/pool";

const ignore = () => {};

export async function inTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  client.on("error", ignore);
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    broken = true;
    await client.query("ROLLBACK").catch(ignore);
    throw error;
  } finally {
    client.off("error", ignore);
    client.release(broken);
  }
}
