// Deterministic "embeddings" for the decontamination retriever: a signed hashed bag of words and
// word bigrams, L2-normalised. Texts sharing many words get high cosine similarity, which is all a
// retrieval test needs; it carries no meaning beyond word overlap.
import { hashText } from "@/lib/llm-stub/deterministic-random";

export function hashedEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const features = [...words, ...words.slice(1).map((word, i) => `${words[i]} ${word}`)];
  for (const feature of features) {
    const hash = hashText(feature);
    vector[hash % dimensions] = (vector[hash % dimensions] ?? 0) + (hash & 0x80000000 ? -1 : 1);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

/** The base64 form the openai package asks for by default: little-endian float32. */
export function embeddingToBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}
