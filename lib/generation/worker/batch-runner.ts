// Runs one batch in this process until it has nothing left to do, is paused or cancelled, or its
// slice of time is over. One loop, no per-request database round trip:
//   claim (SKIP LOCKED, with a lease) → queue → send within the endpoint slots this runner holds
//   (and the shared requests-per-minute bucket) → grade → buffer → flush (one transaction per
//   ~50 results or 200 ms).
// A heartbeat renews the leases of everything held (queued, in flight, awaiting the flush),
// re-reads the batch state (pause/cancel take effect within a beat) and renews the slot lease.
// Database errors that a restart causes are waited out; results stay buffered until stored.
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import { finalStateSql } from "@/lib/generation/batches/final-state";
import { backoffDelay } from "@/lib/generation/llm-client/backoff-delay";
import { classifyLlmError } from "@/lib/generation/llm-client/classify-llm-error";
import type { GenerateRequest } from "@/lib/generation/llm-client/create-llm-client";
import { batchKind } from "@/lib/generation/batch-kinds/registry";
import { createRequestBuilder } from "@/lib/generation/worker/build-request";
import { type ClaimedRequest, claimRequests, findOpenWork, releaseClaims, renewLeases, sweepCancelled } from "@/lib/generation/worker/claim-requests";
import { isTransientDbError, withDbRetry } from "@/lib/generation/worker/db-retry";
import { leaseHolderName, leaseSlots, releaseSlots, takeRequestTokens } from "@/lib/generation/worker/endpoint-slots";
import { gradeSolution, VerdictCache } from "@/lib/generation/worker/grade-solution";
import { type BatchContext, BatchNotRunnableError, loadBatchContext } from "@/lib/generation/worker/load-batch-context";
import type { ResultItem } from "@/lib/generation/worker/result-item";
import { type RunnerOptions, runnerOptionsFromEnv } from "@/lib/generation/worker/runner-options";
import { isEmptyDelta, storeBatchStats } from "@/lib/generation/worker/store-batch-stats";
import { writeResults } from "@/lib/generation/worker/write-results";
import { mergeStats, type StatsDelta } from "@/lib/generation/batches/batch-stats";

const ACTIVE = new Set(["queued", "running"]);
const MAX_FLUSH_ITEMS = 500;
const MAX_BUFFERED = 5000;

export interface RunOutcome {
  reason: "completed" | "inactive" | "slice-over" | "not-runnable" | "stopped";
  state: string;
  landed: number;
  failed: number;
  message?: string;
}

export class BatchRunner {
  // Names the batch, so its page can sum what its runners have open at the endpoint.
  readonly holder: string;
  private readonly options: RunnerOptions;
  private ctx!: BatchContext;
  private build!: (request: ClaimedRequest) => GenerateRequest;
  private queue: ClaimedRequest[] = [];
  private running = new Map<number, ClaimedRequest>();
  private buffer: ResultItem[] = [];
  private bufferSince = 0;
  private flushing: ResultItem[] = [];
  private flushPromise: Promise<void> | null = null;
  private flushRetryAt = 0;
  private claimPromise: Promise<void> | null = null;
  private claimRetryAt = 0;
  private lastClaimEmpty = false;
  private slots = 0;
  private slotsRenewedAt = 0;
  private rpm: number | null = null;
  private tokens = 0;
  private tokenPromise: Promise<void> | null = null;
  private tokensReadyAt = 0;
  private batchState = "queued";
  private beating = false;
  private fatal: unknown = null;
  private stopRequested = false;
  private wakeUp: (() => void) | null = null;
  private landed = 0;
  private failed = 0;
  private lastDbComplaint = 0;
  private statsDelta: StatsDelta = {};
  private statsPromise: Promise<void> | null = null;
  private statsStoredAt = 0;
  private readonly verdicts = new VerdictCache();

  constructor(
    readonly batchId: number,
    options: Partial<RunnerOptions> = {},
    private readonly log: (line: string) => void = () => {},
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.options = { ...runnerOptionsFromEnv(env), ...options };
    this.holder = leaseHolderName(batchId);
  }

  /** Graceful stop: no more claims; requests in flight finish and are stored. */
  stop(): void {
    this.stopRequested = true;
    this.wake();
  }

  private wake(): void {
    const resolve = this.wakeUp;
    this.wakeUp = null;
    resolve?.();
  }

