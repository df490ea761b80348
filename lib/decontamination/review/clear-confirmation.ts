// Clearing a problem that copies a benchmark problem is the one decision that lets contamination
// into the exported data, so it is asked twice: once by the key or button, once to confirm. Pure:
// the review page (client) and decideProblem (server) apply the same rule.

/** A pair at or above this score, or an exact match, is a (near-)copy: clearing it is confirmed. */
export const CONFIRM_CLEAR_SCORE = 0.95;

export interface PairForConfirmation {
  exact: boolean;
  score: number;
  benchmarkSet: string;
  benchmarkKey: string;
}

/** The closest pair that makes clearing need a confirmation, or null. */
export function pairNeedingClearConfirmation<P extends PairForConfirmation>(pairs: readonly P[]): P | null {
  let best: P | null = null;
  for (const p of pairs) {
    if (!p.exact && !(p.score >= CONFIRM_CLEAR_SCORE)) continue;
    if (!best || Number(p.exact) - Number(best.exact) > 0 || (p.exact === best.exact && p.score > best.score)) best = p;
  }
  return best;
}

/** What the confirmation says about the pair. */
export function describeNearCopy(pair: PairForConfirmation): string {
  return `${pair.exact ? "an exact match" : "a near-exact match"} with ${pair.benchmarkSet}/${pair.benchmarkKey} (score ${pair.score.toFixed(2)})`;
}
