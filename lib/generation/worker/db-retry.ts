// Which database errors a worker waits out instead of failing on: the server restarting or
// unreachable, a dropped connection, and the deadlock/serialisation aborts PostgreSQL asks
// clients to retry. Anything else (a bug, a constraint we did not expect) is raised.
const TRANSIENT_CODES = new Set(["57P01", "57P02", "57P03", "53300", "40001", "40P01", "08000", "08001", "08003", "08004", "08006", "08007"]);
const TRANSIENT_NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN"]);

export function isTransientDbError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && (TRANSIENT_CODES.has(code) || TRANSIENT_NETWORK.has(code))) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (?:starting up|shutting down)|terminating connection|Cannot use a pool after calling end|not queryable/i.test(
    message,
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `fn` until it succeeds, waiting out transient database errors (up to `giveUpMs`). */
export async function withDbRetry<T>(fn: () => Promise<T>, options: { giveUpMs?: number; onRetry?: (error: unknown, attempt: number) => void } = {}): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransientDbError(error) || Date.now() - started > (options.giveUpMs ?? 10 * 60_000)) throw error;
      options.onRetry?.(error, attempt);
      await sleep(Math.min(5000, 200 * 2 ** Math.min(attempt, 5)));
    }
  }
}
