// Knobs of a batch runner. Defaults suit real endpoints; tests and operators override them with
// environment variables (so a spawned `boxed worker` can be tuned too).
export interface RunnerOptions {
  /** How long a claim (and a slot lease) lives without renewal; renewed every third of it. */
  leaseMs: number;
  /** Attempts per request (the first included) before it is failed for good. */
  maxAttempts: number;
  /** A runner hands its batch back to the queue after this long, so batches take turns. */
  sliceMs: number;
  /** At most this many requests in flight from this runner (the endpoint's limit also applies). */
  maxConcurrency: number;
  /** Flush after this many results, or this long after the first unflushed one. */
  flushSize: number;
  flushMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

const number = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
};

export function runnerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerOptions {
  return {
    leaseMs: number(env.BOXED_BATCH_LEASE_MS, 30_000),
    maxAttempts: number(env.BOXED_BATCH_MAX_ATTEMPTS, 8),
    sliceMs: number(env.BOXED_BATCH_SLICE_MS, 10 * 60_000),
    maxConcurrency: number(env.BOXED_WORKER_CONCURRENCY, 256),
    flushSize: number(env.BOXED_BATCH_FLUSH_SIZE, 50),
    flushMs: number(env.BOXED_BATCH_FLUSH_MS, 200),
    backoffBaseMs: number(env.BOXED_BATCH_BACKOFF_MS, 500),
    backoffMaxMs: number(env.BOXED_BATCH_BACKOFF_MAX_MS, 30_000),
  };
}
