// A child of `boxed start` (web server, worker) kept running: when it exits without being asked
// to, it is started again after a delay that doubles with each quick failure (1 s, 2 s, 4 s … up
// to 30 s) and starts over once a run has lasted a minute. One crashed worker must not take the
// web server and the database down with it; only `stop()` (Ctrl-C) ends the loop.
import type { ManagedChild } from "@/lib/cli/start/child-process";

export interface SupervisedChild {
  name: string;
  /** The process running now (null between a crash and its restart). */
  current(): ManagedChild | null;
  /** Stops the child and any pending restart; waits for the process to exit. */
  stop(): Promise<void>;
}

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long resets the delay to the first one. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 30_000, healthyAfterMs: 60_000 };

export function restartDelayMs(quickFailures: number, policy: RestartPolicy = DEFAULT_RESTART_POLICY): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, quickFailures - 1));
}

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

export function superviseChild(
  name: string,
  start: () => ManagedChild,
  say: (line: string) => void,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  /** True once the whole studio is stopping (a signal came), before this child's stop() is called. */
  shuttingDown: () => boolean = () => false,
): SupervisedChild {
  let stopping = false;
  let child: ManagedChild | null = null;
  let wakeUp: (() => void) | null = null;
  const loop = (async () => {
    let quickFailures = 0;
    while (!stopping) {
      const startedAt = Date.now();
      child = start();
      const { code, signal } = await child.exitedWith;
      // A Ctrl-C reaches the whole process group at once: give our own handler the moment it
      // needs to mark the stop, so a child that obeyed the same Ctrl-C is not restarted.
      await new Promise((resolve) => setTimeout(resolve, 150));
      // The studio stops its children one after the other: one that already obeyed the signal is
      // neither restarted nor reported as a crash while it waits for its turn.
      if (stopping || shuttingDown()) break;
      child = null;
      quickFailures = Date.now() - startedAt >= policy.healthyAfterMs ? 1 : quickFailures + 1;
      const delay = restartDelayMs(quickFailures, policy);
      say(`[${name}] exited unexpectedly (${describeExit(code, signal)}); restarting in ${(delay / 1000).toFixed(0)} s (failure ${quickFailures} in a row)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();
  return {
    name,
    current: () => child,
    async stop() {
      stopping = true;
      (wakeUp as (() => void) | null)?.();
      await child?.stop();
      await loop;
    },
  };
}
