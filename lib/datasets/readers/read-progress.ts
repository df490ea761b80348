// Live counters a reader updates as it goes, so a caller can draw a progress bar with rate and
// ETA. Bytes are the honest measure of progress: row counts are unknown until the end.

export interface ProgressSnapshot {
  bytesRead: number;
  totalBytes: number;
  /** 0..1 */
  fraction: number;
  rowsRead: number;
  recordsRead: number;
  blankLines: number;
  elapsedMs: number;
  bytesPerSecond: number;
  /** null until there is a rate to extrapolate from. */
  etaMs: number | null;
}

export type ProgressListener = (snapshot: ProgressSnapshot) => void;

export class ReadProgress {
  bytesRead = 0;
  rowsRead = 0;
  recordsRead = 0;
  blankLines = 0;
  private readonly startedAt = performance.now();

  constructor(
    readonly totalBytes: number,
    private readonly listener?: ProgressListener,
  ) {}

  addBytes(count: number): void {
    this.bytesRead += count;
    this.listener?.(this.snapshot());
  }

  snapshot(): ProgressSnapshot {
    const elapsedMs = performance.now() - this.startedAt;
    const bytesPerSecond = elapsedMs > 0 ? (this.bytesRead * 1000) / elapsedMs : 0;
    const remaining = Math.max(0, this.totalBytes - this.bytesRead);
    return {
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      fraction: this.totalBytes > 0 ? Math.min(1, this.bytesRead / this.totalBytes) : 1,
      rowsRead: this.rowsRead,
      recordsRead: this.recordsRead,
      blankLines: this.blankLines,
      elapsedMs,
      bytesPerSecond,
      etaMs: bytesPerSecond > 0 ? (remaining * 1000) / bytesPerSecond : null,
    };
  }
}
