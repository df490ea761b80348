// Majority-vote labels (recipe section 3), inside a flush transaction. A problem is labelled
// when none of its requests in this batch is pending or in flight any more; the vote runs over
// equivalence classes of extracted answers (voteAnswers), ties to the first seen. The label and
// the votes go on the problem; each solution is then graded against the label. The seed's answer
// is never looked at: only this batch's samples vote. Re-labelling (after retry-failed) moves
// the counters by the difference, so they stay exact.
import type pg from "pg";
import { agreementBucket, type StatsDelta } from "@/lib/generation/batches/batch-stats";
import { voteAnswers } from "@/lib/grading/vote";

export interface LabelOutcome {
  graded: number;
  correct: number;
  labels: NonNullable<StatsDelta["labels"]>;
}

export async function labelSettledProblems(client: pg.PoolClient, batchId: number, problemIds: number[]): Promise<LabelOutcome> {
  const outcome: LabelOutcome = { graded: 0, correct: 0, labels: { labelled: 0, noVotes: 0, agreementSum: 0, histogram: Array(10).fill(0) } };
  if (problemIds.length === 0) return outcome;
  const settled = await client.query<{ problem_id: number }>(
    `SELECT problem_id FROM batch_requests WHERE batch_id = $1 AND problem_id = ANY($2::int[])
     GROUP BY problem_id HAVING count(*) FILTER (WHERE state IN ('pending', 'in_flight')) = 0`,
    [batchId, problemIds],
  );
  const ready = settled.rows.map((r) => r.problem_id);
  if (ready.length === 0) return outcome;
  const [samples, problems] = await Promise.all([
    client.query<{ id: number; problem_id: number; extracted_answer: string | null; verdict: string }>(
      `SELECT id, problem_id, extracted_answer, verdict::text FROM samples WHERE batch_id = $1 AND problem_id = ANY($2::int[]) ORDER BY problem_id, sample_index`,
      [batchId, ready],
    ),
    client.query<{ id: number; gold_source: string; agreement: number | null }>(`SELECT id, gold_source::text, agreement FROM problems WHERE id = ANY($1::int[])`, [ready]),
  ]);
  const previous = new Map(problems.rows.map((p) => [p.id, p]));
  const byProblem = new Map<number, typeof samples.rows>();
  for (const row of samples.rows) {
    const list = byProblem.get(row.problem_id) ?? [];
    list.push(row);
    byProblem.set(row.problem_id, list);
  }
  const sampleUpdates = { ids: [] as number[], verdicts: [] as string[], reasons: [] as string[] };
  const problemUpdates = { ids: [] as number[], gold: [] as (string | null)[], majority: [] as number[], total: [] as number[], agreement: [] as (number | null)[], correctDelta: [] as number[] };
  for (const problemId of ready) {
    const rows = byProblem.get(problemId) ?? [];
    const vote = voteAnswers(rows.map((r) => r.extracted_answer));
    const winners = new Set((vote.classes[0]?.members ?? []).map((index) => rows[index]?.id));
    let correctDelta = 0;
    rows.forEach((row) => {
      const next = row.extracted_answer === null ? "no_answer" : winners.has(row.id) ? "equal" : "not_equal";
      if (next === row.verdict) return;
      if (row.verdict === "ungraded") outcome.graded++;
      correctDelta += (next === "equal" ? 1 : 0) - (row.verdict === "equal" ? 1 : 0);
      sampleUpdates.ids.push(row.id);
      sampleUpdates.verdicts.push(next);
      sampleUpdates.reasons.push(
        next === "equal"
          ? `agrees with the majority answer ${JSON.stringify(vote.winner)} (${vote.winnerVotes} of ${vote.totalVotes} votes)`
          : next === "not_equal"
            ? `differs from the majority answer ${JSON.stringify(vote.winner)} (${vote.winnerVotes} of ${vote.totalVotes} votes)`
            : "no boxed answer to vote with",
      );
    });
    outcome.correct += correctDelta;
    problemUpdates.ids.push(problemId);
    problemUpdates.gold.push(vote.winner);
    problemUpdates.majority.push(vote.winnerVotes);
    problemUpdates.total.push(vote.totalVotes);
    problemUpdates.agreement.push(vote.totalVotes > 0 ? vote.agreement : null);
    problemUpdates.correctDelta.push(correctDelta);
    const before = previous.get(problemId);
    if (before?.gold_source === "majority_vote" && before.agreement !== null) {
      outcome.labels.labelled--;
      outcome.labels.agreementSum -= before.agreement;
      outcome.labels.histogram[agreementBucket(before.agreement)]--;
    }
    if (vote.totalVotes === 0) outcome.labels.noVotes++;
    else {
      outcome.labels.labelled++;
      outcome.labels.agreementSum += vote.agreement;
      outcome.labels.histogram[agreementBucket(vote.agreement)]++;
    }
  }
  if (sampleUpdates.ids.length) {
    await client.query(
      `UPDATE samples s SET verdict = d.v::"Verdict", verdict_rule = 'majority-vote', verdict_reason = d.reason, graded_at = now()
       FROM unnest($1::int[], $2::text[], $3::text[]) AS d(id, v, reason) WHERE s.id = d.id`,
      [sampleUpdates.ids, sampleUpdates.verdicts, sampleUpdates.reasons],
    );
  }
  await client.query(
    `UPDATE problems p SET gold_answer = d.gold, gold_source = (CASE WHEN d.gold IS NULL THEN 'none' ELSE 'majority_vote' END)::"GoldSource",
       majority_votes = d.majority, total_votes = d.total, agreement = d.agreement, correct_count = p.correct_count + d.delta
     FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::float8[], $6::int[]) AS d(id, gold, majority, total, agreement, delta)
     WHERE p.id = d.id`,
    [problemUpdates.ids, problemUpdates.gold, problemUpdates.majority, problemUpdates.total, problemUpdates.agreement, problemUpdates.correctDelta],
  );
  return outcome;
}
