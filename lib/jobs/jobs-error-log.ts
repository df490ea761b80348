// What a job process says when pg-boss reports an error. pg-boss polls every queue about once a
// second and reports each failed poll as an error event, often as a plain object (so a naive log
// line reads "[object Object]"): with the database down that was a dozen lines a second forever.
// Here an outage is one readable line when it starts, reminders at growing gaps (2 s, 4 s … 1 min)
// and one line when a probe finds the database back. Other errors are logged once per minute per
// distinct message, with a count of the repeats.
import pg from "pg";
import { isTransientDbError } from "@/lib/generation/worker/db-retry";

export function describeJobsError(error: unknown): string {
  if (error === null || error === undefined) return "unknown error";
  if (typeof error !== "object") return String(error);
  const e = error as { message?: unknown; code?: unknown; errors?: unknown };
  let message = typeof e.message === "string" ? e.message : "";
  // node's AggregateError (every address refused) carries an empty message and the reasons inside.
  if (!message && Array.isArray(e.errors) && e.errors.length) message = describeJobsError(e.errors[0]);
  if (!message && typeof e.code === "string") message = e.code;
  if (!message) {
    try {
      message = JSON.stringify(error);
    } catch {
      message = String(error);
    }
  }
  // pg-boss appends which of its pollers failed; the same failure on every queue is one failure.
  return message.replace(/\s*\(Queue: [^)]*\)\s*$/, "").trim() || "unknown error";
}

export interface JobsErrorLogOptions {
  log: (line: string) => void;
  /** Resolves when the database answers; without it an outage ends with the next quiet minute. */
  probe?: () => Promise<void>;
  now?: () => number;
}

interface Outage {
  since: number;
  failures: number;
  nextReminderAt: number;
  gapMs: number;
  lastError: string;
}

const FIRST_REMINDER_MS = 2000;
const MAX_REMINDER_MS = 60_000;
const REPEAT_WINDOW_MS = 60_000;

export class JobsErrorLog {
  private outage: Outage | null = null;
  private probing = false;
  private closed = false;
  private readonly seen = new Map<string, { firstAt: number; repeats: number }>();
  private readonly now: () => number;

  constructor(private readonly options: JobsErrorLogOptions) {
    this.now = options.now ?? Date.now;
  }

  get databaseDown(): boolean {
    return this.outage !== null;
  }

  report(error: unknown): void {
    const text = describeJobsError(error);
    const now = this.now();
    if (isTransientDbError(error) || isTransientDbError(new Error(text))) {
      this.reportOutage(text, now);
      return;
    }
    const seen = this.seen.get(text);
    if (seen && now - seen.firstAt < REPEAT_WINDOW_MS) {
      seen.repeats++;
      return;
    }
    const repeats = seen?.repeats ?? 0;
    this.seen.set(text, { firstAt: now, repeats: 0 });
    this.options.log(`[jobs] ${text}${repeats ? ` (and ${repeats} more times in the last minute)` : ""}`);
  }

  /** Stops the probe loop (the process is shutting down). */
  close(): void {
    this.closed = true;
  }

  private reportOutage(text: string, now: number) {
    if (this.outage && !this.options.probe && now - this.outage.since > MAX_REMINDER_MS && now - this.outage.nextReminderAt > MAX_REMINDER_MS) this.outage = null;
    if (!this.outage) {
      this.outage = { since: now, failures: 1, nextReminderAt: now + FIRST_REMINDER_MS, gapMs: FIRST_REMINDER_MS, lastError: text };
      this.options.log(`[jobs] database unavailable (${text}); jobs wait, reconnecting with backoff`);
      this.startProbe();
      return;
    }
    const outage = this.outage;
    outage.failures++;
    outage.lastError = text;
    if (now < outage.nextReminderAt) return;
    outage.gapMs = Math.min(MAX_REMINDER_MS, outage.gapMs * 2);
    outage.nextReminderAt = now + outage.gapMs;
    this.options.log(`[jobs] database still unavailable after ${Math.round((now - outage.since) / 1000)} s (${outage.failures} failed attempts; last: ${text}); next notice in ${Math.round(outage.gapMs / 1000)} s`);
  }

  private startProbe() {
    const probe = this.options.probe;
    if (!probe || this.probing) return;
    this.probing = true;
    void (async () => {
      let delay = 500;
      while (this.outage && !this.closed) {
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        if (this.closed) break;
        try {
          await probe();
          const since = this.outage?.since ?? this.now();
          this.outage = null;
          this.options.log(`[jobs] database reachable again after ${Math.round((this.now() - since) / 1000)} s; serving jobs`);
        } catch {
          delay = Math.min(5000, delay * 2);
        }
      }
      this.probing = false;
    })();
  }
}

/** A probe that opens a connection of its own and asks for nothing: is the server accepting? */
export function databaseProbe(databaseUrl: string): () => Promise<void> {
  return async () => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
    } finally {
      await client.end().catch(() => {});
    }
  };
}
