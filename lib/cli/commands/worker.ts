// `boxed worker`: serves the job queues until Ctrl-C / SIGTERM. Run more of them, on this or other
// machines, with DATABASE_URL pointing at the same PostgreSQL.
import { parseArgs } from "node:util";
import type { CliCommand } from "@/lib/cli/command";
import { listenForStop, StopRequested } from "@/lib/cli/start/stop-signals";
import { withDatabase } from "@/lib/cli/with-database";
import { startWorker } from "@/lib/jobs/run-worker";
import { checkSettings } from "@/lib/settings/read-settings";

export const workerCommand: CliCommand = {
  path: ["worker"],
  summary: "run a job worker (generation, grading, imports, exports)",
  usage: `usage: npx boxed worker

Serves every job queue until stopped with Ctrl-C or SIGTERM (running jobs finish first).
Scale out by starting more workers on other machines with the same DATABASE_URL.`,
  async run(args, io) {
    parseArgs({ args, options: {} });
    checkSettings(io.env);
    // Listening from the start: a signal while the database or the queues come up still ends in
    // the orderly stop below (and withDatabase stops an embedded server it started).
    const stop = listenForStop(() => {});
    try {
      return await withDatabase(io, async (url) => {
        stop.throwIfRequested();
        const worker = await startWorker(url, (line) => io.stdout.write(`${line}\n`));
        const signal = await stop.whenRequested;
        io.stdout.write(`[worker] ${signal}: finishing running jobs\n`);
        await worker.stop();
        io.stdout.write("[worker] stopped\n");
        return 0;
      });
    } catch (error) {
      if (error instanceof StopRequested) return 0;
      throw error;
    } finally {
      stop.dispose();
    }
  },
};
