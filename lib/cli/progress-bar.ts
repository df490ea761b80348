// A terminal progress line for long CLI work: bar, counts, rate and ETA. On a terminal it redraws
// in place; otherwise (CI, pipes) it prints a line every few seconds so logs stay readable.
export interface ProgressReporter {
  update(done: number, total?: number | null): void;
  finish(message?: string): void;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--";
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, "0")}m`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

export function progressLine(label: string, done: number, total: number | null | undefined, elapsedSeconds: number, unit: string): string {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const rateText = `${formatCount(Math.round(rate))} ${unit}/s`;
  if (!total) return `${label} ${formatCount(done)} ${unit} · ${rateText} · ${formatDuration(elapsedSeconds)}`;
  const fraction = Math.min(1, done / total);
  const width = 24;
  const filled = Math.round(fraction * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  const eta = rate > 0 ? (total - done) / rate : Number.NaN;
  return `${label} ${bar} ${(fraction * 100).toFixed(1)}% ${formatCount(done)}/${formatCount(total)} ${unit} · ${rateText} · ETA ${formatDuration(eta)}`;
}

export function createProgressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string, unit = "rows"): ProgressReporter {
  const started = Date.now();
  let lastPrint = 0;
  let lastLine = "";
  const interactive = Boolean(stream.isTTY);
  return {
    update(done, total) {
      const now = Date.now();
      if (now - lastPrint < (interactive ? 100 : 5000)) return;
      lastPrint = now;
      lastLine = progressLine(label, done, total, (now - started) / 1000, unit);
      stream.write(interactive ? `\r\x1b[2K${lastLine}` : `${lastLine}\n`);
    },
    finish(message) {
      if (interactive && lastLine) stream.write("\r\x1b[2K");
      if (message) stream.write(`${message}\n`);
    },
  };
}
