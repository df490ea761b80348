// Sends a job from the web server or the CLI. The queue must be one the worker serves.
import type { SendOptions } from "pg-boss";
import { producer } from "@/lib/jobs/boss";
import { jobDefinitions } from "@/lib/jobs/job-registry";

export async function ensureQueues(): Promise<void> {
  const boss = await producer();
  for (const job of jobDefinitions) {
    await boss.createQueue(job.queue, { retryLimit: job.retryLimit, expireInSeconds: job.expireInSeconds });
  }
}

export async function enqueue(queue: string, data: object, options: SendOptions = {}): Promise<string | null> {
  if (!jobDefinitions.some((job) => job.queue === queue)) throw new Error(`no worker serves the job queue "${queue}"`);
  const boss = await producer();
  await boss.createQueue(queue);
  return boss.send(queue, data, options);
}
