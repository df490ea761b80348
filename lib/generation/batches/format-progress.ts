// One line of batch progress for terminals: bar, counts, rate, ETA, tokens (pure).
import type { BatchProgress } from "@/lib/generation/batches/batch-progress";

const count = (n: number) => n.toLocaleString("en-US");

export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return "--";
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m`;
}

export function progressBar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
}

export function formatProgressLine(p: BatchProgress, rate = p.ratePerSecond): string {
  const settled = p.doneCount + p.failedCount + p.cancelled;
  const fraction = p.requestCount > 0 ? settled / p.requestCount : 0;
  const eta = rate > 0 && (p.state === "running" || p.state === "queued") ? (p.pending + p.inFlight) / rate : null;
  return [
    `batch ${p.id} ${p.state.padEnd(9)} ${progressBar(fraction)} ${(fraction * 100).toFixed(1)}%`,
    `done ${count(p.doneCount)} · failed ${count(p.failedCount)} · pending ${count(p.pending)} · at the endpoint ${count(p.atEndpoint)}${p.endpointLimit === null ? "" : `/${count(p.endpointLimit)}`} · claimed ${count(p.inFlight)}${p.cancelled ? ` · cancelled ${count(p.cancelled)}` : ""} of ${count(p.requestCount)}`,
    `${rate.toFixed(1)}/s · ETA ${formatSeconds(eta)}`,
    `tokens ${count(p.promptTokens)} in / ${count(p.completionTokens)} out`,
    ...(p.accuracy !== null ? [`accuracy ${(p.accuracy * 100).toFixed(1)}%`] : []),
    ...(p.agreement?.mean != null ? [`agreement ${(p.agreement.mean * 100).toFixed(1)}%`] : []),
  ].join(" · ");
}
