// Protects: splitting a review queue gives every item k distinct reviewers, keeps finished reviews
// with their reviewer, and balances the work within one item.
import { describe, expect, it } from "vitest";
import { type ItemToAssign, planAssignment } from "@/lib/review/plan-assignment";

const items = (n: number, doneBy: (i: number) => number[] = () => []): ItemToAssign[] =>
  Array.from({ length: n }, (_, i) => ({ sampleId: 100 + i, position: i + 1, stratum: i % 2 ? "odd" : "even", doneBy: doneBy(i) }));

const perReviewer = (rows: { assignedToId: number }[]) => {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.assignedToId, (counts.get(r.assignedToId) ?? 0) + 1);
  return counts;
};

describe("planAssignment", () => {
  it("splits a queue among reviewers, one each, evenly", () => {
    const plan = planAssignment(items(10), [7, 8, 9], 1);
    expect(plan.rows).toHaveLength(10);
    expect([...perReviewer(plan.rows).values()].sort()).toEqual([3, 3, 4]);
    expect(new Set(plan.rows.map((r) => r.sampleId)).size).toBe(10);
  });

  it("gives each item k distinct reviewers", () => {
    const plan = planAssignment(items(9), [1, 2, 3, 4], 2);
    expect(plan.rows).toHaveLength(18);
    for (let i = 0; i < 9; i++) {
      const who = plan.rows.filter((r) => r.sampleId === 100 + i).map((r) => r.assignedToId);
      expect(new Set(who).size).toBe(2);
    }
    const loads = [...perReviewer(plan.rows).values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // The stratum and position travel with every copy of an item.
    expect(plan.rows.filter((r) => r.sampleId === 101).every((r) => r.stratum === "odd" && r.position === 2)).toBe(true);
  });

  it("counts finished reviews toward k and toward the reviewer's load", () => {
    // Items 0-3 were already reviewed by reviewer 1.
    const plan = planAssignment(items(8, (i) => (i < 4 ? [1] : [])), [1, 2], 2);
    // Items 0-3 need only reviewer 2; items 4-7 need both.
    expect(plan.rows.filter((r) => r.sampleId < 104).map((r) => r.assignedToId)).toEqual([2, 2, 2, 2]);
    expect(plan.rows.filter((r) => r.sampleId >= 104)).toHaveLength(8);
    expect(plan.load.get(1)).toBe(8);
    expect(plan.load.get(2)).toBe(8);
  });

  it("balances around work already done", () => {
    const plan = planAssignment(items(6, (i) => (i < 4 ? [1] : [])), [1, 2], 1);
    // Reviewer 1 has 4 done; both open items go to reviewer 2.
    expect(plan.rows.map((r) => r.assignedToId)).toEqual([2, 2]);
  });

  it("keeps a finished review by someone no longer in the list", () => {
    // Reviewer 9 (left the list) reviewed item 0; it needs only one more of 2 from {1, 2}.
    const plan = planAssignment(items(2, (i) => (i === 0 ? [9] : [])), [1, 2], 2);
    expect(plan.rows.filter((r) => r.sampleId === 100)).toHaveLength(1);
    expect(plan.rows.filter((r) => r.sampleId === 101)).toHaveLength(2);
    expect(plan.load.has(9)).toBe(false);
  });

  it("refuses impossible settings", () => {
    expect(() => planAssignment(items(3), [1], 2)).toThrow(/needs at least 2 reviewers/);
    expect(() => planAssignment(items(3), [1, 2], 0)).toThrow(/at least 1/);
  });
});
