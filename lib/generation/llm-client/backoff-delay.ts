// How long to wait before retry number `attempt` (0 = the first retry). Full jitter (a uniform
// draw up to the exponential cap) keeps hundreds of concurrent requests from retrying in step.
// A server's Retry-After wins over the cap: it is a floor, plus a little jitter so the callers it
// throttled together do not all return in the same millisecond.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  /** From classifyLlmError; when set, the delay is at least this. */
  retryAfterMs?: number;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 500, maxMs = 30_000, retryAfterMs, random = Math.random } = options;
  if (retryAfterMs !== undefined) return retryAfterMs + random() * Math.min(baseMs, maxMs);
  const cap = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return random() * cap;
}
