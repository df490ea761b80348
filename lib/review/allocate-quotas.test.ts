// Protects: stratified queues draw the size asked for, never more from a stratum than it has, and
// split equally (with leftovers redistributed) or proportionally as chosen.
import { describe, expect, it } from "vitest";
import { allocateQuotas } from "@/lib/review/allocate-quotas";

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
/** The strata of a queue, written as { name: population }. */
const strata = (counts: Record<string, number>) => Object.entries(counts).map(([stratum, count]) => ({ stratum, count }));

describe("allocateQuotas", () => {
  it("splits equally and hands a small stratum's leftover to the others", () => {
    const q = allocateQuotas(strata({ a: 1000, b: 5, c: 1000 }), 95, "equal");
    expect(q.get("b")).toBe(5);
    expect(q.get("a")).toBe(45);
    expect(q.get("c")).toBe(45);
  });

  it("gives the remainder one each when the size does not divide", () => {
    const q = allocateQuotas(strata({ a: 100, b: 100, c: 100 }), 10, "equal");
    expect(sum(q)).toBe(10);
    expect([...q.values()].sort()).toEqual([3, 3, 4]);
  });

  it("splits proportionally with largest remainders", () => {
    const q = allocateQuotas(strata({ big: 700, mid: 250, small: 50 }), 10, "proportional");
    expect(Object.fromEntries(q)).toEqual({ big: 7, mid: 3, small: 0 });
    const r = allocateQuotas(strata({ x: 1, y: 1, z: 1 }), 2, "proportional");
    expect(sum(r)).toBe(2);
  });

  it("takes everything when the size exceeds the population", () => {
    const q = allocateQuotas(strata({ a: 3, b: 4 }), 50, "equal");
    expect(Object.fromEntries(q)).toEqual({ a: 3, b: 4 });
  });
});
