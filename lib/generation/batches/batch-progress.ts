// What the batch page polls and `boxed batch status` prints. Reads only maintained counters, the
// stats JSON and bounded queries (claimed rows: a few rounds of the endpoint's concurrency), so a
// poll costs the same for a batch of 100 requests or 10 million.
import { leaseHolderPrefix } from "@/lib/generation/worker/endpoint-slots";
import { pool } from "@/lib/db/pool";
import { percentile } from "@/lib/generation/batches/percentile";
import { type BatchStats, recentRate } from "@/lib/generation/batches/batch-stats";
import { failureReason } from "@/lib/generation/batches/final-state";
import { BATCH_SAMPLING_COLUMNS, type BatchSamplingRow, samplingFromRow } from "@/lib/generation/batches/batch-sampling-row";
import type { BatchKindName, BatchSampling } from "@/lib/generation/batches/batch-launch-input";

export interface BatchProgress extends BatchSampling {
  id: number;
  name: string;
  kind: BatchKindName;
  state: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  setName: string;
  targetSetName: string | null;
  setId: number;
  /** The set new problems went into (problems batches), when it still exists under that name. */
  targetSetId: number | null;
  endpointName: string | null;
  model: string;
  template: { id: number; name: string; version: number } | null;
  requestCount: number;
  problemCount: number;
  doneCount: number;
  failedCount: number;
  /**
   * Requests claimed by workers and not yet stored: waiting in a runner's local queue, being
   * sent, or answered and waiting for the next flush. Workers claim about two rounds ahead, so
   * this can be several times the endpoint's limit.
   */
  inFlight: number;
  /** Requests open at the endpoint right now (as of the runners' last lease renewal, about 1 s). */
  atEndpoint: number;
  /** The endpoint's concurrency limit, shared by every batch on it; null without an endpoint. */
  endpointLimit: number | null;
  cancelled: number;
  pending: number;
  correctCount: number;
  promptTokens: number;
  completionTokens: number;
  /** Results stored per second, over the last 30 s. */
  ratePerSecond: number;
  etaSeconds: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Solutions: correct / stored; labels: share of solutions agreeing with the majority. */
  accuracy: number | null;
  /** Label batches: mean agreement and its histogram (10% buckets). */
  agreement: { labelled: number; mean: number | null; histogram: number[]; noVotes: number } | null;
  errors: { kind: string; count: number; failedForGood: number; message: string; at: string }[];
  truncated: number;
  noAnswer: number;
  problems: BatchStats["problems"] | null;
  judge: BatchStats["judge"] | null;
  pausedReason: string | null;
  /** Why a failed batch failed (every request failed; the error that failed most of them). */
  failureReason: string | null;
}

interface Row extends BatchSamplingRow {
  id: number;
  name: string;
  kind: BatchProgress["kind"];
  state: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  set_name: string;
  endpoint_name: string | null;
  model: string;
  template_id: number | null;
  template_name: string | null;
  template_version: number | null;
  request_count: number;
  problem_count: number;
  done_count: number;
  failed_count: number;
  correct_count: number;
  prompt_tokens: string;
  completion_tokens: string;
  stats: BatchStats;
  selection: { targetSetName?: string };
  in_flight: number;
  set_id: number;
  target_set_id: number | null;
  at_endpoint: number;
  endpoint_limit: number | null;
}

