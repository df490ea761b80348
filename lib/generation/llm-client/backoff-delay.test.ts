import { describe, expect, it } from "vitest";
import { backoffDelay } from "@/lib/generation/llm-client/backoff-delay";
import { parseRetryAfter } from "@/lib/generation/llm-client/parse-retry-after";

describe("backoffDelay", () => {
  it("draws uniformly up to an exponential cap (full jitter)", () => {
    expect(backoffDelay(0, { baseMs: 100, random: () => 0.999 })).toBeCloseTo(99.9);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0.5 })).toBe(400);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0 })).toBe(0);
  });

  it("never exceeds maxMs without a Retry-After", () => {
    expect(backoffDelay(30, { baseMs: 500, maxMs: 10_000, random: () => 1 })).toBe(10_000);
  });

  it("treats Retry-After as a floor, even above maxMs, with a small jitter on top", () => {
    expect(backoffDelay(0, { baseMs: 200, maxMs: 1000, retryAfterMs: 5000, random: () => 0 })).toBe(5000);
    expect(backoffDelay(0, { baseMs: 200, maxMs: 1000, retryAfterMs: 5000, random: () => 1 })).toBe(5200);
  });
});

describe("parseRetryAfter", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it("reads seconds, HTTP dates and retry-after-ms", () => {
    expect(parseRetryAfter(headers({ "retry-after": "2" }))).toBe(2000);
    expect(parseRetryAfter(headers({ "retry-after-ms": "150", "retry-after": "9" }))).toBe(150);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(parseRetryAfter(headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
