// The rows a retrieval run stores for one synthesized problem: the lexical top-k (ranks 1..k, in
// score order) and, when an embeddings endpoint is used, the embedding top-k beside them. A pair
// both retrievers found is one row with both scores; a pair only the embeddings found comes after
// the lexical ones with lexical score 0 and says so in its evidence. Pure.
import type { Candidate } from "@/lib/decontamination/retrieve";

export interface EmbeddingHit {
  benchmarkId: number;
  setName: string;
  key: string;
  score: number;
}

export interface CandidateEvidence {
  sharedNgrams: string[];
  sharedNumbers: string[];
  /** Per-view lexical cosines (text, skeleton, numbers); empty for embedding-only pairs. */
  views: Record<string, number>;
  exactKind?: "verbatim" | "normalized";
  /** Which retrievers put the pair in their top-k. */
  retrievedBy: ("lexical" | "embedding")[];
}

export interface CandidateRow {
  benchmarkId: number;
  setName: string;
  key: string;
  rank: number;
  score: number;
  embeddingScore: number | null;
  exact: boolean;
  evidence: CandidateEvidence;
}

export function mergeCandidates(
  lexical: Candidate[],
  embedding: EmbeddingHit[] | null,
  /** Cosine for a lexical candidate the embedding top-k missed. */
  embeddingScoreOf: ((benchmarkId: number) => number) | null = null,
): CandidateRow[] {
  const byEmbedding = new Map((embedding ?? []).map((hit) => [hit.benchmarkId, hit]));
  const rows: CandidateRow[] = lexical.map((c, i) => {
    const hit = byEmbedding.get(c.benchmarkId);
    const embeddingScore = hit ? hit.score : embedding && embeddingScoreOf ? embeddingScoreOf(c.benchmarkId) : null;
    return {
      benchmarkId: c.benchmarkId,
      setName: c.setName,
      key: c.key,
      rank: i + 1,
      score: c.score,
      embeddingScore,
      exact: c.exact,
      evidence: {
        sharedNgrams: c.evidence.sharedNgrams,
        sharedNumbers: c.evidence.sharedNumbers,
        views: c.evidence.views,
        ...(c.exactKind ? { exactKind: c.exactKind } : {}),
        retrievedBy: hit ? ["lexical", "embedding"] : ["lexical"],
      },
    };
  });
  const seen = new Set(rows.map((r) => r.benchmarkId));
  for (const hit of embedding ?? []) {
    if (seen.has(hit.benchmarkId)) continue;
    seen.add(hit.benchmarkId);
    rows.push({
      benchmarkId: hit.benchmarkId,
      setName: hit.setName,
      key: hit.key,
      rank: rows.length + 1,
      score: 0,
      embeddingScore: hit.score,
      exact: false,
      evidence: { sharedNgrams: [], sharedNumbers: [], views: {}, retrievedBy: ["embedding"] },
    });
  }
  return rows;
}

