import { describe, expect, it } from "vitest";
import { normalizeForExactMatch, normalizeForRetrieval } from "@/lib/decontamination/normalize";
import { tokenize } from "@/lib/decontamination/tokenize";

describe("normalizeForExactMatch (the recipe's normalisation)", () => {
  it("trims, lowercases and collapses whitespace, nothing more", () => {
    expect(normalizeForExactMatch("  What is  $1+1$?\n\nAnswer ")).toBe("what is $1+1$? answer");
    expect(normalizeForExactMatch("\\dfrac{1}{2}")).not.toBe(normalizeForExactMatch("\\frac{1}{2}"));
  });
});

describe("normalizeForRetrieval", () => {
  const tokens = (t: string) => tokenize(t).map((x) => x.text);
  const same = (a: string, b: string) => expect(tokens(a)).toEqual(tokens(b));

  it("unifies LaTeX spellings", () => {
    same("$\\dfrac{1}{2} \\leq x^{2}$", "\\(\\frac12 \\le x^2\\)".replace("12", "{1}{2}"));
    same("$a \\cdot b$", "$a \\times b$");
    same("$\\left( x \\right)$", "$(x)$");
  });

  it("unifies number formats and number words", () => {
    same("1,000 apples", "1000 apples");
    same("1{,}000 apples", "1000 apples");
    same("costs .5 dollars", "costs 0.50 dollars");
    same("three cats and twenty-five dogs", "3 cats and 25 dogs");
    same("20% off", "20 percent off");
  });

  it("keeps coordinates and decimals apart from thousands", () => {
    expect(normalizeForRetrieval("$(2,3)$")).toContain("2,3");
    expect(normalizeForRetrieval("3.14")).toBe("3.14");
  });

  it("tokenizes into stemmed words, numbers and operators", () => {
    const t = tokenize("Janet's ducks lay 16 eggs: $x^2+1$.");
    expect(t.map((x) => x.text)).toEqual(["janet", "duck", "lay", "16", "egg", "x", "^", "2", "+", "1"]);
    expect(t[0].name).toBe(true);
    expect(t[4].object).toBe(true);
    expect(t[3].kind).toBe("number");
  });
});
