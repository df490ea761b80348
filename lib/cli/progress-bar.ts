// A terminal progress line for long CLI work: bar, counts, rate and ETA. On a terminal it redraws
// in place; otherwise (CI, pipes) it prints a line every few seconds so logs stay readable.
import { formatDuration, formatInteger } from "@/lib/format";

export interface ProgressReporter {
  update(done: number, total?: number | null): void;
  finish(message?: string): void;
}

export const formatCount = (n: number): string => formatInteger(n);

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
