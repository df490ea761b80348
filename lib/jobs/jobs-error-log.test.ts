import { describe, expect, it } from "vitest";
import { describeJobsError, JobsErrorLog } from "@/lib/jobs/jobs-error-log";

describe("describeJobsError", () => {
  it("reads pg-boss's plain-object errors and drops the poller suffix", () => {
    expect(describeJobsError({ message: "connect ECONNREFUSED 127.0.0.1:5432 (Queue: dataset-import, Worker: 1b2c)", code: "ECONNREFUSED" })).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });
  it("reads an AggregateError with an empty message from its first reason", () => {
    const error = new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })], "");
    expect(describeJobsError(error)).toBe("connect ECONNREFUSED ::1:5432");
  });
  it("falls back to the code, then to JSON, never [object Object]", () => {
    expect(describeJobsError({ code: "57P01" })).toBe("57P01");
    expect(describeJobsError({ detail: "x" })).toBe('{"detail":"x"}');
    expect(describeJobsError(null)).toBe("unknown error");
  });
});

describe("JobsErrorLog", () => {
  it("logs an outage once, then reminders at doubling gaps, not every failed poll", () => {
    let now = 0;
    const lines: string[] = [];
    const log = new JobsErrorLog({ log: (line) => lines.push(line), now: () => now });
    // 13 failed polls a second for 20 seconds.
    for (; now < 20_000; now += 77) log.report({ message: "connect ECONNREFUSED 127.0.0.1:5432 (Queue: q, Worker: w)", code: "ECONNREFUSED" });
    expect(lines[0]).toBe("[jobs] database unavailable (connect ECONNREFUSED 127.0.0.1:5432); jobs wait, reconnecting with backoff");
    expect(lines.length).toBe(4); // at 0 s, ~2 s, ~6 s, ~14 s
    expect(lines.slice(1).every((line) => /database still unavailable after \d+ s/.test(line))).toBe(true);
    expect(log.databaseDown).toBe(true);
  });
  it("logs another error once a minute with a count of repeats", () => {
    let now = 0;
    const lines: string[] = [];
    const log = new JobsErrorLog({ log: (line) => lines.push(line), now: () => now });
    for (; now <= 61_000; now += 1000) log.report(new Error("relation \"pgboss.job\" does not exist"));
    expect(lines).toEqual(['[jobs] relation "pgboss.job" does not exist', '[jobs] relation "pgboss.job" does not exist (and 59 more times in the last minute)']);
  });
});
