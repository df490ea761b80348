// The flush: stores a runner's buffered results atomically. The request's move from in_flight to
// done (or back to pending / to failed) gates every write: a result whose request is no longer in
// flight (another worker finished it after this one's lease ran out) writes nothing. Samples also
// carry the unique (batch_id, problem_id, sample_index, set_id) with ON CONFLICT DO NOTHING. So a crash
// before the commit loses nothing that was reported stored, a crash after it duplicates nothing,
// and the counters (batch, problems, problem sets) move in the same transaction as the rows.
//
// Solutions batches (the bulk of the work) flush in ONE statement: data-modifying CTEs do the
// transitions, the sample insert, and every counter, so a flush is one round trip in autocommit.
// Label batches add the majority vote in the same transaction (problems locked by id first);
// problem and judge batches write their rows in a short transaction of a few statements.
// The display tallies (generation_batches.stats) are returned, not written: the runner merges
// them at most once a second (store-batch-stats.ts), off the hot path.
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import type { StatsDelta } from "@/lib/generation/batches/batch-stats";
import { finalStateSql } from "@/lib/generation/batches/final-state";
import { parseJudgeAnswer } from "@/lib/generation/prompts/parse-judge-answer";
import { parseNewProblem } from "@/lib/generation/prompts/parse-new-problem";
import { judgeOrder } from "@/lib/generation/worker/build-request";
import { inTransaction } from "@/lib/generation/worker/in-transaction";
import { labelSettledProblems } from "@/lib/generation/worker/label-problems";
import type { BatchSettings } from "@/lib/generation/worker/load-batch-context";
import type { FailureItem, ResultItem, SuccessItem } from "@/lib/generation/worker/result-item";
import { FILTER_INPUTS_VERSION, type SolutionFilterInputs, solutionFilterInputs } from "@/lib/grading/filters/filter-inputs";

/** Every request settled: failed when none succeeded (see final-state.ts). */
const FINAL_STATE = finalStateSql("g.done_count + c.landed", "g.failed_count + c.final_failed");

export interface FlushOutcome {
  landed: number;
  failed: number;
  retried: number;
  /** The batch state after the flush (completed when this flush settled the last request). */
  state: string;
  /** Display tallies of this flush, for the caller to store (storeBatchStats). */
  stats: StatsDelta;
}

type Db = Pick<pg.PoolClient, "query">;

// PostgreSQL text cannot hold NUL; a model can emit one.
const clean = (text: string) => (text.includes("\u0000") ? text.replaceAll("\u0000", "") : text);
const augmentedSource = (source: string) => (source.startsWith("augmented_") ? source : `augmented_${source}`);

const TRANSITIONS = `
  done AS (
    UPDATE batch_requests SET state = 'done', lease_until = NULL, not_before = NULL, updated_at = now()
    WHERE id = ANY($1::int[]) AND state = 'in_flight' RETURNING id
  ), failed AS (
    UPDATE batch_requests r SET state = (CASE WHEN f.final THEN 'failed' ELSE 'pending' END)::"RequestState",
      not_before = CASE WHEN f.final THEN NULL ELSE now() + f.delay * interval '1 millisecond' END,
      error_kind = f.kind, last_error = f.message, lease_until = NULL, updated_at = now()
    FROM unnest($2::int[], $3::bool[], $4::int[], $5::text[], $6::text[]) AS f(id, final, delay, kind, message)
    WHERE r.id = f.id AND r.state = 'in_flight' RETURNING r.id, r.state::text AS state
  )`;

function transitionParams(successes: SuccessItem[], failures: FailureItem[]): unknown[] {
  return [
    successes.map((i) => i.request.id),
    failures.map((i) => i.request.id),
    failures.map((i) => i.final),
    failures.map((i) => Math.round(i.retryInMs)),
    failures.map((i) => i.error.kind),
    failures.map((i) => clean(i.error.message).slice(0, 2000)),
  ];
}

interface Transitioned {
  state: string;
  done_ids: number[];
  failed: { id: number; state: string }[];
}

