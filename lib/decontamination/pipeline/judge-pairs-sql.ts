// Which pairs a judge batch asks about, as SQL ($1 set id, $2 threshold, $3 embedding threshold):
// the set's retrieval pairs at or above the threshold that are not exact (exact ones are flagged
// without a judge) and not yet answered True/False in both orders, of problems no person has
// decided and not already flagged. A pair with a failed answer is asked again. `pos` numbers a
// problem's pairs, so sample_index = 2 * pos + order (0 forward, 1 backward), as the generation
// worker reads it (lib/generation/worker/build-request.ts).
export const JUDGEABLE_STATUSES = ["clean", "candidate", "judge_failed"] as const;

export function judgePairsSql(): string {
  return `SELECT c.id, c.problem_id, (row_number() OVER (PARTITION BY c.problem_id ORDER BY c.rank, c.id) - 1)::int AS pos
          FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id
          WHERE p.set_id = $1 AND p.contamination_status IN (${JUDGEABLE_STATUSES.map((s) => `'${s}'`).join(", ")})
            AND c.exact = false AND (c.score >= $2 OR c.embedding_score >= $3)
            AND NOT coalesce(c.judge_forward IN ('said_true', 'said_false') AND c.judge_backward IN ('said_true', 'said_false'), false)`;
}
