// A job worker: serves every queue of the registry until stopped. Many can run, on many machines,
// against the same database; pg-boss hands each job to one of them. The only importer of the job
// registry (and so of every handler): senders know the queues (queues.ts), never the handlers.
import type { PgBoss } from "pg-boss";
import { pool } from "@/lib/db/pool";
import { createBoss } from "@/lib/jobs/boss";
import { databaseProbe, JobsErrorLog } from "@/lib/jobs/jobs-error-log";
import { jobDefinitions } from "@/lib/jobs/job-registry";
import { jobHeartbeatSeconds, jobSuperviseSeconds } from "@/lib/jobs/job-timing";
import { QUEUE_SETTINGS } from "@/lib/jobs/queues";
import { recoverTasks } from "@/lib/jobs/recover-tasks";

export interface RunningWorker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startWorker(databaseUrl: string, log: (line: string) => void = console.log): Promise<RunningWorker> {
  const errors = new JobsErrorLog({ log, probe: databaseProbe(databaseUrl) });
  const boss = createBoss(databaseUrl, "worker", errors);
  await boss.start();
  for (const job of jobDefinitions) {
    const settings = QUEUE_SETTINGS[job.queue];
    await boss.createQueue(job.queue, { retryLimit: settings.retryLimit, expireInSeconds: settings.expireInSeconds, heartbeatSeconds: jobHeartbeatSeconds(settings.heartbeatSeconds) });
    await boss.work(job.queue, { localConcurrency: job.concurrency, batchSize: 1, pollingIntervalSeconds: 1 }, async ([next]) => {
      try {
        return await job.handle(next.data as never, next as never);
      } catch (error) {
        log(`[worker] ${job.queue} job ${next.id} failed: ${error instanceof Error ? error.message : error}`);
        throw error;
      }
    });
  }
  log(`[worker] serving ${jobDefinitions.length} queues (pid ${process.pid})`);

  // Tasks whose worker died: at start, then every supervision pass (recover-tasks.ts).
  let stopped = false;
  let pass: Promise<void> | null = null;
  const recover = () => {
    pass ??= recoverTasks(pool(), jobDefinitions, log)
      .then(
        () => {},
        (error) => {
          if (!errors.databaseDown) errors.report(error);
        },
      )
      .finally(() => {
        pass = null;
      });
  };
  recover();
  const timer = setInterval(() => {
    if (!stopped && !errors.databaseDown) recover();
  }, jobSuperviseSeconds() * 1000);

  return {
    boss,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await pass;
      errors.close();
      // Graceful: running handlers finish (or their jobs go back to the queue after expiry).
      await boss.stop({ graceful: true, timeout: 15_000, close: true });
    },
  };
}
