import { describe, expect, it } from "vitest";
import { LENGTH_EDGES, TOKEN_EDGES, agreementBucketOf, agreementBucketRange, bucketLabel, bucketOf, bucketRange } from "@/lib/insights/buckets";

describe("length buckets", () => {
  it("puts a value in the bucket of the largest edge not above it", () => {
    expect(bucketOf(LENGTH_EDGES, 0)).toBe(0);
    expect(bucketOf(LENGTH_EDGES, 249)).toBe(0);
    expect(bucketOf(LENGTH_EDGES, 250)).toBe(250);
    expect(bucketOf(LENGTH_EDGES, 1_000_000)).toBe(20000);
    expect(bucketOf(TOKEN_EDGES, 8191)).toBe(4096);
  });

  it("gives whole-number ranges that tile the axis, the last open-ended", () => {
    expect(bucketRange(LENGTH_EDGES, 250)).toEqual({ min: 250, max: 499 });
    expect(bucketRange(LENGTH_EDGES, 20000)).toEqual({ min: 20000, max: null });
    for (const [i, edge] of LENGTH_EDGES.slice(0, -1).entries()) expect(bucketRange(LENGTH_EDGES, edge).max).toBe(LENGTH_EDGES[i + 1] - 1);
  });

  it("labels buckets by their bounds", () => {
    expect(bucketLabel(LENGTH_EDGES, 750)).toBe("750–1k");
    expect(bucketLabel(LENGTH_EDGES, 1000)).toBe("1k–1.25k");
    expect(bucketLabel(LENGTH_EDGES, 20000)).toBe("20k+");
    expect(bucketLabel(TOKEN_EDGES, 64)).toBe("64–128");
  });
});

describe("agreement buckets", () => {
  it("uses tenths, with unanimity on its own", () => {
    expect(agreementBucketOf(0)).toBe(0);
    expect(agreementBucketOf(0.3)).toBe(3);
    expect(agreementBucketOf(5 / 8)).toBe(6);
    expect(agreementBucketOf(0.9999)).toBe(9);
    expect(agreementBucketOf(1)).toBe(10);
  });

  it("gives inclusive filter ranges that never share a value with the neighbour", () => {
    expect(agreementBucketRange(5)).toEqual({ min: 0.5, max: 0.5999 });
    expect(agreementBucketRange(9)).toEqual({ min: 0.9, max: 0.9999 });
    expect(agreementBucketRange(10)).toEqual({ min: 1, max: 1 });
    for (let b = 0; b < 10; b++) expect(agreementBucketRange(b).max).toBeLessThan(agreementBucketRange(b + 1).min);
  });
});
