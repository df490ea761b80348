// A job worker: serves every queue of the registry until stopped. Many can run, on many machines,
// against the same database; pg-boss hands each job to one of them.
import type { PgBoss } from "pg-boss";
import { createBoss } from "@/lib/jobs/boss";
import { databaseProbe, JobsErrorLog } from "@/lib/jobs/jobs-error-log";
import { jobDefinitions } from "@/lib/jobs/job-registry";

export interface RunningWorker {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startWorker(databaseUrl: string, log: (line: string) => void = console.log): Promise<RunningWorker> {
  const errors = new JobsErrorLog({ log, probe: databaseProbe(databaseUrl) });
  const boss = createBoss(databaseUrl, "worker", errors);
  await boss.start();
  for (const job of jobDefinitions) {
    await boss.createQueue(job.queue, { retryLimit: job.retryLimit, expireInSeconds: job.expireInSeconds });
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
  return {
    boss,
    async stop() {
      // Graceful: running handlers finish (or their jobs go back to the queue after expiry).
      errors.close();
      await boss.stop({ graceful: true, timeout: 15_000, close: true });
    },
  };
}
