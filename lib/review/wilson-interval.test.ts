// Protects: the grader-error confidence intervals match the Wilson formula computed by hand.
import { describe, expect, it } from "vitest";
import { wilsonInterval } from "@/lib/review/wilson-interval";

describe("wilsonInterval", () => {
  it("matches hand-computed values", () => {
    // 3 of 20:
    // p = 0.15, z² = 3.8415, z²/n = 0.19207, denominator = 1.19207,
    // centre = (0.15 + 0.096037) / 1.19207 = 0.206393,
    // half = 1.96 * sqrt(0.15*0.85/20 + 3.8415/1600) / 1.19207 = 1.96 * sqrt(0.006375 + 0.002401) / 1.19207 = 0.154009
    const e = wilsonInterval(3, 20);
    expect(e.rate).toBeCloseTo(0.15, 10);
    expect(e.low).toBeCloseTo(0.05236, 4);
    expect(e.high).toBeCloseTo(0.36040, 4);
  });

  it("stays inside [0, 1] at the edges and is not degenerate at 0 successes", () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    // z²/(n + z²) = 3.8415 / 13.8415 = 0.27753
    expect(none.high).toBeCloseTo(0.27753, 4);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBeCloseTo(1, 12);
    expect(all.low).toBeCloseTo(1 - 0.27753, 4);
  });

  it("narrows as trials grow", () => {
    const small = wilsonInterval(5, 50);
    const large = wilsonInterval(500, 5000);
    expect((large.high ?? 0) - (large.low ?? 0)).toBeLessThan((small.high ?? 0) - (small.low ?? 0));
  });

  it("has no rate without trials and refuses impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual({ successes: 0, trials: 0, rate: null, low: null, high: null });
    expect(() => wilsonInterval(3, 2)).toThrow(/successes <= trials/);
    expect(() => wilsonInterval(-1, 2)).toThrow();
  });
});
