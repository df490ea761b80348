"use client";
// The batch page's live part: polls the progress route every second while the batch is queued,
// running or paused (no reload; a paused batch still settles its in-flight requests and can be
// resumed from elsewhere), computes the current rate from successive counts, and offers the controls.
import { useCallback, useEffect, useRef, useState } from "react";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import type { BatchProgress } from "@/lib/generation/batches/batch-progress";
import { formatSeconds } from "@/lib/generation/batches/format-progress";
import { Button } from "@/components/ui/button";
import { StatCard } from "@/components/ui/stat-card";
import { controlBatchAction } from "../actions";
import { OfflinePanel } from "./offline-panel";

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const percent = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);
const LIVE = new Set(["queued", "running"]);
/** States whose counts can still change, so the page keeps polling. */
const POLLED = new Set(["queued", "running", "paused"]);
const AGREEMENT_BUCKETS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90];

const ERROR_COLUMNS: DataColumn[] = [{ header: "Kind" }, numberColumn("Failed attempts"), numberColumn("Failed for good"), { header: "Latest message" }];

export function LiveProgress({ initial, canControl }: { initial: BatchProgress; canControl: boolean }) {
  const [progress, setProgress] = useState(initial);
  const [rate, setRate] = useState(initial.ratePerSecond);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const last = useRef<{ at: number; settled: number } | null>(null);

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/batches/${initial.id}/progress`, { cache: "no-store" });
    if (!response.ok) return;
    const next = (await response.json()) as BatchProgress;
    const now = Date.now();
    const settled = next.doneCount + next.failedCount;
    if (last.current && now > last.current.at) {
      const instant = ((settled - last.current.settled) * 1000) / (now - last.current.at);
      setRate((previous) => (LIVE.has(next.state) ? (previous > 0 ? 0.7 * previous + 0.3 * instant : instant || next.ratePerSecond) : 0));
    }
    last.current = { at: now, settled };
    setProgress(next);
  }, [initial.id]);

  useEffect(() => {
    if (!POLLED.has(progress.state)) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [progress.state, refresh]);

  async function control(action: "pause" | "resume" | "cancel" | "retry-failed") {
    if (action === "cancel" && !window.confirm(`Cancel batch ${progress.id}? Pending requests will not be sent.`)) return;
    setBusy(true);
    const result = await controlBatchAction({ batchId: progress.id, control: action });
    setBusy(false);
    setMessage(result.ok ? result.data.message : result.error);
    await refresh();
  }

  const p = progress;
  const settled = p.doneCount + p.failedCount + p.cancelled;
  const fraction = p.requestCount > 0 ? settled / p.requestCount : 0;
  const eta = LIVE.has(p.state) && rate > 0 ? (p.pending + p.inFlight) / rate : null;
  return (
    <div className="space-y-6">
      <section aria-label="Progress" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between text-sm">
          <span>
            State: <strong data-testid="batch-state">{p.state}</strong>
            {p.pausedReason ? <span className="text-amber-700"> — {p.pausedReason}</span> : null}
            {p.failureReason ? (
              <span data-testid="batch-failure-reason" className="text-rose-700">
                {" "}
                — every request failed: {p.failureReason}
              </span>
            ) : null}
          </span>
          <span className="tabular-nums">
            {percent(fraction)} · {count(settled)} / {count(p.requestCount)} requests settled
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={`Batch ${p.id} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
          className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-emerald-600" style={{ width: `${p.requestCount ? (p.doneCount / p.requestCount) * 100 : 0}%` }} />
          <div className="h-full bg-red-500" style={{ width: `${p.requestCount ? (p.failedCount / p.requestCount) * 100 : 0}%` }} />
          <div className="h-full bg-slate-400" style={{ width: `${p.requestCount ? (p.cancelled / p.requestCount) * 100 : 0}%` }} />
        </div>
        {canControl && (
          <div className="flex flex-wrap gap-2 pt-1">
            {LIVE.has(p.state) && (
              <Button disabled={busy} onClick={() => control("pause")}>
                Pause
              </Button>
            )}
            {p.state === "paused" && (
              <Button disabled={busy} onClick={() => control("resume")}>
                Resume
              </Button>
            )}
            {(LIVE.has(p.state) || p.state === "paused") && (
              <Button disabled={busy} onClick={() => control("cancel")} variant="danger-outline">
                Cancel
              </Button>
            )}
            {p.failedCount > 0 && p.state !== "cancelled" && (
              <Button disabled={busy} onClick={() => control("retry-failed")}>
                Retry {count(p.failedCount)} failed
              </Button>
            )}
          </div>
        )}
        {message && (
          <p role="status" className="text-sm text-slate-700">
            {message}
          </p>
        )}
      </section>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard compact label="Done" value={count(p.doneCount)} hint={`of ${count(p.requestCount)}`} />
        <StatCard compact label="Failed" value={count(p.failedCount)} />
        <StatCard compact label="Pending" value={count(p.pending)} hint={p.cancelled ? `${count(p.cancelled)} cancelled` : undefined} />
        <StatCard
          compact
          label="At the endpoint"
          value={count(p.atEndpoint)}
          hint={`${p.endpointLimit === null ? "no endpoint" : `limit ${count(p.endpointLimit)}, shared by its batches`} · ${count(p.inFlight)} claimed by workers`}
        />
        <StatCard compact label="Rate" value={`${rate.toFixed(1)}/s`} hint={`ETA ${formatSeconds(eta)}`} />
        <StatCard compact label="Tokens in / out" value={`${count(p.promptTokens)} / ${count(p.completionTokens)}`} />
        <StatCard compact label="Latency p50 / p95" value={p.latencyP50Ms === null ? "–" : `${count(p.latencyP50Ms)} / ${count(p.latencyP95Ms ?? 0)} ms`} hint="latest 200 requests" />
        {p.kind === "solutions" && <StatCard compact label="Accuracy so far" value={percent(p.accuracy)} hint={`${count(p.correctCount)} correct · ${count(p.noAnswer)} without an answer`} />}
        {p.kind === "label" && (
          <StatCard compact label="Majority agreement" value={percent(p.agreement?.mean ?? null)} hint={`${count(p.agreement?.labelled ?? 0)} problems labelled · ${count(p.agreement?.noVotes ?? 0)} without votes`} />
        )}
        {p.kind === "problems" && (
          <StatCard
            compact
            label="New problems"
            value={count(p.problems?.created ?? 0)}
            hint={`${count(p.problems?.duplicate ?? 0)} duplicates · ${count(Object.values(p.problems?.rejected ?? {}).reduce((a, b) => a + b, 0))} rejected`}
          />
        )}
        {p.kind === "judge" && <StatCard compact label="Judge answers" value={`${count(p.judge?.true ?? 0)} True`} hint={`${count(p.judge?.false ?? 0)} False · ${count(p.judge?.failed ?? 0)} failed (to a person)`} />}
        {p.truncated > 0 && <StatCard compact label="Cut by max tokens" value={count(p.truncated)} />}
      </dl>

      {p.kind === "label" && p.agreement && p.agreement.labelled > 0 && (
        <section aria-labelledby="agreement-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="agreement-heading" className="text-sm font-semibold text-slate-700">
            Agreement of the majority answer (share of votes)
          </h2>
          <ol className="mt-2 flex h-24 items-end gap-1">
            {AGREEMENT_BUCKETS.map((from, i) => {
              const n = p.agreement?.histogram[i] ?? 0;
              const max = Math.max(1, ...(p.agreement?.histogram ?? [1]));
              return (
                <li key={from} className="flex flex-1 flex-col items-center" title={`${from}–${from + 10}%: ${n} problems`}>
                  <div className="w-full rounded-t bg-sky-600" style={{ height: `${(n / max) * 80}px` }} />
                  <span className="text-[10px] text-slate-500">{from}%</span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <section aria-labelledby="errors-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="errors-heading" className="text-sm font-semibold text-slate-700">
          Errors by kind
        </h2>
        {p.errors.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No failed attempts.</p>
        ) : (
          <DataTable label="Request errors" variant="plain" columns={ERROR_COLUMNS} className="mt-2">
            {p.errors.map((e) => (
              <Row key={e.kind} className="align-top">
                <Td className="font-medium">{e.kind}</Td>
                <NumTd>{count(e.count)}</NumTd>
                <NumTd>{count(e.failedForGood)}</NumTd>
                <Td className="text-slate-700">
                  <span className="break-all">{e.message}</span> <span className="text-xs text-slate-500">({new Date(e.at).toLocaleTimeString()})</span>
                </Td>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
      {canControl && <OfflinePanel batchId={p.id} state={p.state} onImported={refresh} />}
    </div>
  );
}
