import { describe, expect, it } from "vitest";
import { voteAnswers } from "@/lib/grading/vote";

describe("voteAnswers", () => {
  it("votes over equivalence classes, with counts and members", () => {
    const r = voteAnswers(["\\frac{1}{2}", "3", "0.5", null, "1/2", "3.0", "\\frac12"]);
    expect(r.classes).toEqual([
      { representative: "\\frac{1}{2}", count: 4, members: [0, 2, 4, 6] },
      { representative: "3", count: 2, members: [1, 5] },
    ]);
    expect(r).toMatchObject({ winner: "\\frac{1}{2}", winnerVotes: 4, totalVotes: 6 });
    expect(r.agreement).toBeCloseTo(4 / 6);
  });

  it("reproduces the recipe's exact-string vote on request", () => {
    const r = voteAnswers(["0.5", "\\frac{1}{2}", "0.5", "1/2"], { mode: "exact" });
    expect(r.winner).toBe("0.5");
    expect(r.classes.map((c) => c.count)).toEqual([2, 1, 1]);
  });

  it("breaks ties by the class seen first, whatever the mode", () => {
    expect(voteAnswers(["7", "8", "8", "7"]).winner).toBe("7");
    expect(voteAnswers(["8", "7", "7", "8"], { mode: "exact" }).winner).toBe("8");
  });

  it("handles no votes", () => {
    expect(voteAnswers([null, null])).toEqual({ classes: [], winner: null, winnerVotes: 0, totalVotes: 0, agreement: 0 });
  });

  it("passes check options through", () => {
    expect(voteAnswers(["10\\%", "0.1"]).classes).toHaveLength(1);
    expect(voteAnswers(["10\\%", "0.1"], { checkOptions: { percentRule: false } }).classes).toHaveLength(2);
  });
});
