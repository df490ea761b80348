import { describe, expect, it } from "vitest";
import { extractViews, skeletonOf } from "@/lib/decontamination/views";

describe("skeletons", () => {
  const original = "Natalia sold clips to 48 of her friends in April, and then she sold half as many apples in May.";

  it("masks numbers, names and swappable objects", () => {
    expect(skeletonOf(original)).toBe("@ sold clip to # of her friend in april and then she sold half as many & in may");
  });

  it("is the same for renamed people/objects and changed numbers", () => {
    const renamed = "Priyanka sold clips to 31 of her friends in April, and then she sold half as many pears in May.";
    expect(skeletonOf(renamed)).toBe(skeletonOf(original));
  });

  it("treats sentence-initial function words as words, not names", () => {
    expect(skeletonOf("If Tom has 3 apples, how many does Tom have?")).toBe("if @ has # & how many doe @ have");
  });

  it("extracts text n-grams, skeleton n-grams and the number set", () => {
    const v = extractViews("Tom has 3 apples and 12 pears.");
    expect(v.numbers).toEqual(new Set(["n|3", "n|12", "n|3 12"]));
    expect(v.text.has("t|tom has 3")).toBe(true);
    expect(v.text.has("t|and")).toBe(false); // stopwords are not unigrams
    expect(v.skeleton.has("s|@ has #")).toBe(true);
    expect(v.signature).toBe("tom has 3 apple and 12 pear");
  });
});

describe("question view and figures", () => {
  it("holds the content words of the asking sentence, without names", () => {
    const v = extractViews("Tom has 3 apples. He buys 12 pears. How many fruits does Tom have now? Show your work.");
    expect([...v.question].sort()).toEqual(["q|fruit", "q|now"]);
  });

  it("leaves [asy] figure code out of the features but not out of the exact-match signature", () => {
    const fig = "Find the area. [asy] size(150); draw((0,0)--(4,0)); [/asy]";
    const other = "Find the area. [asy] size(90); draw((0,0)--(9,9)); [/asy]";
    expect(extractViews(fig).text).toEqual(extractViews(other).text);
    expect(extractViews(fig).signature).not.toBe(extractViews(other).signature);
  });
});
