import { describe, expect, it } from "vitest";
import { createRng } from "@/lib/decontamination/eval/prng";
import {
  changeNumbers,
  changeOneNumber,
  detectNames,
  enlargeNumbers,
  FAMILY_IMITATES,
  HELD_OUT_FAMILIES,
  insertDistractor,
  lexicalDrift,
  questionFirst,
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

describe("families imitating published variant sets", () => {
  const text =
    "Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins with 4. She sells the rest for $2 each. How much does she make every day?";

  it("lexical drift rewords words but keeps numbers, number words and names", () => {
    const out = lexicalDrift(0.9)(text, createRng(3));
    expect(out).not.toBe(text);
    for (const kept of ["Janet", "16", "three", "4", "$2"]) expect(out).toContain(kept);
  });

  it("lexical drift leaves figure code alone", () => {
    const fig = "Find the area. [asy] draw((0,0)--(1,1)); label(\"A\", (0,0)); [/asy]";
    expect(lexicalDrift(1)(fig, createRng(1))).toContain("[asy] draw((0,0)--(1,1)); label(\"A\", (0,0)); [/asy]");
  });

  it("a distractor goes before the question and the question stays last", () => {
    const out = insertDistractor(text, createRng(2));
    expect(out.endsWith("How much does she make every day?")).toBe(true);
    expect(out.length).toBeGreaterThan(text.length + 20);
    expect(out.startsWith("Janet's ducks lay 16 eggs per day.")).toBe(true);
  });

  it("number substitution changes exactly one number; harder numbers lengthen every number above 1", () => {
    const nums = (s: string) => s.match(/\d+(\.\d+)?/g) ?? [];
    const one = changeOneNumber(text, createRng(4));
    const diff = nums(one).filter((n, i) => n !== nums(text)[i]);
    expect(diff).toHaveLength(1);
    const harder = enlargeNumbers(text, createRng(4));
    const before = nums(text);
    for (const [i, n] of nums(harder).entries()) expect(n.length).toBeGreaterThan(before[i].length);
  });

  it("question first moves the asking sentence to the front", () => {
    expect(questionFirst(text, createRng(1)).startsWith("How much does she make every day?")).toBe(true);
  });

  it("keeps held-out families out of the fit list and names what each family imitates", () => {
    for (const f of HELD_OUT_FAMILIES) expect(REWRITE_FAMILY_NAMES).toContain(f);
    for (const f of REWRITE_FAMILY_NAMES) expect(FAMILY_IMITATES[f]).toBeTruthy();
  });
});
