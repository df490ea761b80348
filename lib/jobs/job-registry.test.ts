// Protects: every queue a job can be sent to (queues.ts) has exactly one handler in the worker's
// registry, and the registry serves no queue that is not declared: a job cannot be sent to a
// queue no worker listens on, now that senders no longer read the registry.
import { describe, expect, it } from "vitest";
import { jobDefinitions } from "@/lib/jobs/job-registry";
import { isQueueName, QUEUE_NAMES, QUEUE_SETTINGS } from "@/lib/jobs/queues";

describe("the job registry", () => {
  it("has one handler per declared queue and nothing else", () => {
    const served = jobDefinitions.map((job) => job.queue);
    expect([...served].sort()).toEqual([...QUEUE_NAMES].sort());
    expect(new Set(served).size).toBe(served.length);
  });

  it("declares settings pg-boss accepts for every queue", () => {
    for (const name of QUEUE_NAMES) {
      const settings = QUEUE_SETTINGS[name];
      expect(Number.isInteger(settings.retryLimit) && settings.retryLimit >= 0, name).toBe(true);
      expect(settings.expireInSeconds, name).toBeGreaterThan(0);
      if (settings.heartbeatSeconds !== undefined) expect(settings.heartbeatSeconds, name).toBeGreaterThanOrEqual(10);
    }
  });

  it("tells a declared queue from an unknown name", () => {
    expect(isQueueName("health-check")).toBe(true);
    expect(isQueueName("no-such-queue")).toBe(false);
    expect(isQueueName("toString")).toBe(false);
  });
});
