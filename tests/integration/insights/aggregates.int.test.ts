// Protects: the insight aggregates (sample_stats, answer_class_stats, batch_minute_stats,
// problem_stats) hold exactly what a live GROUP BY over samples and problems would return, after
// every kind of write their triggers must follow: multi-row INSERT, COPY, verdict updates (one and
// many rows), sample deletes, a problem's delete (cascade), a source change, a gold-source change
// and a whole set's delete. The first test checks a small fixture against hand-computed rows.
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { LENGTH_EDGES, TOKEN_EDGES, agreementBucketOf, bucketOf } from "@/lib/insights/buckets";

const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await pool().query(sql, values)).rows as T[];

let setA = 0;
let setB = 0;
let batch = 0;
const problem: Record<"p1" | "p2" | "p3", number> = { p1: 0, p2: 0, p3: 0 };

async function insertFixture() {
  [{ id: setA }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ('agg-seed', 'seed') RETURNING id`);
  [{ id: setB }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ('agg-synthetic', 'synthetic') RETURNING id`);
  [{ id: batch }] = await q<{ id: number }>(
    `INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem) VALUES ('agg batch', 'solutions', $1, 'm1', 4) RETURNING id`,
    [setA],
  );
  const rows = await q<{ id: number; source_key: string }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source, level, subject, agreement)
     VALUES ($1, 'p1', repeat('1', 64), 'p1', 'gsm8k', '42', 'dataset', NULL, NULL, NULL),
            ($1, 'p2', repeat('2', 64), 'p2', 'math', '7', 'dataset', 'Level 3', 'Algebra', NULL),
            ($2, 'p3', repeat('3', 64), 'p3', 'augmented_math', '5', 'majority_vote', NULL, NULL, 0.75)
     RETURNING id, source_key`,
    [setA, setB],
  );
  for (const r of rows) problem[r.source_key as keyof typeof problem] = r.id;
  // One statement for all nine samples: the trigger sees them in one transition table.
  await q(
    `INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, model, answer_key, verdict, verdict_rule, char_length, token_count, created_at)
     VALUES ($1, $4, $6, 0, 'a', 'm1', '42', 'equal', 'numeric', 100, 30, '2026-01-01 10:00:10'),
            ($1, $4, $6, 1, 'b', 'm1', '42', 'equal', 'string', 300, 80, '2026-01-01 10:00:20'),
            ($1, $4, $6, 2, 'c', 'm1', '41', 'not_equal', 'numeric', 300, 80, '2026-01-01 10:00:30'),
            ($1, $4, $6, 3, 'd', 'm1', NULL, 'no_answer', 'no-box', 5000, NULL, '2026-01-01 10:00:40'),
            ($2, $4, NULL, 0, 'e', NULL, '8', 'not_equal', 'numeric', 800, 200, '2026-01-01 11:00:00'),
            ($2, $4, NULL, 1, 'f', NULL, '8', 'not_equal', 'numeric', 800, 200, '2026-01-01 11:00:00'),
            ($2, $4, NULL, 2, 'g', NULL, '7', 'equal', 'numeric', 900, 200, '2026-01-01 11:00:00'),
            ($3, $5, $6, 0, 'h', 'm1', '5', 'equal', 'majority-vote', 1000, 300, '2026-01-01 10:01:05'),
            ($3, $5, $6, 1, 'i', 'm1', NULL, 'undecided', 'timeout', 25000, 9000, '2026-01-01 10:01:06')`,
    [problem.p1, problem.p2, problem.p3, setA, setB, batch],
  );
  // The writers keep the per-problem counters; here the test plays the writer.
  await q(
    `UPDATE problems SET sample_count = v.n, correct_count = v.c FROM (VALUES ($1::int, 4, 2), ($2::int, 3, 1), ($3::int, 2, 1)) v(id, n, c) WHERE problems.id = v.id`,
    [problem.p1, problem.p2, problem.p3],
  );
}

const sampleStats = () =>
  q(`SELECT set_id, batch_id, model, source, verdict::text, verdict_rule, len_bucket, tok_bucket, samples FROM sample_stats WHERE samples <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`);
const liveSampleStats = () =>
  q(`SELECT s.set_id, COALESCE(s.batch_id, 0) AS batch_id, COALESCE(s.model, '') AS model, p.source, s.verdict::text AS verdict,
            boxed_stat_rule(s.verdict, s.verdict_rule) AS verdict_rule, boxed_len_bucket(s.char_length) AS len_bucket,
            boxed_tok_bucket(s.token_count) AS tok_bucket, count(*)::int AS samples
     FROM samples s JOIN problems p ON p.id = s.problem_id GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`);
const classStats = () => q(`SELECT problem_id, answer_key, samples, correct FROM answer_class_stats WHERE samples <> 0 OR correct <> 0 ORDER BY 1, 2`);
const liveClassStats = () =>
  q(`SELECT s.problem_id, s.answer_key, count(*)::int AS samples, (count(*) FILTER (WHERE s.verdict = 'equal'))::int AS correct
     FROM samples s JOIN problems p ON p.id = s.problem_id WHERE p.gold_source = 'dataset' AND s.answer_key IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`);
const minuteStats = () => q(`SELECT batch_id, minute, samples FROM batch_minute_stats WHERE samples <> 0 ORDER BY 1, 2`);
const liveMinuteStats = () =>
  q(`SELECT batch_id, date_trunc('minute', created_at) AS minute, count(*)::int AS samples FROM samples WHERE batch_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`);
const problemStats = () =>
  q(`SELECT set_id, source, level, subject, gold_source::text, contamination_status::text, agreement_bucket, sample_count, correct_count, problems
     FROM problem_stats WHERE problems <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);
