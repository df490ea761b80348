// Forks a Node process running one of our modules, for CPU-bound work spread over processes
// (grading, retrieval). Child processes rather than worker_threads: under Node 20 a worker thread
// cannot load a .ts entry even with tsx registered (loader hooks do not reach the worker's entry),
// while a forked process accepts `--import tsx` like the parent. The child also gets the hook that
// lets code marked `import "server-only"` load outside Next.js (bin/server-only-outside-next.mjs),
// whatever started the parent (the CLI, the worker, a benchmark or vitest, which aliases it instead).
import { type ChildProcess, type ForkOptions, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

/** `sourceUrl`: the module's URL as a .ts source (its .js twin is used when running built code). */
export function forkModule(sourceUrl: URL, options: ForkOptions = {}): ChildProcess {
  const fromSources = sourceUrl.pathname.endsWith(".ts") && import.meta.url.endsWith(".ts");
  const file = fileURLToPath(fromSources ? sourceUrl : new URL(sourceUrl.href.replace(/\.ts$/, ".js")));
  const flags = [...process.execArgv];
  // Resolved here, not when the module loads: Next.js bundles this file into pages that never fork
  // (its URL there is not a file path), and only a worker or a CLI process calls this.
  if (fromSources && !flags.some((a) => a.includes("server-only-outside-next"))) {
    flags.unshift("--import", fileURLToPath(new URL("../../bin/server-only-outside-next.mjs", import.meta.url)));
  }
  if (fromSources && !flags.some((a) => a.includes("tsx"))) flags.push("--import", "tsx");
  return fork(file, [], { ...options, execArgv: flags });
}
