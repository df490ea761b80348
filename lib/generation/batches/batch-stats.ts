// The kind-specific tallies a batch keeps beside its counters (generation_batches.stats): errors
// by kind with the latest message, latencies and throughput checkpoints for the live page, label
// agreement, new-problem outcomes and judge answers. Pure: the worker merges a flush's delta into
// the stored value under the batch row's lock, so concurrent workers never lose an increment.

export interface ErrorTally {
  count: number;
  message: string;
  at: string;
}

export interface BatchStats {
  /** Every failed attempt, retried or not, by error kind. */
  errors?: Record<string, ErrorTally>;
  /** Requests that failed for good, by error kind. */
  failedFinal?: Record<string, number>;
  /** Replies cut by max_tokens (finish_reason "length"). */
  truncated?: number;
  /** Solutions without a usable \boxed{} answer. */
  noAnswer?: number;
  /** Label batches: problems labelled, those with no votes at all, and the agreement histogram (10 buckets of 10%). */
  labels?: { labelled: number; noVotes: number; agreementSum: number; histogram: number[] };
  /** Problem batches: new problems stored, dropped as duplicates, and rejected replies by reason. */
  problems?: { created: number; duplicate: number; rejected: Record<string, number> };
  /** Judge batches: parsed answers. */
  judge?: { true: number; false: number; failed: number };
  /** Why a worker paused the batch by itself (e.g. the endpoint's key variable is missing). */
  pausedReason?: string;
  /** Requests set to cancelled by a cancel. */
  cancelled?: number;
  /** The latest request latencies in ms (newest last), for p50/p95. */
  latencies?: number[];
  /** [epoch ms, doneCount] checkpoints, at most one a second, for the recent rate. */
  recent?: [number, number][];
}

export const LATENCY_WINDOW = 200;
export const RECENT_CHECKPOINTS = 60;

export type StatsDelta = Omit<BatchStats, "recent">;

function addCounts(a: Record<string, number> = {}, b: Record<string, number> = {}): Record<string, number> {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = (out[key] ?? 0) + value;
  return out;
}

export function mergeStats(current: BatchStats, delta: StatsDelta, checkpoint?: { at: number; done: number }): BatchStats {
  const next: BatchStats = { ...current };
  if (delta.errors) {
    const errors = { ...(current.errors ?? {}) };
    for (const [kind, tally] of Object.entries(delta.errors)) {
      const before = errors[kind];
      errors[kind] = { count: (before?.count ?? 0) + tally.count, message: tally.message, at: tally.at };
    }
    next.errors = errors;
  }
  if (delta.failedFinal) next.failedFinal = addCounts(current.failedFinal, delta.failedFinal);
  if (delta.truncated) next.truncated = (current.truncated ?? 0) + delta.truncated;
  if (delta.noAnswer) next.noAnswer = (current.noAnswer ?? 0) + delta.noAnswer;
  if (delta.cancelled) next.cancelled = (current.cancelled ?? 0) + delta.cancelled;
  if (delta.labels) {
    const before = current.labels ?? { labelled: 0, noVotes: 0, agreementSum: 0, histogram: Array(10).fill(0) };
    next.labels = {
      labelled: before.labelled + delta.labels.labelled,
      noVotes: before.noVotes + delta.labels.noVotes,
      agreementSum: before.agreementSum + delta.labels.agreementSum,
      histogram: before.histogram.map((v, i) => v + (delta.labels?.histogram[i] ?? 0)),
    };
  }
  if (delta.problems) {
    const before = current.problems ?? { created: 0, duplicate: 0, rejected: {} };
    next.problems = {
      created: before.created + delta.problems.created,
      duplicate: before.duplicate + delta.problems.duplicate,
      rejected: addCounts(before.rejected, delta.problems.rejected),
    };
  }
  if (delta.judge) {
    const before = current.judge ?? { true: 0, false: 0, failed: 0 };
    next.judge = { true: before.true + delta.judge.true, false: before.false + delta.judge.false, failed: before.failed + delta.judge.failed };
  }
  if (delta.latencies?.length) next.latencies = [...(current.latencies ?? []), ...delta.latencies].slice(-LATENCY_WINDOW);
  if (checkpoint) {
    const recent = [...(current.recent ?? [])];
    const last = recent[recent.length - 1];
    if (last && checkpoint.at - last[0] < 1000) recent[recent.length - 1] = [last[0], checkpoint.done];
    else recent.push([checkpoint.at, checkpoint.done]);
    next.recent = recent.slice(-RECENT_CHECKPOINTS);
  }
  return next;
}

/** Items per second over the checkpoints of the last `windowMs` (0 when idle). */
export function recentRate(recent: [number, number][] | undefined, now: number, windowMs = 30_000): number {
  if (!recent?.length) return 0;
  const last = recent[recent.length - 1] as [number, number];
  // A batch that stopped landing results has no current rate.
  if (now - last[0] > 10_000) return 0;
  const inWindow = recent.filter(([at]) => now - at <= windowMs);
  const first = inWindow[0] ?? last;
  const seconds = (last[0] - first[0]) / 1000;
  if (seconds <= 0) return 0;
  return (last[1] - first[1]) / seconds;
}

export function agreementBucket(agreement: number): number {
  return Math.min(9, Math.max(0, Math.floor(agreement * 10)));
}