/** Solutions and label samples: transitions, sample insert and all counters in one statement. */
async function insertSamples(db: Db, ctx: BatchSettings, successes: SuccessItem[], failures: FailureItem[]): Promise<Transitioned> {
  const col = <T>(pick: (i: SuccessItem) => T) => successes.map(pick);
  // The export filters' inputs, computed once as the sample lands (issue #21): the export then
  // decides every default filter in SQL. Of the text as stored (NUL removed).
  // Should a check ever throw, the row is stored without them (filter_version null) and an export
  // decides it from its text: a flush never fails on a filter.
  const inputs = successes.map((i) => {
    try {
      return solutionFilterInputs(i.request.problemText, clean(i.text));
    } catch {
      return null;
    }
  });
  const input = <T>(pick: (f: SolutionFilterInputs) => T) => inputs.map((f) => (f ? pick(f) : null));
  const { rows } = await db.query<Transitioned>(
    `WITH ${TRANSITIONS},
     d AS (
       SELECT * FROM unnest($9::int[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],
                            $19::int[], $20::int[], $21::int[], $22::int[], $23::int[], $24::int[], $26::int[], $27::int[], $28::int[], $29::int[], $30::text[])
         AS d(request_id, problem_id, sample_index, text, extracted, answer_key, verdict, rule, reason, finish, pt, ct, chars, boxed, latency, seed,
              trimmed_chars, trimmed_length, trimmed_tokens, problem_tokens, arithmetic)
       WHERE d.request_id IN (SELECT id FROM done)
     ), ins AS (
       INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, model, extracted_answer, answer_key, verdict, verdict_rule, verdict_reason,
                            finish_reason, prompt_tokens, completion_tokens, char_length, boxed_count, latency_ms, seed, graded_at, provenance,
                            filter_version, trimmed_chars, trimmed_length, trimmed_tokens, problem_tokens, arithmetic_error)
       SELECT d.problem_id, $8, $7, d.sample_index, d.text, $25, d.extracted, d.answer_key, d.verdict::"Verdict", d.rule, d.reason,
              d.finish, d.pt, d.ct, d.chars, d.boxed, d.latency, d.seed, CASE WHEN d.verdict = 'ungraded' THEN NULL ELSE now() END, 'generated',
              CASE WHEN d.trimmed_length IS NOT NULL THEN ${FILTER_INPUTS_VERSION} END, d.trimmed_chars, d.trimmed_length, d.trimmed_tokens, d.problem_tokens, d.arithmetic
       FROM d
       ON CONFLICT (batch_id, problem_id, sample_index, set_id) DO NOTHING
       RETURNING problem_id, verdict
     ), agg AS (
       SELECT problem_id, count(*)::int AS n, (count(*) FILTER (WHERE verdict = 'equal'))::int AS c, (count(*) FILTER (WHERE verdict <> 'ungraded'))::int AS g
       FROM ins GROUP BY problem_id
     ), problem_counts AS (
       UPDATE problems p SET sample_count = p.sample_count + agg.n, correct_count = p.correct_count + agg.c FROM agg WHERE p.id = agg.problem_id RETURNING 1
     ), totals AS (
       SELECT coalesce(sum(n), 0)::int AS inserted, coalesce(sum(c), 0)::int AS correct, coalesce(sum(g), 0)::int AS graded FROM agg
     ), counts AS (
       SELECT (SELECT count(*) FROM done)::int AS landed, (SELECT count(*) FROM failed WHERE state = 'failed')::int AS final_failed,
              (SELECT coalesce(sum(pt), 0) FROM d)::bigint AS pt, (SELECT coalesce(sum(ct), 0) FROM d)::bigint AS ct
     ), batch AS (
       UPDATE generation_batches g SET done_count = g.done_count + c.landed, failed_count = g.failed_count + c.final_failed, correct_count = g.correct_count + t.correct,
         prompt_tokens = g.prompt_tokens + c.pt, completion_tokens = g.completion_tokens + c.ct,
         state = CASE WHEN g.state IN ('queued', 'running') AND g.done_count + c.landed + g.failed_count + c.final_failed >= g.request_count THEN ${FINAL_STATE} ELSE g.state END,
         finished_at = CASE WHEN g.state IN ('queued', 'running') AND g.done_count + c.landed + g.failed_count + c.final_failed >= g.request_count THEN now() ELSE g.finished_at END
       FROM counts c, totals t WHERE g.id = $7 RETURNING g.state::text AS state
     ), set_counts AS (
       UPDATE problem_sets s SET sample_count = s.sample_count + t.inserted, graded_count = s.graded_count + t.graded, correct_count = s.correct_count + t.correct
       FROM totals t WHERE s.id = $8 AND t.inserted > 0 RETURNING 1
     )
     SELECT (SELECT state FROM batch) AS state, (SELECT coalesce(array_agg(id), '{}') FROM done) AS done_ids,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'state', state)), '[]') FROM failed) AS failed,
            (SELECT count(*) FROM problem_counts) + (SELECT count(*) FROM set_counts) AS touched`,
    [
      ...transitionParams(successes, failures),
      ctx.id,
      ctx.setId,
      col((i) => i.request.id),
      col((i) => i.request.problemId),
      col((i) => i.request.sampleIndex),
      col((i) => clean(i.text)),
      col((i) => (i.grade?.extractedAnswer == null ? null : clean(i.grade.extractedAnswer))),
      col((i) => (i.grade?.answerKey == null ? null : clean(i.grade.answerKey))),
      col((i) => i.grade?.verdict ?? "ungraded"),
      col((i) => i.grade?.verdictRule ?? null),
      col((i) => (i.grade?.verdictReason == null ? null : clean(i.grade.verdictReason))),
      col((i) => i.finishReason),
      col((i) => i.promptTokens),
      col((i) => i.completionTokens),
      col((i) => i.grade?.charLength ?? i.text.length),
      successes.map((i, n) => inputs[n]?.boxedCount ?? i.grade?.boxedCount ?? 0),
      col((i) => Math.round(i.latencyMs)),
      col((i) => ctx.seedBase + i.request.sampleIndex),
      ctx.model,
      input((f) => f.trimmedChars),
      input((f) => f.trimmedLength),
      input((f) => f.trimmedTokens),
      input((f) => f.problemTokens),
      input((f) => (f.arithmeticError === null ? null : clean(f.arithmeticError))),
    ],
  );
  return rows[0] as Transitioned;
}

