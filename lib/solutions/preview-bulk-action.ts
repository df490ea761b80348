// The count a curator confirms before a bulk action runs: exact, over the rows that exist now
// (frozen by the highest sample id). This is the one place the browser counts without a bound,
// because it runs only on an explicit request and the number is what is being agreed to.
import { pool } from "@/lib/db/pool";
import { isStatementTimeout } from "@/lib/db/statement-timeout";
import { UserFacingError } from "@/lib/errors";
import { type BulkRequest, MAX_QUEUE_ADDITIONS } from "@/lib/solutions/bulk-action";
import { targetConditions } from "@/lib/solutions/bulk-target-sql";
import { SqlParams, whereClause } from "@/lib/solutions/solution-sql";

export interface BulkPreview {
  count: number;
  maxId: number;
}

const COUNT_TIMEOUT_MS = 60_000;

export async function previewBulkAction(request: BulkRequest): Promise<BulkPreview> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${COUNT_TIMEOUT_MS}`);
    const { rows: top } = await client.query<{ max: number | null }>("SELECT max(id) AS max FROM samples");
    const maxId = top[0]?.max ?? 0;
    const params = new SqlParams();
    const where = whereClause(targetConditions(request.target, maxId, params));
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM samples s ${where}`, params.values);
    await client.query("COMMIT");
    const count = Number(rows[0]?.n ?? 0);
    if (request.action === "add_to_queue" && count > MAX_QUEUE_ADDITIONS) {
      throw new UserFacingError(
        `${count.toLocaleString("en-US")} solutions match, more than a review queue takes (${MAX_QUEUE_ADDITIONS.toLocaleString("en-US")}).`,
        "narrow the filter, or build a stratified queue of a chosen size on the Review page",
      );
    }
    return { count, maxId };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (isStatementTimeout(error)) {
      throw new UserFacingError(`Counting the matching solutions took longer than ${COUNT_TIMEOUT_MS / 1000} s.`, "narrow the filter (a set, batch or verdict) and try again");
    }
    throw error;
  } finally {
    client.release();
  }
}
