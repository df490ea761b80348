// Which pairs a judge batch asks about, as SQL ($1 set id, $2 threshold, $3 embedding threshold,
// $4 at most this many problems or NULL for all): the set's retrieval pairs at or above the
// threshold that are not exact (exact ones are flagged without a judge) and not yet answered
// True/False in both orders, of problems no person has decided and not already flagged. A pair
// with a failed answer is asked again. With a limit, the first problems by id that have such a
// pair. `pos` numbers a problem's pairs, so sample_index = 2 * pos + order (0 forward, 1
// backward), as judgeOrder below reads it (judge-batch-kind.ts renders, write-judge-answers.ts lands). Every
// judge batch (boxed decontam judge, the Decontamination page, boxed batch create --kind judge,
// /batches/new) plans and previews with this one query.
/** Judge order of a request: 0 asks (problem, benchmark), 1 asks (benchmark, problem). */
export const judgeOrder = (sampleIndex: number) => sampleIndex % 2;

export const JUDGEABLE_STATUSES = ["clean", "candidate", "judge_failed"] as const;

export function judgePairsSql(): string {
  return `SELECT j.id, j.problem_id, j.pos FROM (
            SELECT c.id, c.problem_id, (row_number() OVER (PARTITION BY c.problem_id ORDER BY c.rank, c.id) - 1)::int AS pos,
                   dense_rank() OVER (ORDER BY c.problem_id) AS problem_no
            FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id
            WHERE p.set_id = $1 AND p.contamination_status IN (${JUDGEABLE_STATUSES.map((s) => `'${s}'`).join(", ")})
              AND c.exact = false AND (c.score >= $2 OR c.embedding_score >= $3)
              AND NOT coalesce(c.judge_forward IN ('said_true', 'said_false') AND c.judge_backward IN ('said_true', 'said_false'), false)
          ) j WHERE $4::int IS NULL OR j.problem_no <= $4::int`;
}