/** Transitions plus the batch counters, for kinds whose rows are written separately. */
async function transitionOnly(db: Db, ctx: BatchSettings, successes: SuccessItem[], failures: FailureItem[]): Promise<Transitioned> {
  const { rows } = await db.query<Transitioned>(
    `WITH ${TRANSITIONS},
     counts AS (
       SELECT (SELECT count(*) FROM done)::int AS landed, (SELECT count(*) FROM failed WHERE state = 'failed')::int AS final_failed,
              (SELECT coalesce(sum(t.pt), 0) FROM unnest($1::int[], $8::int[], $9::int[]) AS t(id, pt, ct) WHERE t.id IN (SELECT id FROM done))::bigint AS pt,
              (SELECT coalesce(sum(t.ct), 0) FROM unnest($1::int[], $8::int[], $9::int[]) AS t(id, pt, ct) WHERE t.id IN (SELECT id FROM done))::bigint AS ct
     ), batch AS (
       UPDATE generation_batches g SET done_count = g.done_count + c.landed, failed_count = g.failed_count + c.final_failed,
         prompt_tokens = g.prompt_tokens + c.pt, completion_tokens = g.completion_tokens + c.ct,
         state = CASE WHEN g.state IN ('queued', 'running') AND g.done_count + c.landed + g.failed_count + c.final_failed >= g.request_count THEN ${FINAL_STATE} ELSE g.state END,
         finished_at = CASE WHEN g.state IN ('queued', 'running') AND g.done_count + c.landed + g.failed_count + c.final_failed >= g.request_count THEN now() ELSE g.finished_at END
       FROM counts c WHERE g.id = $7 RETURNING g.state::text AS state
     )
     SELECT (SELECT state FROM batch) AS state, (SELECT coalesce(array_agg(id), '{}') FROM done) AS done_ids,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'state', state)), '[]') FROM failed) AS failed`,
    [...transitionParams(successes, failures), ctx.id, successes.map((i) => i.promptTokens), successes.map((i) => i.completionTokens)],
  );
  return rows[0] as Transitioned;
}

