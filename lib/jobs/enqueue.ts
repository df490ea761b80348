// Sends a job from the web server, the CLI or a job. Knows the queues (queues.ts), never their
// handlers: only the worker imports the job registry, so sending a job pulls in no job code.
import type { SendOptions } from "pg-boss";
import { producer } from "@/lib/jobs/boss";
import { jobHeartbeatSeconds } from "@/lib/jobs/job-timing";
import { isQueueName, type JobPayloads, QUEUE_SETTINGS, type QueueName } from "@/lib/jobs/queues";

export async function enqueue<Q extends QueueName>(queue: Q, data: JobPayloads[Q], options: SendOptions = {}): Promise<string | null> {
  // The type says so already; this catches a name that arrived untyped (a cast, plain JavaScript).
  if (!isQueueName(queue)) throw new Error(`no worker serves the job queue "${queue}"`);
  const definition = QUEUE_SETTINGS[queue];
  const boss = await producer();
  const settings = { retryLimit: definition.retryLimit, expireInSeconds: definition.expireInSeconds, heartbeatSeconds: jobHeartbeatSeconds(definition.heartbeatSeconds) };
  await boss.createQueue(queue, settings);
  // The job carries its queue's settings itself: a queue created earlier (by an older version, or
  // without options) keeps pg-boss's defaults, two retries and no heartbeat, which retried
  // imports that must not be and left a dead worker's job active until its expiry.
  return boss.send(queue, data, { ...settings, ...options });
}
