// The dimensions a review queue can be stratified by, and the SQL label of a sample's stratum
// ("set=omi2 · verdict=equal"). The label is stored on each ReviewItem, so error estimates per
// stratum need no recomputation and survive later changes to the sample.
export const STRATA_DIMENSIONS = ["set", "source", "batch", "verdict"] as const;
export type StratumDimension = (typeof STRATA_DIMENSIONS)[number];

const PART: Record<StratumDimension, string> = {
  set: "'set=' || ps.name",
  source: "'source=' || p.source",
  batch: "'batch=' || COALESCE(b.name || ' #' || b.id, 'none')",
  verdict: "'verdict=' || s.verdict",
};

/** SQL expression of the stratum label over samples s, problems p, problem_sets ps, generation_batches b. */
export function stratumExpression(dimensions: readonly StratumDimension[]): string {
  const parts = STRATA_DIMENSIONS.filter((d) => dimensions.includes(d)).map((d) => PART[d]);
  return parts.length ? `concat_ws(' · ', ${parts.join(", ")})` : "'all'";
}

/** The joins stratumExpression needs (always valid to include; cheap per row). */
export const STRATUM_JOINS = `
  JOIN problems p ON p.id = s.problem_id
  JOIN problem_sets ps ON ps.id = s.set_id
  LEFT JOIN generation_batches b ON b.id = s.batch_id`;
