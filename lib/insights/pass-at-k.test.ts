import { describe, expect, it } from "vitest";
import { curveKs, passAtK, passAtKCurve } from "@/lib/insights/pass-at-k";

// Hand-computed from 1 - C(n-c, k) / C(n, k).
describe("passAtK", () => {
  it("matches hand-computed binomial ratios", () => {
    expect(passAtK(4, 1, 1)).toBeCloseTo(1 - 3 / 4, 12); // C(3,1)/C(4,1)
    expect(passAtK(4, 1, 2)).toBeCloseTo(1 - 3 / 6, 12); // C(3,2)/C(4,2)
    expect(passAtK(4, 1, 3)).toBeCloseTo(1 - 1 / 4, 12); // C(3,3)/C(4,3)
    expect(passAtK(5, 2, 2)).toBeCloseTo(1 - 3 / 10, 12); // C(3,2)/C(5,2)
    expect(passAtK(10, 3, 4)).toBeCloseTo(1 - 35 / 210, 12); // C(7,4)/C(10,4)
    expect(passAtK(8, 2, 3)).toBeCloseTo(1 - 20 / 56, 12); // C(6,3)/C(8,3)
  });

  it("is c/n at k = 1, 0 without a correct sample, 1 when fewer than k are wrong", () => {
    expect(passAtK(64, 17, 1)).toBeCloseTo(17 / 64, 12);
    expect(passAtK(1000, 1, 1)).toBeCloseTo(0.001, 12);
    expect(passAtK(8, 0, 8)).toBe(0);
    expect(passAtK(8, 8, 1)).toBe(1);
    expect(passAtK(4, 1, 4)).toBe(1);
    expect(passAtK(8, 6, 3)).toBe(1);
  });

  it("stays finite for large n where the binomials overflow", () => {
    const v = passAtK(4096, 2000, 512);
    expect(v).toBeGreaterThan(0.999999);
    expect(v).toBeLessThanOrEqual(1);
    expect(passAtK(4096, 1, 512)).toBeCloseTo(512 / 4096, 12);
  });

  it("refuses impossible inputs with the values in the message", () => {
    expect(() => passAtK(4, 1, 5)).toThrow(/n=4, c=1, k=5/);
    expect(() => passAtK(4, 5, 1)).toThrow(RangeError);
    expect(() => passAtK(4, 1, 0)).toThrow(RangeError);
  });
});

describe("passAtKCurve", () => {
  it("averages over problems weighted by their count, skipping problems with fewer than k samples", () => {
    const groups = [
      { sampleCount: 4, correctCount: 1, problems: 2 }, // pass@1 .25, pass@2 .5, pass@4 1
      { sampleCount: 4, correctCount: 4, problems: 1 }, // 1 everywhere
      { sampleCount: 2, correctCount: 0, problems: 1 }, // 0 at k=1,2; not at k=4
    ];
    const curve = passAtKCurve(groups, [1, 2, 4, 8]);
    expect(curve[0].problems).toBe(4);
    expect(curve[0].value).toBeCloseTo((2 * 0.25 + 1 + 0) / 4, 12);
    expect(curve[1].value).toBeCloseTo((2 * 0.5 + 1 + 0) / 4, 12);
    expect(curve[2]).toEqual({ k: 4, value: 1, problems: 3 });
    expect(curve[3]).toEqual({ k: 8, value: null, problems: 0 });
  });

  it("ignores groups whose count fell to zero", () => {
    expect(passAtKCurve([{ sampleCount: 4, correctCount: 0, problems: 0 }], [1])).toEqual([{ k: 1, value: null, problems: 0 }]);
  });
});

describe("curveKs", () => {
  it("doubles up to the largest sample count and ends on it", () => {
    expect(curveKs(1)).toEqual([1]);
    expect(curveKs(8)).toEqual([1, 2, 4, 8]);
    expect(curveKs(12)).toEqual([1, 2, 4, 8, 12]);
    expect(curveKs(0)).toEqual([]);
  });
});
