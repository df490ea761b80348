// Every queue the worker serves, with its handler. A feature adds its jobs here; the worker and
// `enqueue` read this list, so a job cannot be sent to a queue no worker listens on.
import type { Job } from "pg-boss";

export interface JobDefinition<T extends object = object> {
  queue: string;
  /** Jobs of this queue run at most this many at a time in one worker process. */
  concurrency: number;
  retryLimit: number;
  expireInSeconds: number;
  handle(data: T, job: Job<T>): Promise<unknown>;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}
