// What a retrieval run records about its scope, and whether a later run may continue after it
// (earlier-retrieval.ts). Pure.
/** What a run's result records so the next run can continue after it. */
export interface RetrievalScope {
  against: string[];
  topK: number;
  threshold: number;
  embeddingEndpoint: string | null;
  embeddingThreshold: number | null;
  /** The benchmark side as it was: problem count and largest id. */
  benchmark: { count: number; maxId: number };
}

export interface StoredScope extends Partial<RetrievalScope> {
  lastId?: number | null;
}

export const sameSets = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Why an earlier run cannot be continued, or null when it can. */
export function scopeDifference(earlier: StoredScope, now: RetrievalScope): string | null {
  if (earlier.lastId == null || !earlier.benchmark) return "it predates incremental retrieval";
  if (earlier.benchmark.count !== now.benchmark.count || earlier.benchmark.maxId !== now.benchmark.maxId) return "the benchmark sets changed since";
  if (earlier.topK !== now.topK) return `it kept the top ${earlier.topK}, not ${now.topK}`;
  if (earlier.threshold !== now.threshold) return `its threshold was ${earlier.threshold}, not ${now.threshold}`;
  if ((earlier.embeddingEndpoint ?? null) !== now.embeddingEndpoint || (earlier.embeddingThreshold ?? null) !== now.embeddingThreshold) return "it used other embedding settings";
  return null;
}

