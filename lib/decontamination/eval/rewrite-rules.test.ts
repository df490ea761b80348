import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/decontamination/eval/prng";
import {
  changeNumbers,
  detectNames,
  REWRITE_FAMILY_NAMES,
  renameObjects,
  renamePeople,
  respellLatex,
  rewrite,
  swapSynonyms,
} from "@/lib/decontamination/eval/rewrite-rules";

const gsm = "Janet's ducks lay 16 eggs per day. She eats 3 for breakfast. How many eggs does Janet sell if she buys 1000 more?";
const math = "Find the value of $\\frac{x^2}{4}$ if $x \\le 6$ and $x$ is an integer.";

describe("rewrite rules", () => {
  it("are deterministic per (family, key, seed)", () => {
    for (const f of REWRITE_FAMILY_NAMES) expect(rewrite(gsm, f, "k")).toBe(rewrite(gsm, f, "k"));
    expect(rewrite(gsm, "everything", "k", 1)).not.toBe(rewrite(gsm, "everything", "k", 2));
  });

  it("renames people consistently and only people", () => {
    expect(detectNames(gsm)).toEqual(["Janet"]);
    const out = renamePeople(gsm, createRng(1));
    expect(out).not.toContain("Janet");
    const newName = /^(\w+)'s/.exec(out)![1];
    expect(out.split(newName).length - 1).toBe(2);
  });

  it("renames objects with their plural", () => {
    const out = renameObjects("An apple costs 2 dollars, so 5 apples cost 10.", createRng(3));
    expect(out).not.toMatch(/apple/i);
  });

  it("changes every number but 0 and 1, consistently, in prose and LaTeX", () => {
    const out = changeNumbers("Add 16 and 16 and 1 to $x^2$.", createRng(5));
    const [a, b, one, exp] = out.match(/\d+/g)!;
    expect(a).toBe(b);
    expect(a).not.toBe("16");
    expect(a).toHaveLength(2);
    expect(one).toBe("1");
    expect(exp).not.toBe("2");
  });

  it("respells LaTeX without touching the words", () => {
    const out = respellLatex(math, createRng(2));
    expect(out).toContain("\\dfrac");
    expect(out).toContain("\\leq");
    expect(out).toContain("^{2}");
    expect(out).toContain("Find the value of");
  });

  it("keeps synonyms out of formulas", () => {
    const out = swapSynonyms("Find $\\text{find}$ the number.", () => 0);
    expect(out).toBe("Determine $\\text{find}$ the value.");
  });
});
