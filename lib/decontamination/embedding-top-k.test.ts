import { describe, expect, it } from "vitest";
import { buildEmbeddingMatrix, embeddingCosine, embeddingTopK } from "@/lib/decontamination/embedding-top-k";

describe("embeddingTopK", () => {
  const matrix = buildEmbeddingMatrix([
    [1, 0, 0],
    [0, 2, 0],
    [1, 1, 0],
    [0, 0, -3],
  ]);

  it("ranks rows by cosine, whatever their length", () => {
    expect(embeddingTopK(matrix, [0, 5, 0], 2)).toEqual([
      { row: 1, score: 1 },
      { row: 2, score: Math.round(Math.SQRT1_2 * 1e4) / 1e4 },
    ]);
    expect(embeddingTopK(matrix, [0, 0, 1], 1)).toEqual([{ row: 0, score: 0 }]);
  });

  it("gives the cosine of one pair", () => {
    expect(embeddingCosine(matrix, [1, 1, 0], 2)).toBeCloseTo(1, 4);
    expect(embeddingCosine(matrix, [0, 0, 1], 3)).toBeCloseTo(-1, 4);
  });

  it("refuses vectors of another dimension", () => {
    expect(() => embeddingTopK(matrix, [1, 0], 1)).toThrow(/2 dimensions/);
    expect(() => buildEmbeddingMatrix([[1, 0], [1]])).toThrow(/embedding 1 has 1 dimensions, expected 2/);
  });
});