async function writeNewProblems(db: Db, ctx: BatchSettings, landed: SuccessItem[]): Promise<StatsDelta> {
  const rejected: Record<string, number> = {};
  const rows: { text: string; hash: string; key: string; source: string; parent: number }[] = [];
  for (const item of landed) {
    const parsed = parseNewProblem(clean(item.text), { original: item.request.problemText, finishReason: item.finishReason });
    if (!parsed.ok) {
      rejected[parsed.reason] = (rejected[parsed.reason] ?? 0) + 1;
      continue;
    }
    rows.push({
      text: parsed.problem,
      hash: problemHash(parsed.problem),
      key: `batch-${ctx.id}:${item.request.problemId}:${item.request.sampleIndex}`,
      source: augmentedSource(item.request.source),
      parent: item.request.problemId,
    });
  }
  let created = 0;
  if (rows.length && ctx.targetSetId !== null) {
    const result = await db.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO problems (set_id, text, text_hash, source_key, source, parent_id, created_by_batch_id, gold_source)
         SELECT $1, d.text, d.hash, d.key, d.source, d.parent, $2, 'none' FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS d(text, hash, key, source, parent)
         ON CONFLICT (set_id, text_hash) DO NOTHING RETURNING 1
       ), n AS (SELECT count(*)::int AS n FROM ins), counted AS (
         UPDATE problem_sets s SET problem_count = s.problem_count + n.n FROM n WHERE s.id = $1 AND n.n > 0 RETURNING 1
       ) SELECT n.n, (SELECT count(*) FROM counted) AS touched FROM n`,
      [ctx.targetSetId, ctx.id, rows.map((r) => r.text), rows.map((r) => r.hash), rows.map((r) => r.key), rows.map((r) => r.source), rows.map((r) => r.parent)],
    );
    created = result.rows[0]?.n ?? 0;
  }
  return { problems: { created, duplicate: rows.length - created, rejected } };
}

const JUDGE_VALUE = { true: "said_true", false: "said_false", failed: "failed" } as const;

async function writeJudgeAnswers(db: Db, ctx: BatchSettings, landed: SuccessItem[], finalFailures: FailureItem[]): Promise<StatsDelta> {
  const tally = { true: 0, false: 0, failed: 0 };
  const byCandidate = new Map<number, { fwd: string | null; bwd: string | null; raw: Record<string, unknown> }>();
  const record = (candidateId: number | null, sampleIndex: number, verdict: "true" | "false" | "failed", raw: Record<string, unknown>) => {
    if (candidateId === null) return;
    tally[verdict]++;
    const entry = byCandidate.get(candidateId) ?? { fwd: null, bwd: null, raw: {} };
    const forward = judgeOrder(sampleIndex) === 0;
    if (forward) entry.fwd = JUDGE_VALUE[verdict];
    else entry.bwd = JUDGE_VALUE[verdict];
    entry.raw[forward ? "forward" : "backward"] = { ...raw, batchId: ctx.id };
    byCandidate.set(candidateId, entry);
  };
  for (const item of landed) {
    const parsed = parseJudgeAnswer(item.text);
    record(item.request.candidateId, item.request.sampleIndex, parsed.verdict, { text: clean(item.text).slice(0, 2000), ...(parsed.verdict === "failed" ? { why: parsed.why } : {}) });
  }
  // No reply after every retry is a judge failure too: it goes to a person, never counts as clean.
  for (const item of finalFailures) {
    record(item.request.candidateId, item.request.sampleIndex, "failed", { text: null, why: `no reply: ${item.error.kind}: ${item.error.message}`.slice(0, 2000) });
  }
  const ids = [...byCandidate.keys()].sort((a, b) => a - b);
  if (ids.length) {
    await db.query(
      `UPDATE contamination_candidates c SET judge_forward = coalesce(d.fwd::"JudgeAnswer", c.judge_forward), judge_backward = coalesce(d.bwd::"JudgeAnswer", c.judge_backward),
         judge_raw = coalesce(c.judge_raw, '{}'::jsonb) || d.raw::jsonb, judge_batch_id = $1
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS d(id, fwd, bwd, raw) WHERE c.id = d.id`,
      [ctx.id, ids, ids.map((id) => byCandidate.get(id)?.fwd ?? null), ids.map((id) => byCandidate.get(id)?.bwd ?? null), ids.map((id) => JSON.stringify(byCandidate.get(id)?.raw ?? {}))],
    );
  }
  return { judge: tally };
}

async function writeWith(db: Db, ctx: BatchSettings, successes: SuccessItem[], failures: FailureItem[]): Promise<FlushOutcome> {
  let moved: Transitioned;
  let kindStats: StatsDelta = {};
  if (ctx.kind === "solutions" || ctx.kind === "label") {
    if (ctx.kind === "label") {
      // The vote below must see every sample of a problem: lock the problems first (by id, the
      // same order in every flush), so the last two results of a problem cannot both miss each other.
      const touched = [...new Set(items(successes, failures).map((i) => i.request.problemId))].sort((a, b) => a - b);
      if (touched.length) await db.query(`SELECT id FROM problems WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [touched]);
    }
    moved = await insertSamples(db, ctx, successes, failures);
  } else {
    moved = await transitionOnly(db, ctx, successes, failures);
  }
  const doneIds = new Set(moved.done_ids);
  const landed = successes.filter((i) => doneIds.has(i.request.id));
  const movedFailures = new Map(moved.failed.map((f) => [f.id, f.state]));
  const counted = failures.filter((i) => movedFailures.has(i.request.id));
  const finalFailures = counted.filter((i) => movedFailures.get(i.request.id) === "failed");

  if (ctx.kind === "label") {
    const problems = [...new Set([...landed, ...finalFailures].map((i) => i.request.problemId))];
    const labels = await labelSettledProblems(db as pg.PoolClient, ctx.id, problems);
    kindStats.labels = labels.labels;
    if (labels.graded || labels.correct) {
      await db.query(`UPDATE generation_batches SET correct_count = correct_count + $2 WHERE id = $1`, [ctx.id, labels.correct]);
      await db.query(`UPDATE problem_sets SET graded_count = graded_count + $2, correct_count = correct_count + $3 WHERE id = $1`, [ctx.setId, labels.graded, labels.correct]);
    }
  } else if (ctx.kind === "problems") kindStats = await writeNewProblems(db, ctx, landed);
  else if (ctx.kind === "judge") kindStats = await writeJudgeAnswers(db, ctx, landed, finalFailures);

  const stats: StatsDelta = {
    ...kindStats,
    truncated: landed.filter((i) => i.finishReason === "length").length,
    noAnswer: landed.filter((i) => i.grade?.verdict === "no_answer").length,
    latencies: landed.filter((i) => i.latencyMs > 0).map((i) => Math.round(i.latencyMs)),
  };
  if (counted.length) {
    stats.errors = {};
    for (const item of counted) {
      const before = stats.errors[item.error.kind];
      stats.errors[item.error.kind] = { count: (before?.count ?? 0) + 1, message: item.error.message.slice(0, 500), at: item.at };
    }
    stats.failedFinal = {};
    for (const item of finalFailures) stats.failedFinal[item.error.kind] = (stats.failedFinal[item.error.kind] ?? 0) + 1;
  }
  return { landed: landed.length, failed: finalFailures.length, retried: counted.length - finalFailures.length, state: moved.state ?? "unknown", stats };
}

const items = (successes: SuccessItem[], failures: FailureItem[]): ResultItem[] => [...successes, ...failures];

/** In its own transaction (one statement for solutions batches), or in the caller's (`client`). */
export async function writeResults(ctx: BatchSettings, results: ResultItem[], client?: pg.PoolClient): Promise<FlushOutcome> {
  const successes = results.filter((i): i is SuccessItem => i.type === "success");
  const failures = results.filter((i): i is FailureItem => i.type === "failure");
  if (client) return writeWith(client, ctx, successes, failures);
  if (ctx.kind === "solutions") return writeWith(pool(), ctx, successes, failures);
  return inTransaction((tx) => writeWith(tx, ctx, successes, failures));
}
