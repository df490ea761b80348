// `boxed worker`: serves the job queues until Ctrl-C / SIGTERM. Run more of them, on this or other
// machines, with DATABASE_URL pointing at the same PostgreSQL.
import { parseArgs } from "node:util";
import type { CliCommand } from "@/lib/cli/command";
import { withDatabase } from "@/lib/cli/with-database";
import { startWorker } from "@/lib/jobs/run-worker";

export function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolvePromise) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolvePromise(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

export const workerCommand: CliCommand = {
  path: ["worker"],
  summary: "run a job worker (generation, grading, imports, exports)",
  usage: `usage: npx boxed worker

Serves every job queue until stopped with Ctrl-C or SIGTERM (running jobs finish first).
Scale out by starting more workers on other machines with the same DATABASE_URL.`,
  async run(args, io) {
    parseArgs({ args, options: {} });
    return withDatabase(io, async (url) => {
      const worker = await startWorker(url, (line) => io.stdout.write(`${line}\n`));
      const signal = await waitForStopSignal();
      io.stdout.write(`[worker] ${signal}: finishing running jobs\n`);
      await worker.stop();
      io.stdout.write("[worker] stopped\n");
      return 0;
    });
  },
};
