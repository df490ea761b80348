// A trivial job used by `boxed worker --check` and the tests to prove a worker is consuming.
import { defineJob } from "@/lib/jobs/job-definitions";

export const healthCheckJob = defineJob({
  queue: "health-check",
  concurrency: 1,
  taskIdField: null,
  async handle(data) {
    return { echo: data.echo, at: new Date().toISOString(), pid: process.pid };
  },
});
