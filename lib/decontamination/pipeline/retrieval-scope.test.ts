import { describe, expect, it } from "vitest";
import { type RetrievalScope, sameSets, scopeDifference } from "@/lib/decontamination/pipeline/retrieval-scope";

const now: RetrievalScope = { against: ["gsm8k-test", "math-test"], topK: 5, threshold: 0.5, embeddingEndpoint: null, embeddingThreshold: null, benchmark: { count: 12_000, maxId: 40_000 } };

describe("scopeDifference", () => {
  it("lets a run continue after one with the same scope, whatever the order of the benchmark sets", () => {
    expect(scopeDifference({ ...now, lastId: 99 }, now)).toBeNull();
    expect(sameSets(["math-test", "gsm8k-test"], now.against)).toBe(true);
    expect(sameSets(["math-test"], now.against)).toBe(false);
    expect(sameSets(["math-test", "math-test"], now.against)).toBe(false);
  });

  it("says why a run cannot be continued: older result, changed benchmarks, other settings", () => {
    expect(scopeDifference({ ...now }, now)).toBe("it predates incremental retrieval");
    expect(scopeDifference({ ...now, lastId: null }, now)).toBe("it predates incremental retrieval");
    expect(scopeDifference({ ...now, lastId: 9, benchmark: { count: 11_999, maxId: 40_000 } }, now)).toBe("the benchmark sets changed since");
    expect(scopeDifference({ ...now, lastId: 9, benchmark: { count: 12_000, maxId: 40_001 } }, now)).toBe("the benchmark sets changed since");
    expect(scopeDifference({ ...now, lastId: 9, topK: 10 }, now)).toBe("it kept the top 10, not 5");
    expect(scopeDifference({ ...now, lastId: 9, threshold: 0.4 }, now)).toBe("its threshold was 0.4, not 0.5");
    expect(scopeDifference({ ...now, lastId: 9, embeddingEndpoint: "mini-lm", embeddingThreshold: 0.9 }, now)).toBe("it used other embedding settings");
    const withEmbeddings = { ...now, embeddingEndpoint: "mini-lm", embeddingThreshold: 0.9 };
    expect(scopeDifference({ ...withEmbeddings, lastId: 9, embeddingThreshold: 0.8 }, withEmbeddings)).toBe("it used other embedding settings");
    expect(scopeDifference({ ...withEmbeddings, lastId: 9 }, withEmbeddings)).toBeNull();
  });
});