const liveProblemStats = () =>
  q(`SELECT set_id, source, COALESCE(level, '') AS level, COALESCE(subject, '') AS subject, gold_source::text AS gold_source,
            contamination_status::text AS contamination_status, boxed_agreement_bucket(agreement) AS agreement_bucket, sample_count, correct_count,
            count(*)::int AS problems
     FROM problems GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`);

async function expectAggregatesMatchLive() {
  expect(await sampleStats()).toEqual(await liveSampleStats());
  expect(await classStats()).toEqual(await liveClassStats());
  expect(await minuteStats()).toEqual(await liveMinuteStats());
  expect(await problemStats()).toEqual(await liveProblemStats());
  const negative = await q(`SELECT 'sample_stats' FROM sample_stats WHERE samples < 0 UNION ALL SELECT 'problem_stats' FROM problem_stats WHERE problems < 0
     UNION ALL SELECT 'answer_class_stats' FROM answer_class_stats WHERE samples < 0 OR correct < 0 OR correct > samples`);
  expect(negative).toEqual([]);
}

describe("insight aggregates", () => {
  beforeAll(insertFixture);

  it("hold the hand-computed counts of the fixture", async () => {
    const row = (set: number, batchId: number, model: string, source: string, verdict: string, rule: string, len: number, tok: number, samples: number) => ({
      set_id: set,
      batch_id: batchId,
      model,
      source,
      verdict,
      verdict_rule: rule,
      len_bucket: len,
      tok_bucket: tok,
      samples,
    });
    // Equal and not_equal rows keep no rule; no_answer and undecided keep theirs.
    const expected = [
      row(setA, 0, "", "math", "equal", "", 750, 192, 1),
      row(setA, 0, "", "math", "not_equal", "", 750, 192, 2),
      row(setA, batch, "m1", "gsm8k", "equal", "", 0, 0, 1),
      row(setA, batch, "m1", "gsm8k", "equal", "", 250, 64, 1),
      row(setA, batch, "m1", "gsm8k", "no_answer", "no-box", 5000, -1, 1),
      row(setA, batch, "m1", "gsm8k", "not_equal", "", 250, 64, 1),
      row(setB, batch, "m1", "augmented_math", "equal", "", 1000, 256, 1),
      row(setB, batch, "m1", "augmented_math", "undecided", "timeout", 20000, 8192, 1),
    ];
    expect(await sampleStats()).toEqual(expected);
    // Only dataset-gold problems (p1, p2) keep answer classes.
    expect(await classStats()).toEqual([
      { problem_id: problem.p1, answer_key: "41", samples: 1, correct: 0 },
      { problem_id: problem.p1, answer_key: "42", samples: 2, correct: 2 },
      { problem_id: problem.p2, answer_key: "7", samples: 1, correct: 1 },
      { problem_id: problem.p2, answer_key: "8", samples: 2, correct: 0 },
    ]);
    expect(await minuteStats()).toEqual([
      { batch_id: batch, minute: new Date("2026-01-01T10:00:00Z"), samples: 4 },
      { batch_id: batch, minute: new Date("2026-01-01T10:01:00Z"), samples: 2 },
    ]);
    // The counters were set after the insert: the (0, 0) rows went to zero and only these remain.
    expect(await problemStats()).toEqual([
      { set_id: setA, source: "gsm8k", level: "", subject: "", gold_source: "dataset", contamination_status: "unchecked", agreement_bucket: -1, sample_count: 4, correct_count: 2, problems: 1 },
      { set_id: setA, source: "math", level: "Level 3", subject: "Algebra", gold_source: "dataset", contamination_status: "unchecked", agreement_bucket: -1, sample_count: 3, correct_count: 1, problems: 1 },
      { set_id: setB, source: "augmented_math", level: "", subject: "", gold_source: "majority_vote", contamination_status: "unchecked", agreement_bucket: 7, sample_count: 2, correct_count: 1, problems: 1 },
    ]);
    await expectAggregatesMatchLive();
  });

  it("bucket like lib/insights/buckets.ts, edge by edge", async () => {
    const probes = [...new Set([...LENGTH_EDGES, ...TOKEN_EDGES].flatMap((e) => [e - 1, e, e + 1]).filter((n) => n >= 0))].concat(123_456);
    const rows = await q<{ n: number; len: number; tok: number }>(
      `SELECT n, boxed_len_bucket(n) AS len, boxed_tok_bucket(n) AS tok FROM unnest($1::int[]) n`,
      [probes],
    );
    for (const r of rows) {
      expect(r.len, `length ${r.n}`).toBe(bucketOf(LENGTH_EDGES, r.n));
      expect(r.tok, `tokens ${r.n}`).toBe(bucketOf(TOKEN_EDGES, r.n));
    }
    const fractions = [0, 0.05, 0.1, 0.2, 0.3, 3 / 10, 0.5, 5 / 8, 0.7, 7 / 10, 0.9, 0.99, 1];
    const agreement = await q<{ a: number; b: number }>(`SELECT a, boxed_agreement_bucket(a) AS b FROM unnest($1::float8[]) a`, [fractions]);
    for (const r of agreement) expect(r.b, `agreement ${r.a}`).toBe(agreementBucketOf(r.a));
    expect((await q<{ b: number }>(`SELECT boxed_agreement_bucket(NULL) AS b`))[0].b).toBe(-1);
  });

  it("follow verdict updates, one row and many rows at once", async () => {
    // Regrading: the wrong "41" of p1 becomes equal.
    await q(`UPDATE samples SET verdict = 'equal', verdict_rule = 'numeric' WHERE problem_id = $1 AND answer_key = '41'`, [problem.p1]);
    const p1Classes = (await classStats()).filter((r) => r.problem_id === problem.p1);
    expect(p1Classes).toContainEqual({ problem_id: problem.p1, answer_key: "41", samples: 1, correct: 1 });
    await expectAggregatesMatchLive();
    // A bulk review-status change touches no aggregated column: nothing moves.
    const before = await sampleStats();
    await q(`UPDATE samples SET review_status = 'accepted'`);
    expect(await sampleStats()).toEqual(before);
    // Many rows, mixed changes in one statement (verdict, rule, length, tokens).
    await q(`UPDATE samples SET verdict = CASE WHEN verdict = 'equal' THEN 'not_equal'::"Verdict" ELSE 'no_answer'::"Verdict" END,
             verdict_rule = CASE WHEN verdict = 'equal' THEN 'numeric' ELSE 'empty-box' END, char_length = char_length + 300, token_count = NULL
             WHERE set_id = $1`, [setA]);
    await expectAggregatesMatchLive();
  });

  it("follow COPY, the importers' path, and multi-row inserts of many keys", async () => {
    const client = await pool().connect();
    try {
      const lines = Array.from({ length: 500 }, (_, i) =>
        [problem.p2, setA, "\\N", 100 + i, `copied ${i}`, "imported-model", i % 3 === 0 ? "7" : `${i % 5}`, ["equal", "not_equal", "no_answer", "undecided"][i % 4], ["numeric", "no-box", "truncated"][i % 3], (i * 97) % 30_000, i % 7 === 0 ? "\\N" : (i * 13) % 9_000].join("\t"),
      ).join("\n");
      await pipeline(
        Readable.from([`${lines}\n`]),
        client.query(copyFrom(`COPY samples (problem_id, set_id, batch_id, sample_index, text, model, answer_key, verdict, verdict_rule, char_length, token_count) FROM STDIN`)),
      );
    } finally {
      client.release();
    }
    await q(
      `INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, model, answer_key, verdict, verdict_rule, char_length, token_count)
       SELECT $1, $2, $3, 100 + g, 'gen', 'm' || (g % 3), (g % 4)::text, (ARRAY['equal','not_equal','ungraded']::"Verdict"[])[1 + g % 3], 'no-gold', g * 31, g * 7
       FROM generate_series(1, 400) g`,
      [problem.p3, setB, batch],
    );
    await expectAggregatesMatchLive();
  });

  it("follow sample deletes, a problem's delete and changes of a problem's source or gold source", async () => {
    await q(`DELETE FROM samples WHERE problem_id = $1 AND sample_index % 2 = 0`, [problem.p2]);
    await expectAggregatesMatchLive();
    await q(`UPDATE problems SET source = 'gsm8k_fixed' WHERE id = $1`, [problem.p1]);
    await expectAggregatesMatchLive();
    // A synthetic problem's gold becomes a dataset gold: its answer classes appear.
    await q(`UPDATE problems SET gold_source = 'dataset' WHERE id = $1`, [problem.p3]);
    expect((await classStats()).some((r) => r.problem_id === problem.p3)).toBe(true);
    await expectAggregatesMatchLive();
    await q(`UPDATE problems SET gold_source = 'majority_vote', contamination_status = 'flagged', agreement = 1 WHERE id = $1`, [problem.p3]);
    expect((await classStats()).some((r) => r.problem_id === problem.p3)).toBe(false);
    await expectAggregatesMatchLive();
    // Deleting a problem cascades to its samples; its BEFORE DELETE trigger subtracted them first.
    await q(`DELETE FROM problems WHERE id = $1`, [problem.p2]);
    expect((await sampleStats()).some((r) => r.source === "math")).toBe(false);
    await expectAggregatesMatchLive();
  });

  it("follow the delete of a whole set and a batch's delete (samples keep living without it)", async () => {
    await q(`DELETE FROM generation_batches WHERE id = $1`, [batch]);
    await expectAggregatesMatchLive();
    await q(`DELETE FROM problem_sets WHERE id = $1`, [setB]);
    expect((await sampleStats()).some((r) => r.set_id === setB)).toBe(false);
    expect((await problemStats()).some((r) => r.set_id === setB)).toBe(false);
    await expectAggregatesMatchLive();
    await q(`TRUNCATE samples, problems CASCADE`);
    expect(await sampleStats()).toEqual([]);
    expect(await problemStats()).toEqual([]);
    await expectAggregatesMatchLive();
  });
});
