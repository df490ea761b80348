import { describe, expect, it } from "vitest";
import { DEFAULT_REVIEW_FILTER, parseReviewFilter, reviewFilterQuery } from "@/lib/decontamination/review/review-filter";

describe("parseReviewFilter", () => {
  it("defaults to the undecided statuses in queue order", () => {
    expect(parseReviewFilter({})).toEqual(DEFAULT_REVIEW_FILTER);
    expect(parseReviewFilter({ status: "candidate,flagged,bogus" }).statuses).toEqual(["flagged", "candidate"]);
  });

  it("reads every key and ignores bad values", () => {
    expect(parseReviewFilter({ status: "all", pair: "judge_failed", set: "3", benchmarkSet: "x", benchmark: "-2" })).toMatchObject({
      statuses: ["flagged", "judge_failed", "candidate", "unsure", "contaminated", "cleared", "clean", "unchecked"],
      pair: "judge_failed",
      set: 3,
      benchmarkSet: null,
      benchmark: null,
    });
    expect(parseReviewFilter({ pair: "nope" }).pair).toBe("any");
  });

  it("round-trips through the URL query", () => {
    const filter = parseReviewFilter({ status: "contaminated", pair: "close", benchmarkSet: "7" });
    const query = reviewFilterQuery(filter, { problem: 12 });
    expect(query).toBe("?status=contaminated&pair=close&benchmarkSet=7&problem=12");
    expect(parseReviewFilter(Object.fromEntries(new URLSearchParams(query)))).toEqual(filter);
    expect(reviewFilterQuery(DEFAULT_REVIEW_FILTER)).toBe("");
  });
});
