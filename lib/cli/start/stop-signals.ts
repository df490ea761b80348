// Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) ask `boxed start` to stop. The handlers
// are installed before anything is started and stay installed until everything is stopped again:
// without them Node's default action ends the process on the spot, mid-start-up, and leaves the
// embedded PostgreSQL (which runs in a session of its own) behind. A second Ctrl-C while stopping
// does not cut the shutdown short either; it says what is still being waited for.
export class StopRequested extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`stopped by ${signal}`);
  }
}

export interface StopSignals {
  /** The first signal received, or null. */
  readonly requested: NodeJS.Signals | null;
  /** Resolves with the first signal. */
  readonly whenRequested: Promise<NodeJS.Signals>;
  /** Aborted on the first signal: hand it to waits that can be cut short. */
  readonly abort: AbortSignal;
  /** Throws StopRequested once a signal came: call between start-up steps. */
  throwIfRequested(): void;
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export function listenForStop(onSignal: (signal: NodeJS.Signals, count: number) => void): StopSignals {
  const controller = new AbortController();
  let requested: NodeJS.Signals | null = null;
  let count = 0;
  let resolveRequested: (signal: NodeJS.Signals) => void = () => {};
  const whenRequested = new Promise<NodeJS.Signals>((resolve) => {
    resolveRequested = resolve;
  });
  const handler = (signal: NodeJS.Signals) => {
    count++;
    if (!requested) {
      requested = signal;
      controller.abort(new StopRequested(signal));
      resolveRequested(signal);
    }
    onSignal(signal, count);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return {
    get requested() {
      return requested;
    },
    whenRequested,
    abort: controller.signal,
    throwIfRequested() {
      if (requested) throw new StopRequested(requested);
    },
    dispose() {
      for (const signal of SIGNALS) process.off(signal, handler);
    },
  };
}
