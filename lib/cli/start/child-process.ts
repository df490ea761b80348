// Children of `boxed start` (web server, worker): started directly with node (not through npm or
// npx, whose wrappers would leave the real server behind when killed), their output prefixed,
// and stopped by PID.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  exitedWith: Promise<ChildExit>;
  stop(timeoutMs?: number): Promise<void>;
}

export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, out: NodeJS.WritableStream): ManagedChild {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => out.write(`[${name}] ${line}\n`));
  }
  const exitedWith = new Promise<ChildExit>((resolvePromise) => {
    child.on("exit", (code, signal) => resolvePromise({ code, signal }));
    // A process that could not be spawned at all emits no 'exit'.
    child.on("error", () => {
      if (child.pid === undefined) resolvePromise({ code: null, signal: null });
    });
  });
  const exited = exitedWith.then((exit) => exit.code);
  return {
    name,
    process: child,
    exited,
    exitedWith,
    async stop(timeoutMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await exitedWith;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 2xx (true), `stillAlive` turns false, the signal aborts or time runs out (false). */
export async function waitForHttp(url: string, timeoutMs: number, stillAlive: () => boolean, abort?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !abort?.aborted) {
    if (!stillAlive()) return false;
    try {
      const response = await fetch(url, { signal: abort ? AbortSignal.any([abort, AbortSignal.timeout(2000)]) : AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
