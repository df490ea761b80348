// The unbiased pass@k estimator of Chen et al. (2021): with n samples of a problem of which c are
// correct, pass@k = 1 - C(n-c, k) / C(n, k), the chance that k samples drawn without replacement
// hold at least one correct one; averaged over problems. Pure.

/** pass@k of one problem; needs 1 <= k <= n and 0 <= c <= n. */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || k < 1 || k > n || c < 0 || c > n) {
    throw new RangeError(`pass@k needs whole numbers with 1 <= k <= n and 0 <= c <= n; got n=${n}, c=${c}, k=${k}`);
  }
  if (n - c < k) return 1;
  // C(n-c, k) / C(n, k) = prod_{i=n-c+1..n} (1 - k/i): a product of c factors, no huge binomials.
  let fail = 1;
  for (let i = n - c + 1; i <= n; i++) fail *= 1 - k / i;
  return 1 - fail;
}

/** Problems sharing one (samples, correct) pair: what problem_stats stores. */
export interface PassCountGroup {
  sampleCount: number;
  correctCount: number;
  problems: number;
}

export interface PassAtKPoint {
  k: number;
  /** Mean pass@k over the problems with at least k samples; null when there are none. */
  value: number | null;
  /** How many problems the mean is over. */
  problems: number;
}

/** The mean pass@k for each k, over the problems with at least k samples. */
export function passAtKCurve(groups: readonly PassCountGroup[], ks: readonly number[]): PassAtKPoint[] {
  return ks.map((k) => {
    let sum = 0;
    let problems = 0;
    for (const g of groups) {
      if (g.sampleCount < k || g.problems <= 0) continue;
      sum += g.problems * passAtK(g.sampleCount, Math.min(g.correctCount, g.sampleCount), k);
      problems += g.problems;
    }
    return { k, value: problems > 0 ? sum / problems : null, problems };
  });
}

/** 1, 2, 4, 8, ... up to the largest sample count, which is always included. */
export function curveKs(maxSamples: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= maxSamples; k *= 2) ks.push(k);
  if (maxSamples >= 1 && ks[ks.length - 1] !== maxSamples) ks.push(maxSamples);
  return ks;
}