  private waitForWake(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private complainAboutDb(error: unknown): void {
    if (Date.now() - this.lastDbComplaint < 5000) return;
    this.lastDbComplaint = Date.now();
    this.log(`[batch ${this.batchId}] database unavailable, waiting: ${error instanceof Error ? error.message : error}`);
  }

  private outcome(reason: RunOutcome["reason"], message?: string): RunOutcome {
    return { reason, state: this.batchState, landed: this.landed, failed: this.failed, ...(message ? { message } : {}) };
  }

  async run(): Promise<RunOutcome> {
    try {
      this.ctx = await withDbRetry(() => loadBatchContext(this.batchId, this.env), { onRetry: (e) => this.complainAboutDb(e) });
    } catch (error) {
      if (error instanceof BatchNotRunnableError) return this.outcome("not-runnable", error.message);
      if (error instanceof UserFacingError) {
        // e.g. the endpoint's key variable is missing here: pause with the reason, a person fixes it and resumes.
        await pool().query(
          `UPDATE generation_batches SET state = 'paused', stats = stats || jsonb_build_object('pausedReason', $2::text) WHERE id = $1 AND state IN ('queued', 'running')`,
          [this.batchId, error.oneLine()],
        );
        this.log(`[batch ${this.batchId}] paused: ${error.oneLine()}`);
        return this.outcome("not-runnable", error.oneLine());
      }
      throw error;
    }
    this.batchState = this.ctx.state;
    if (!ACTIVE.has(this.ctx.state)) return this.outcome("inactive");
    await withDbRetry(() =>
      pool().query(`UPDATE generation_batches SET state = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND state = 'queued'`, [this.batchId]),
    );
    this.batchState = "running";
    this.build = createRequestBuilder(this.ctx);
    const deadline = Date.now() + this.options.sliceMs;
    const beatMs = Math.max(50, Math.min(1000, Math.floor(this.options.leaseMs / 3)));
    const heartbeat = setInterval(() => void this.heartbeat(), beatMs);
    this.log(`[batch ${this.batchId}] running (${this.ctx.kind}, ${this.ctx.requestCount} requests, runner ${this.holder})`);
    try {
      await this.heartbeat();
      for (;;) {
        if (this.fatal) throw this.fatal;
        const sliceOver = this.stopRequested || Date.now() >= deadline;
        const active = ACTIVE.has(this.batchState);
        if ((!active || sliceOver) && this.queue.length > 0) {
          const unsent = this.queue.splice(0);
          await withDbRetry(() => releaseClaims(unsent.map((r) => r.id)), { onRetry: (e) => this.complainAboutDb(e) });
        }
        this.pump();
        this.maybeFlush();
        this.maybeStoreStats();
        if (active && !sliceOver) this.maybeClaim();
        const idle = this.queue.length === 0 && this.running.size === 0 && this.buffer.length === 0 && !this.flushPromise && !this.claimPromise;
        if (idle) {
          // Failed is finished too: every request settled, none succeeded (see final-state.ts).
          if (!active) return this.outcome(this.batchState === "completed" || this.batchState === "failed" ? "completed" : "inactive");
          if (sliceOver) return this.outcome(this.stopRequested ? "stopped" : "slice-over");
          if (this.lastClaimEmpty) {
            const done = await this.checkFinished();
            if (done) return this.outcome("completed");
          }
        }
        await this.waitForWake(idle ? 250 : 100);
      }
    } finally {
      clearInterval(heartbeat);
      await this.drainForExit();
      // A heartbeat already under way would write the lease again after we release it.
      while (this.beating) await new Promise((resolveWait) => setTimeout(resolveWait, 20));
      await releaseSlots(this.ctx.endpoint.id, this.holder).catch(() => {});
      this.log(`[batch ${this.batchId}] runner stops: ${this.landed} stored, ${this.failed} failed for good, batch ${this.batchState}`);
    }
  }

  /** Nothing claimable now: take over expired claims, else see whether anything is left at all. */
  private async checkFinished(): Promise<boolean> {
    try {
      const expired = await claimRequests(this.batchId, Math.max(1, this.slots), this.options.leaseMs, "expired");
      if (expired.length) {
        this.queue.push(...expired);
        this.lastClaimEmpty = false;
        return false;
      }
      const open = await findOpenWork(this.batchId);
      if (open.open) {
        // Others hold claims, or retries wait for their backoff: look again shortly.
        this.lastClaimEmpty = false;
        this.claimRetryAt = Date.now() + Math.min(1000, Math.max(50, open.nextReadyInMs ?? 1000));
        return false;
      }
      const { rows } = await pool().query<{ state: string }>(
        `UPDATE generation_batches SET state = CASE WHEN state IN ('queued', 'running') THEN ${finalStateSql("done_count", "failed_count")} ELSE state END,
           finished_at = CASE WHEN state IN ('queued', 'running') THEN coalesce(finished_at, now()) ELSE finished_at END
         WHERE id = $1 RETURNING state::text`,
        [this.batchId],
      );
      this.batchState = rows[0]?.state ?? this.batchState;
      return true;
    } catch (error) {
      if (!isTransientDbError(error)) throw error;
      this.complainAboutDb(error);
      this.lastClaimEmpty = false;
      this.claimRetryAt = Date.now() + 1000;
      return false;
    }
  }

  private heldIds(): number[] {
    return [...this.queue.map((r) => r.id), ...this.running.keys(), ...this.buffer.map((i) => i.request.id), ...this.flushing.map((i) => i.request.id)];
  }

  private async heartbeat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      const { rows } = await pool().query<{ state: string }>(`SELECT state::text FROM generation_batches WHERE id = $1`, [this.batchId]);
      this.batchState = rows[0]?.state ?? "cancelled";
      await renewLeases(this.heldIds(), this.options.leaseMs);
      const hasWork = this.queue.length > 0 || !this.lastClaimEmpty;
      const want = ACTIVE.has(this.batchState) && hasWork ? this.options.maxConcurrency : this.running.size;
      const grant = await leaseSlots(this.ctx.endpoint.id, this.holder, want, this.options.leaseMs, this.running.size);
      this.slots = grant.slots;
      this.rpm = grant.requestsPerMinute;
      this.slotsRenewedAt = Date.now();
    } catch (error) {
      if (isTransientDbError(error)) this.complainAboutDb(error);
      else this.fatal = error;
    } finally {
      // Unable to renew for most of a lease: others may take our slots, so stop sending.
      if (Date.now() - this.slotsRenewedAt > this.options.leaseMs * 0.8) this.slots = 0;
      this.beating = false;
      this.wake();
    }
  }

  private maybeClaim(): void {
    if (this.claimPromise || Date.now() < this.claimRetryAt || this.buffer.length > MAX_BUFFERED) return;
    // Keep about two slot-sets of claims waiting, topped up in large claims once it drops below
    // one and a half: a claim is one round trip, and the queue must outlast it at full speed.
    const target = this.slots * 2;
    if (this.slots === 0 || (this.queue.length > 0 && this.queue.length >= this.slots * 1.5)) return;
    const room = target - this.queue.length;
    if (room <= 0) return;
    this.claimPromise = this.pumpCall(
      claimRequests(this.batchId, room, this.options.leaseMs),
      (claimed) => {
        this.queue.push(...claimed);
        this.lastClaimEmpty = claimed.length === 0;
        if (claimed.length === 0) this.claimRetryAt = Date.now() + 200;
      },
      (at) => {
        this.claimRetryAt = at;
      },
      () => {
        this.claimPromise = null;
      },
    );
  }

  private pump(): void {
    while (this.running.size < this.slots && this.queue.length > 0 && this.buffer.length < MAX_BUFFERED) {
      if (this.rpm) {
        if (this.tokens <= 0) {
          this.fetchTokens();
          return;
        }
        this.tokens--;
      }
      this.execute(this.queue.shift() as ClaimedRequest);
    }
  }

  private fetchTokens(): void {
    if (this.tokenPromise || Date.now() < this.tokensReadyAt) return;
    // A slot-set's worth at a time: one bucket transaction per many requests, not per request.
    const want = Math.max(1, Math.min(this.queue.length, this.slots));
    this.tokenPromise = this.pumpCall(
      takeRequestTokens(this.ctx.endpoint.id, want),
      ({ granted, waitMs }) => {
        this.tokens += granted;
        if (granted === 0) {
          this.tokensReadyAt = Date.now() + waitMs;
          setTimeout(() => this.wake(), waitMs).unref();
        }
      },
      (at) => {
        this.tokensReadyAt = at;
      },
      () => {
        this.tokenPromise = null;
      },
    );
  }

  /**
   * A database call the pump waits on (a claim, a token grant): a lasting error stops the batch, a
   * passing one (the database restarting) is complained about and retried after a second; either
   * way the call is settled (`settled`) and the pump runs again.
   */
  private pumpCall<T>(call: Promise<T>, onResult: (result: T) => void, retryAt: (at: number) => void, settled: () => void): Promise<void> {
    return call
      .then(onResult)
      .catch((error: unknown) => {
        if (!isTransientDbError(error)) this.fatal = error;
        else this.complainAboutDb(error);
        retryAt(Date.now() + 1000);
      })
      .finally(() => {
        settled();
        this.wake();
      });
  }

  private execute(request: ClaimedRequest): void {
    this.running.set(request.id, request);
    const started = performance.now();
    const grading = batchKind(this.ctx.kind).grading;
    let sent: Promise<ResultItem>;
    try {
      const params = this.build(request);
      sent = this.ctx.client.generate(params).then((reply): ResultItem => {
        let grade: ReturnType<typeof gradeSolution> | undefined;
        if (grading) {
          try {
            grade = gradeSolution(reply.text, grading === "gold" ? request.goldAnswer : null, reply.finishReason, this.verdicts);
          } catch (error) {
            grade = { extractedAnswer: null, answerKey: null, verdict: "undecided", verdictRule: "grader-error", verdictReason: String(error).slice(0, 300), boxedCount: 0, charLength: reply.text.length };
          }
        }
        return {
          type: "success",
          request,
          text: reply.text,
          finishReason: reply.finishReason,
          promptTokens: reply.promptTokens,
          completionTokens: reply.completionTokens,
          latencyMs: reply.latencyMs,
          ...(grade ? { grade } : {}),
        };
      });
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent
      .catch((error: unknown): ResultItem => {
        const classified = error instanceof Error && error.name === "PromptRenderError" ? { kind: "bad-request" as const, retryable: false, message: error.message } : classifyLlmError(error);
        const final = !classified.retryable || request.attempts >= this.options.maxAttempts;
        const retryInMs = final
          ? 0
          : backoffDelay(request.attempts - 1, { baseMs: this.options.backoffBaseMs, maxMs: this.options.backoffMaxMs, ...(classified.retryAfterMs !== undefined ? { retryAfterMs: classified.retryAfterMs } : {}) });
        return { type: "failure", request, error: classified, final, retryInMs, at: new Date().toISOString() };
      })
      .then((item) => {
        if (item.type === "success" && !(item.latencyMs > 0)) item.latencyMs = performance.now() - started;
        this.running.delete(request.id);
        if (this.buffer.length === 0) this.bufferSince = Date.now();
        this.buffer.push(item);
        this.wake();
      });
  }

  private maybeFlush(): void {
    if (this.flushPromise || this.buffer.length === 0 || Date.now() < this.flushRetryAt) return;
    const quiet = this.running.size === 0 && this.queue.length === 0;
    if (this.buffer.length < this.options.flushSize && Date.now() - this.bufferSince < this.options.flushMs && !quiet) {
      setTimeout(() => this.wake(), Math.max(1, this.options.flushMs - (Date.now() - this.bufferSince))).unref();
      return;
    }
    const items = this.buffer.splice(0, MAX_FLUSH_ITEMS);
    this.bufferSince = Date.now();
    this.flushing = items;
    this.flushPromise = writeResults(this.ctx, items)
      .then((outcome) => {
        this.landed += outcome.landed;
        this.failed += outcome.failed;
        this.batchState = outcome.state;
        this.statsDelta = mergeStats(this.statsDelta, outcome.stats);
        this.maybeStoreStats();
      })
      .catch((error: unknown) => {
        this.buffer.unshift(...items);
        if (!isTransientDbError(error)) this.fatal = error;
        else {
          this.complainAboutDb(error);
          this.flushRetryAt = Date.now() + 500;
        }
      })
      .finally(() => {
        this.flushing = [];
        this.flushPromise = null;
        this.wake();
      });
  }

  /** Display tallies go to the batch row at most once a second (or when forced, at the end). */
  private maybeStoreStats(force = false): Promise<void> | null {
    if (this.statsPromise || isEmptyDelta(this.statsDelta)) return this.statsPromise;
    if (!force && Date.now() - this.statsStoredAt < 1000) {
      setTimeout(() => this.wake(), 1000).unref();
      return null;
    }
    const delta = this.statsDelta;
    this.statsDelta = {};
    this.statsStoredAt = Date.now();
    this.statsPromise = storeBatchStats(this.batchId, delta)
      .catch((error: unknown) => {
        // Kept for the next try; a tally lost to a crash is display-only (the counters are exact).
        this.statsDelta = mergeStats(delta, this.statsDelta);
        if (isTransientDbError(error)) this.complainAboutDb(error);
        else this.fatal = error;
      })
      .finally(() => {
        this.statsPromise = null;
        this.wake();
      });
    return this.statsPromise;
  }

  /** On the way out: let in-flight requests land and store everything buffered. */
  private async drainForExit(): Promise<void> {
    const unsent = this.queue.splice(0);
    if (unsent.length) await releaseClaims(unsent.map((r) => r.id)).catch(() => {});
    const started = Date.now();
    while ((this.running.size > 0 || this.buffer.length > 0 || this.flushPromise) && !this.fatal && Date.now() - started < 10 * 60_000) {
      this.maybeFlush();
      await this.waitForWake(100);
    }
    if (this.batchState === "cancelled" && !this.fatal) {
      const swept = await withDbRetry(() => sweepCancelled(this.batchId), { onRetry: (e) => this.complainAboutDb(e) }).catch(() => 0);
      if (swept) this.statsDelta = mergeStats(this.statsDelta, { cancelled: swept });
    }
    while (!this.fatal && (this.statsPromise || !isEmptyDelta(this.statsDelta)) && Date.now() - started < 10 * 60_000) {
      await (this.maybeStoreStats(true) ?? this.waitForWake(500));
      if (!isEmptyDelta(this.statsDelta)) await this.waitForWake(500);
    }
  }
}
