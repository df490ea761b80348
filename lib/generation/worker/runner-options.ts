// Knobs of a batch runner. Defaults suit real endpoints; tests and operators override them with
// environment variables (so a spawned `boxed worker` can be tuned too), checked and defaulted by
// lib/settings.
import { readSetting } from "@/lib/settings/read-settings";

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

export function runnerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RunnerOptions {
  return {
    leaseMs: readSetting("BOXED_BATCH_LEASE_MS", env),
    maxAttempts: readSetting("BOXED_BATCH_MAX_ATTEMPTS", env),
    sliceMs: readSetting("BOXED_BATCH_SLICE_MS", env),
    maxConcurrency: readSetting("BOXED_WORKER_CONCURRENCY", env),
    flushSize: readSetting("BOXED_BATCH_FLUSH_SIZE", env),
    flushMs: readSetting("BOXED_BATCH_FLUSH_MS", env),
    backoffBaseMs: readSetting("BOXED_BATCH_BACKOFF_MS", env),
    backoffMaxMs: readSetting("BOXED_BATCH_BACKOFF_MAX_MS", env),
  };
}
