// The review filter as SQL conditions on a problem row `p`. Parameters are appended to `params`
// and referenced by position, so callers can combine the fragment with their own.
import type { ReviewFilter } from "@/lib/decontamination/review/review-filter";

export interface PairThresholds {
  threshold: number;
  embeddingThreshold: number;
}

export function closePairSql(c: string, params: unknown[], t: PairThresholds): string {
  params.push(t.threshold, t.embeddingThreshold);
  return `(${c}.exact OR ${c}.score >= $${params.length - 1} OR ${c}.embedding_score >= $${params.length})`;
}

/** Conditions (joined with AND, possibly empty) for a filter's set and pair parts. */
export function reviewConditionsSql(filter: ReviewFilter, params: unknown[], t: PairThresholds): string[] {
  const out: string[] = [];
  if (filter.set) {
    params.push(filter.set);
    out.push(`p.set_id = $${params.length}`);
  }
  const scope: string[] = ["c.problem_id = p.id"];
  if (filter.benchmark) {
    params.push(filter.benchmark);
    scope.push(`c.benchmark_problem_id = $${params.length}`);
  }
  if (filter.benchmarkSet) {
    params.push(filter.benchmarkSet);
    scope.push(`EXISTS (SELECT 1 FROM problems b WHERE b.id = c.benchmark_problem_id AND b.set_id = $${params.length})`);
  }
  const pairs = (extra: string) => `EXISTS (SELECT 1 FROM contamination_candidates c WHERE ${[...scope, extra].join(" AND ")})`;
  switch (filter.pair) {
    case "any":
      if (scope.length > 1) out.push(pairs("true"));
      break;
    case "close":
      out.push(pairs(closePairSql("c", params, t)));
      break;
    case "judged":
      out.push(pairs("c.judge_forward IS NOT NULL AND c.judge_backward IS NOT NULL"));
      break;
    case "judge_failed":
      out.push(pairs("(c.judge_forward = 'failed' OR c.judge_backward = 'failed')"));
      break;
    case "machine_flagged":
      out.push(pairs("(c.exact OR c.judge_forward = 'said_true' OR c.judge_backward = 'said_true')"));
      break;
    case "judged_clean": {
      const close = closePairSql("c", params, t);
      out.push(pairs(close));
      out.push(`NOT ${pairs(`${close} AND NOT coalesce(c.judge_forward = 'said_false' AND c.judge_backward = 'said_false', false)`)}`);
      break;
    }
  }
  return out;
}