export async function getBatchProgress(id: number): Promise<BatchProgress | null> {
  const { rows } = await pool().query<Row>(
    `SELECT b.id, b.name, b.kind::text, b.state::text, b.created_at, b.started_at, b.finished_at, s.name AS set_name, e.name AS endpoint_name, b.model,
            t.id AS template_id, t.name AS template_name, t.version AS template_version, ${BATCH_SAMPLING_COLUMNS},
            b.request_count, b.problem_count, b.done_count, b.failed_count, b.correct_count, b.prompt_tokens, b.completion_tokens, b.stats, b.selection,
            (SELECT count(*)::int FROM batch_requests r WHERE r.batch_id = b.id AND r.state = 'in_flight') AS in_flight,
            (SELECT coalesce(sum(l.in_use), 0)::int FROM endpoint_leases l
              WHERE l.endpoint_id = b.endpoint_id AND l.lease_until > now() AND starts_with(l.holder, $2)) AS at_endpoint,
            e.max_concurrency AS endpoint_limit, s.id AS set_id,
            (SELECT ts.id FROM problem_sets ts WHERE ts.name = b.selection->>'targetSetName') AS target_set_id
     FROM generation_batches b JOIN problem_sets s ON s.id = b.set_id
     LEFT JOIN model_endpoints e ON e.id = b.endpoint_id LEFT JOIN prompt_templates t ON t.id = b.template_id
     WHERE b.id = $1`,
    [id, leaseHolderPrefix(id)],
  );
  const b = rows[0];
  if (!b) return null;
  const stats = b.stats ?? {};
  const cancelled = stats.cancelled ?? 0;
  const pending = Math.max(0, b.request_count - b.done_count - b.failed_count - b.in_flight - cancelled);
  const active = b.state === "running" || b.state === "queued";
  const rate = active ? recentRate(stats.recent, Date.now()) : 0;
  const latencies = [...(stats.latencies ?? [])].sort((x, y) => x - y);
  const remaining = pending + b.in_flight;
  const labels = stats.labels;
  const solutionKind = b.kind === "solutions" || b.kind === "label";
  const labelledSamples = labels ? labels.labelled * b.samples_per_problem : 0;
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    state: b.state,
    createdAt: b.created_at.toISOString(),
    startedAt: b.started_at?.toISOString() ?? null,
    finishedAt: b.finished_at?.toISOString() ?? null,
    setName: b.set_name,
    targetSetName: b.selection?.targetSetName ?? null,
    setId: b.set_id,
    targetSetId: b.target_set_id,
    endpointName: b.endpoint_name,
    model: b.model,
    template: b.template_id === null ? null : { id: b.template_id, name: b.template_name as string, version: b.template_version as number },
    ...samplingFromRow(b),
    requestCount: b.request_count,
    problemCount: b.problem_count,
    doneCount: b.done_count,
    failedCount: b.failed_count,
    inFlight: b.in_flight,
    atEndpoint: b.at_endpoint,
    endpointLimit: b.endpoint_limit,
    cancelled,
    pending,
    correctCount: b.correct_count,
    promptTokens: Number(b.prompt_tokens),
    completionTokens: Number(b.completion_tokens),
    ratePerSecond: rate,
    etaSeconds: active && rate > 0 ? remaining / rate : null,
    latencyP50Ms: latencies.length ? percentile(latencies, 50) : null,
    latencyP95Ms: latencies.length ? percentile(latencies, 95) : null,
    accuracy: !solutionKind || b.done_count === 0 ? null : b.kind === "label" ? (labelledSamples > 0 ? b.correct_count / labelledSamples : null) : b.correct_count / b.done_count,
    agreement:
      b.kind === "label"
        ? { labelled: labels?.labelled ?? 0, mean: labels && labels.labelled > 0 ? labels.agreementSum / labels.labelled : null, histogram: labels?.histogram ?? Array(10).fill(0), noVotes: labels?.noVotes ?? 0 }
        : null,
    errors: Object.entries(stats.errors ?? {})
      .map(([kind, tally]) => ({ kind, count: tally.count, failedForGood: stats.failedFinal?.[kind] ?? 0, message: tally.message, at: tally.at }))
      .sort((x, y) => y.count - x.count),
    truncated: stats.truncated ?? 0,
    noAnswer: stats.noAnswer ?? 0,
    problems: stats.problems ?? null,
    judge: stats.judge ?? null,
    pausedReason: stats.pausedReason ?? null,
    failureReason: b.state === "failed" ? failureReason(stats, b.failed_count) : null,
  };
}
