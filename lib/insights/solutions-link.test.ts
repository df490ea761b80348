import { describe, expect, it } from "vitest";
import { solutionsLink } from "@/lib/insights/solutions-link";
import { parseSolutionView } from "@/lib/solutions/solution-view";

const parse = (href: string) => parseSolutionView(new URL(href, "http://x").searchParams);

// One value for every filter the link can carry.
const everyFilter = {
  setIds: [1, 2],
  sources: ["augmented_math"],
  batchIds: [9],
  models: [""],
  verdicts: ["no_answer", "undecided"],
  contamination: ["flagged"],
  length: { min: 20000, max: null },
  tokens: { min: 64, max: 127 },
  agreement: { min: 1, max: 1 },
  problemId: 42,
  answerKey: "\\frac{1}{2}",
} satisfies Parameters<typeof solutionsLink>[0];

describe("solutionsLink", () => {
  it("writes the solutions browser's own parameters", () => {
    expect(solutionsLink({ setIds: [3], sources: ["gsm8k"], verdicts: ["equal"], length: { min: 250, max: 499 } })).toBe(
      "/solutions?set=3&source=gsm8k&verdict=equal&len=250-499",
    );
    expect(solutionsLink({ batchIds: [7], models: ["m 1"], agreement: { min: 0.5, max: 0.5999 } })).toBe("/solutions?batch=7&model=m+1&agree=0.5-0.5999");
    expect(solutionsLink({})).toBe("/solutions");
  });

  it("round-trips through the browser's parser without anything ignored", () => {
    const href = solutionsLink(everyFilter);
    const { view, ignored } = parse(href);
    expect(ignored).toEqual([]);
    expect(view.filter).toMatchObject(everyFilter);
  });

  it("leaves out what the browser cannot filter on: batch 0 (imported) and uncounted tokens", () => {
    expect(solutionsLink({ batchIds: [0], tokens: { min: -1, max: -1 }, sources: ["math"] })).toBe("/solutions?source=math");
  });
});
