// Queries whose cost follows the data rather than the page (a substring search, a count) run with
// a statement timeout, and say so when they hit it instead of holding a connection for minutes.
import "server-only";
import type pg from "pg";
import { inTransaction } from "@/lib/db/in-transaction";

/** A statement cancelled by statement_timeout (SQLSTATE 57014, query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "57014";
}

/** inTransaction, with every statement of the transaction stopped after `timeoutMs`. */
export function inTransactionWithin<T>(timeoutMs: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(async (client) => {
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(timeoutMs))}`);
    return fn(client);
  });
}
