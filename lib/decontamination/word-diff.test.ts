import { describe, expect, it } from "vitest";
import { wordDiff } from "@/lib/decontamination/word-diff";

describe("wordDiff", () => {
  it("marks changed numbers and names", () => {
    const d = wordDiff("Tom has 3 apples.", "Priyanka has 5 apples.");
    expect(d).toEqual([
      { op: "del", text: "Tom", kind: "name" },
      { op: "add", text: "Priyanka", kind: "name" },
      { op: "same", text: "has" },
      { op: "del", text: "3", kind: "number" },
      { op: "add", text: "5", kind: "number" },
      { op: "same", text: "apples" },
      { op: "same", text: "." },
    ]);
  });

  it("is all 'same' for identical text and reconstructs both sides", () => {
    const a = "If $x^2 = 16$, what is the value of x? The answer is 1,000.";
    const b = "Suppose $x^2 = 25$; what is the value of y? The answer is 1,000.";
    expect(wordDiff(a, a).every((p) => p.op === "same")).toBe(true);
    const d = wordDiff(a, b);
    const side = (ops: string[]) => d.filter((p) => ops.includes(p.op)).map((p) => p.text).join(" ");
    expect(side(["same", "del"])).toBe(a.match(/\d+(?:[.,]\d+)*|[A-Za-z]+(?:'[a-z]+)?|\\[A-Za-z]+|[^\sA-Za-z\d]/g)!.join(" "));
    expect(side(["same", "add"])).toBe(b.match(/\d+(?:[.,]\d+)*|[A-Za-z]+(?:'[a-z]+)?|\\[A-Za-z]+|[^\sA-Za-z\d]/g)!.join(" "));
    expect(d.find((p) => p.text === "1,000")).toEqual({ op: "same", text: "1,000", kind: "number" });
  });

  it("does not mark sentence starters as names", () => {
    expect(wordDiff("If so", "When so")[0]).toEqual({ op: "del", text: "If" });
  });
});
