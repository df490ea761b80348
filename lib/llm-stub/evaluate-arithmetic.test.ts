import { describe, expect, it } from "vitest";
import { solveArithmetic } from "@/lib/llm-stub/evaluate-arithmetic";

describe("solveArithmetic", () => {
  it("evaluates explicit arithmetic with precedence, parentheses and LaTeX operators", () => {
    expect(solveArithmetic("What is 3 + 4 \\times 5?")?.answer).toBe("23");
    expect(solveArithmetic("Compute $(12 - 2) \\div 4$.")?.answer).toBe("\\frac{5}{2}");
    expect(solveArithmetic("Calculate 1/3 + 1/6.")?.answer).toBe("\\frac{1}{2}");
    expect(solveArithmetic("Evaluate: 2 - 7")?.answer).toBe("-5");
    expect(solveArithmetic("What is 2.5 * 4?")?.answer).toBe("10");
  });

  it("declines word problems, lone numbers and division by zero", () => {
    expect(solveArithmetic("Tom has 5 apples and gets 3 more. How many does he have?")).toBeUndefined();
    expect(solveArithmetic("What is 42?")).toBeUndefined();
    expect(solveArithmetic("What is 5 / 0?")).toBeUndefined();
  });
});
