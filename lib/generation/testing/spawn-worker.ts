// Starts the real `boxed worker` as a child process (tests that kill workers), keeping its output
// for the failure message.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "@/lib/db/boxed-home";

export interface SpawnedWorker {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function spawnWorker(env: Record<string, string>): SpawnedWorker {
  const log: string[] = [];
  const child = spawn(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), "worker"], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => log.join(""), exited };
}

/** Test clean-up: stops the worker with `signal` when it still runs and waits for it to exit. */
export async function stopWorker(worker: SpawnedWorker | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!worker || worker.child.exitCode !== null) return;
  worker.child.kill(signal);
  await worker.exited;
}
