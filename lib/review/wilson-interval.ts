// Wilson score interval for a binomial proportion: unlike p ± z·sqrt(p(1-p)/n) it stays inside
// [0, 1] and is honest for small n and for 0 or n successes, which is the usual case when a
// reviewed stratum has a handful of items and no grader errors.
export interface ProportionEstimate {
  successes: number;
  trials: number;
  /** successes / trials, or null when there are no trials. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export function wilsonInterval(successes: number, trials: number, z = Z95): ProportionEstimate {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 <= successes <= trials (got ${successes} of ${trials})`);
  }
  if (trials === 0) return { successes, trials, rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { successes, trials, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
