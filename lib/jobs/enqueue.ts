// Sends a job from the web server or the CLI. The queue must be one the worker serves.
import type { SendOptions } from "pg-boss";
import { producer } from "@/lib/jobs/boss";
import { jobDefinitions } from "@/lib/jobs/job-registry";
import { jobHeartbeatSeconds } from "@/lib/jobs/job-timing";

export async function ensureQueues(): Promise<void> {
  const boss = await producer();
  for (const job of jobDefinitions) {
    await boss.createQueue(job.queue, { retryLimit: job.retryLimit, expireInSeconds: job.expireInSeconds, heartbeatSeconds: jobHeartbeatSeconds(job.heartbeatSeconds) });
  }
}

export async function enqueue(queue: string, data: object, options: SendOptions = {}): Promise<string | null> {
  const definition = jobDefinitions.find((job) => job.queue === queue);
  if (!definition) throw new Error(`no worker serves the job queue "${queue}"`);
  const boss = await producer();
  const settings = { retryLimit: definition.retryLimit, expireInSeconds: definition.expireInSeconds, heartbeatSeconds: jobHeartbeatSeconds(definition.heartbeatSeconds) };
  await boss.createQueue(queue, settings);
  // The job carries its definition's settings itself: a queue created earlier (by an older
  // version, or without options) keeps pg-boss's defaults, two retries and no heartbeat, which
  // retried imports that must not be and left a dead worker's job active until its expiry.
  return boss.send(queue, data, { ...settings, ...options });
}
