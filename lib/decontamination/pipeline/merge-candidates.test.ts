import { describe, expect, it } from "vitest";
import { mergeCandidates } from "@/lib/decontamination/pipeline/merge-candidates";
import type { Candidate } from "@/lib/decontamination/retrieve";

const lexical = (benchmarkId: number, score: number, exact = false): Candidate => ({
  benchmarkId,
  setName: "bench",
  key: `k${benchmarkId}`,
  score,
  exact,
  ...(exact ? { exactKind: "verbatim" as const } : {}),
  evidence: { sharedNgrams: ["a b"], sharedNumbers: ["3"], views: { text: score, skeleton: score, numbers: 1 } },
});

describe("mergeCandidates", () => {
  it("keeps the lexical order as ranks, without embeddings", () => {
    const rows = mergeCandidates([lexical(7, 1, true), lexical(3, 0.5)], null);
    expect(rows.map((r) => [r.benchmarkId, r.rank, r.embeddingScore, r.exact])).toEqual([
      [7, 1, null, true],
      [3, 2, null, false],
    ]);
    expect(rows[0].evidence).toMatchObject({ exactKind: "verbatim", retrievedBy: ["lexical"], sharedNumbers: ["3"] });
  });

  it("puts the embedding score beside the lexical one and appends pairs only the embeddings found", () => {
    const rows = mergeCandidates([lexical(1, 0.6), lexical(2, 0.3)], [
      { benchmarkId: 2, setName: "bench", key: "k2", score: 0.95 },
      { benchmarkId: 9, setName: "bench", key: "k9", score: 0.9 },
    ], (id) => (id === 1 ? 0.42 : -1));
    expect(rows.map((r) => [r.benchmarkId, r.rank, r.score, r.embeddingScore, r.evidence.retrievedBy])).toEqual([
      [1, 1, 0.6, 0.42, ["lexical"]],
      [2, 2, 0.3, 0.95, ["lexical", "embedding"]],
      [9, 3, 0, 0.9, ["embedding"]],
    ]);
    expect(rows[2].evidence.views).toEqual({});
  });
});
