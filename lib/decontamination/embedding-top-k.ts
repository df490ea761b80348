// Cosine search over embedding vectors, for the optional second retriever (an embeddings endpoint,
// as the recipe's multi-qa-MiniLM search). Pure: vectors in, best matches out. Vectors are
// L2-normalised once into one flat Float32Array, so a query is one pass of dot products.

export interface EmbeddingMatrix {
  rows: number;
  dimensions: number;
  data: Float32Array;
}

function normalise(vector: ArrayLike<number>, into: Float32Array, offset: number): void {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i] * vector[i];
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < vector.length; i++) into[offset + i] = vector[i] * scale;
}

export function buildEmbeddingMatrix(vectors: ArrayLike<number>[]): EmbeddingMatrix {
  const dimensions = vectors[0]?.length ?? 0;
  const data = new Float32Array(vectors.length * dimensions);
  vectors.forEach((v, row) => {
    if (v.length !== dimensions) throw new RangeError(`embedding ${row} has ${v.length} dimensions, expected ${dimensions}`);
    normalise(v, data, row * dimensions);
  });
  return { rows: vectors.length, dimensions, data };
}

/** Cosine of the query with every row; the k best as { row, score } (score rounded to 4 places). */
export function embeddingTopK(matrix: EmbeddingMatrix, query: ArrayLike<number>, k: number): { row: number; score: number }[] {
  if (query.length !== matrix.dimensions) throw new RangeError(`query has ${query.length} dimensions, the benchmark embeddings ${matrix.dimensions}`);
  const q = new Float32Array(matrix.dimensions);
  normalise(query, q, 0);
  const best: { row: number; score: number }[] = [];
  for (let row = 0; row < matrix.rows; row++) {
    let dot = 0;
    const base = row * matrix.dimensions;
    for (let i = 0; i < matrix.dimensions; i++) dot += q[i] * matrix.data[base + i];
    if (best.length < k || dot > best[best.length - 1].score) {
      best.push({ row, score: dot });
      best.sort((a, b) => b.score - a.score || a.row - b.row);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => ({ row: b.row, score: Math.round(Math.max(-1, Math.min(1, b.score)) * 1e4) / 1e4 }));
}

/** The cosine of one query with one row (for a lexical candidate outside the embedding top-k). */
export function embeddingCosine(matrix: EmbeddingMatrix, query: ArrayLike<number>, row: number): number {
  let dot = 0;
  let norm = 0;
  const base = row * matrix.dimensions;
  for (let i = 0; i < matrix.dimensions; i++) {
    dot += query[i] * matrix.data[base + i];
    norm += query[i] * query[i];
  }
  return norm > 0 ? Math.round(Math.max(-1, Math.min(1, dot / Math.sqrt(norm))) * 1e4) / 1e4 : 0;
}
