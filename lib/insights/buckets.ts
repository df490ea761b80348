// Bucket edges of the insight histograms. The SQL functions boxed_len_bucket, boxed_tok_bucket and
// boxed_agreement_bucket (migration insight_aggregates) compute the same lower bounds inside the
// triggers; tests/integration/insights/aggregates.int.test.ts checks that they agree. Changing an
// edge needs a migration that redefines the SQL function and rebuilds sample_stats.

/** Lower bounds of the solution-length buckets, in characters (the last is open-ended). */
export const LENGTH_EDGES = [0, 250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 15000, 20000] as const;
/** Lower bounds of the token-count buckets (the last is open-ended); -1 stands for "not counted". */
export const TOKEN_EDGES = [0, 64, 128, 192, 256, 320, 384, 512, 640, 768, 1024, 1536, 2048, 3072, 4096, 8192] as const;
export const NO_TOKEN_COUNT = -1;

export interface IntRange {
  min: number;
  /** Inclusive; null for the last, open-ended bucket. */
  max: number | null;
}

/** The lower bound of the bucket holding `value` (values below the first edge go to the first). */
export function bucketOf(edges: readonly number[], value: number): number {
  let lower = edges[0];
  for (const edge of edges) if (value >= edge) lower = edge;
  return lower;
}

/** The whole numbers a bucket holds, given its lower bound: [lower, next edge - 1]. */
export function bucketRange(edges: readonly number[], lower: number): IntRange {
  const next = edges.find((edge) => edge > lower);
  return { min: lower, max: next === undefined ? null : next - 1 };
}

export function bucketLabel(edges: readonly number[], lower: number): string {
  const { min, max } = bucketRange(edges, lower);
  const short = (n: number) => (n >= 1000 ? `${Number((n / 1000).toFixed(2))}k` : String(n));
  return max === null ? `${short(min)}+` : `${short(min)}–${short(max + 1)}`;
}

/** Agreement buckets: tenths 0..9 hold [b/10, (b+1)/10), 10 holds exactly 1 (unanimous). */
export const AGREEMENT_BUCKETS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function agreementBucketOf(agreement: number): number {
  if (agreement >= 1) return 10;
  return Math.min(9, Math.max(0, Math.floor(agreement * 10 + 1e-9)));
}

/**
 * The agreement range of a bucket as the solutions browser filters it (both ends inclusive):
 * the upper end stops just short of the next tenth so neighbouring bars never share a problem
 * (agreements are votes / total with totals far below 10,000).
 */
export function agreementBucketRange(bucket: number): { min: number; max: number } {
  if (bucket >= 10) return { min: 1, max: 1 };
  return { min: bucket / 10, max: Number(((bucket + 1) / 10 - 0.0001).toFixed(4)) };
}

export function agreementBucketLabel(bucket: number): string {
  return bucket >= 10 ? "100%" : `${bucket * 10}–${bucket * 10 + 10}%`;
}
