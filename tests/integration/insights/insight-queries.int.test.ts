// Protects: what the dashboard and /insights show, read from the aggregates, equals hand-computed
// values on a small fixture (counts, correct shares, histograms, pass@k, suspect gold answers,
// causes of ungradable solutions, the funnel, running batches' throughput, recent activity), and
// every bar's link carries the matching filter of the solutions table.
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { findActiveBatches } from "@/lib/dashboard/find-active-batches";
import { findRecentActivity } from "@/lib/dashboard/find-recent-activity";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { findAgreementHistogram } from "@/lib/insights/find-agreement-histogram";
import { findContaminationFunnel } from "@/lib/insights/find-contamination-funnel";
import { findLengthHistograms } from "@/lib/insights/find-length-histograms";
import { findPassAtKCurves } from "@/lib/insights/find-pass-at-k-curves";
import { findSampleBreakdown } from "@/lib/insights/find-sample-breakdown";
import { findSuspectGold } from "@/lib/insights/find-suspect-gold";
import { findUngradableCauses } from "@/lib/insights/find-ungradable-causes";
import { ALL_SETS } from "@/lib/insights/insight-scope";

const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await pool().query(sql, values)).rows as T[];

const ids = { seed: 0, synthetic: 0, batch: 0, q1: 0, q2: 0, q3: 0, y1: 0, y2: 0, y3: 0 };

beforeAll(async () => {
  [{ id: ids.seed }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role, problem_count) VALUES ('iq-seed', 'seed', 3) RETURNING id`);
  [{ id: ids.synthetic }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role, problem_count) VALUES ('iq-synthetic', 'synthetic', 3) RETURNING id`);
  [{ id: ids.batch }] = await q<{ id: number }>(
    `INSERT INTO generation_batches (name, kind, state, set_id, model, samples_per_problem, request_count, done_count, failed_count)
     VALUES ('iq batch', 'solutions', 'running', $1, 'm', 5, 11, 9, 2) RETURNING id`,
    [ids.seed],
  );
  const problems = await q<{ id: number; source_key: string }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source, level, subject, agreement, contamination_status)
     VALUES ($1, 'q1', repeat('1', 64), 'q1', 'gsm8k', '10', 'dataset', NULL, NULL, NULL, 'unchecked'),
            ($1, 'q2', repeat('2', 64), 'q2', 'gsm8k', '3', 'dataset', NULL, NULL, NULL, 'contaminated'),
            ($1, 'q3', repeat('3', 64), 'q3', 'math', 'x', 'dataset', 'Level 2', 'Algebra', NULL, 'unchecked'),
            ($2, 'y1', repeat('4', 64), 'y1', 'augmented_math', '1', 'majority_vote', NULL, NULL, 1.0, 'unchecked'),
            ($2, 'y2', repeat('5', 64), 'y2', 'augmented_math', '2', 'majority_vote', NULL, NULL, 0.5, 'flagged'),
            ($2, 'y3', repeat('6', 64), 'y3', 'augmented_math', NULL, 'none', NULL, NULL, NULL, 'unchecked')
     RETURNING id, source_key`,
    [ids.seed, ids.synthetic],
  );
  for (const p of problems) ids[p.source_key as "q1"] = p.id;
  await q(
    `INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, model, answer_key, extracted_answer, verdict, verdict_rule, char_length, token_count)
     VALUES ($1, $4, $5, 0, 't', 'm', '12', '12', 'not_equal', 'numeric', 300, 100),
            ($1, $4, $5, 1, 't', 'm', '12', '12', 'not_equal', 'numeric', 300, 100),
            ($1, $4, $5, 2, 't', 'm', '12', '12', 'not_equal', 'numeric', 300, 100),
            ($1, $4, $5, 3, 't', 'm', '12', '12', 'not_equal', 'numeric', 300, 100),
            ($1, $4, $5, 4, 't', 'm', '10', '10', 'equal', 'numeric', 300, 100),
            ($2, $4, $5, 0, 't', 'm', '3', '3', 'equal', 'numeric', 600, 150),
            ($2, $4, $5, 1, 't', 'm', '3', '3', 'equal', 'numeric', 600, 150),
            ($2, $4, $5, 2, 't', 'm', '3', '3', 'equal', 'numeric', 600, 150),
            ($2, $4, $5, 3, 't', 'm', NULL, NULL, 'no_answer', 'no-box', 5000, NULL),
            ($3, $4, NULL, 0, 't', NULL, 'x', 'x', 'equal', 'string', 1000, 300),
            ($3, $4, NULL, 1, 't', NULL, 'y', 'y', 'undecided', 'timeout', 1000, 300)`,
    [ids.q1, ids.q2, ids.q3, ids.seed, ids.batch],
  );
  await q(
    `UPDATE problems SET sample_count = v.n, correct_count = v.c FROM (VALUES ($1::int, 5, 1), ($2::int, 4, 3), ($3::int, 2, 1)) v(id, n, c) WHERE problems.id = v.id`,
    [ids.q1, ids.q2, ids.q3],
  );
  await q(`UPDATE problem_sets SET sample_count = 11, graded_count = 11, correct_count = 5 WHERE id = $1`, [ids.seed]);
  await q(
    `INSERT INTO batch_requests (batch_id, problem_id, sample_index, state, error_kind, updated_at)
     VALUES ($1, $2, 5, 'failed', 'timeout', localtimestamp), ($1, $2, 6, 'failed', 'timeout', localtimestamp), ($1, $2, 7, 'pending', NULL, localtimestamp)`,
    [ids.batch, ids.q2],
  );
});

describe("insight queries on a hand-computed fixture", () => {
  it("count solutions and the correct share per source, with links per verdict", async () => {
    const rows = await findSampleBreakdown("source", ALL_SETS);
    expect(rows.map((r) => [r.key, r.total, r.counts.equal, r.counts.not_equal, r.counts.no_answer, r.counts.undecided])).toEqual([
      ["gsm8k", 9, 4, 4, 1, 0],
      ["math", 2, 1, 0, 0, 1],
    ]);
    expect(rows[0].correctShare).toBeCloseTo(4 / 9, 12);
    expect(rows[1].correctShare).toBeCloseTo(1 / 2, 12);
    expect(rows[0].href).toBe("/solutions?source=gsm8k&provenance=generated");
    expect(rows[0].verdictHrefs.equal).toBe("/solutions?source=gsm8k&verdict=equal&provenance=generated");
    const byBatch = await findSampleBreakdown("batch", { setId: ids.seed });
    expect(byBatch.map((r) => [r.label, r.total])).toEqual([
      [`#${ids.batch} iq batch`, 9],
      ["imported generation files", 2],
    ]);
    expect(byBatch[0].verdictHrefs.not_equal).toBe(`/solutions?set=${ids.seed}&batch=${ids.batch}&verdict=not_equal&provenance=generated`);
    const byModel = await findSampleBreakdown("model", ALL_SETS);
    expect(byModel.map((r) => [r.label, r.total])).toEqual([
      ["m", 9],
      ["(unknown model)", 2],
    ]);
    expect(byModel[1].href).toBe("/solutions?model=&provenance=generated");
  });

  it("bucket lengths in characters and tokens, correct against wrong", async () => {
    const { chars, tokens, uncountedTokens } = await findLengthHistograms(ALL_SETS);
    const nonEmpty = (rows: typeof chars) => rows.filter((r) => r.correct + r.wrong + r.other > 0).map((r) => [r.lower, r.correct, r.wrong, r.other]);
    expect(nonEmpty(chars)).toEqual([
      [250, 1, 4, 0],
      [500, 3, 0, 0],
      [1000, 1, 0, 1],
      [5000, 0, 0, 1],
    ]);
    // Every bucket up to the last used one is present, so gaps show.
    expect(chars.map((r) => r.lower)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000]);
    expect(chars[1].wrongHref).toBe("/solutions?verdict=not_equal&provenance=generated&len=250-499");
    expect(nonEmpty(tokens)).toEqual([
      [64, 1, 4, 0],
      [128, 3, 0, 0],
      [256, 1, 0, 1],
    ]);
    expect(tokens.find((r) => r.lower === 64)?.correctHref).toBe("/solutions?verdict=equal&provenance=generated&tok=64-127");
    expect(uncountedTokens).toBe(1);
  });

  it("histogram the majority agreement of synthetic problems", async () => {
    const h = await findAgreementHistogram(ALL_SETS);
    expect(h.rows.filter((r) => r.problems > 0).map((r) => [r.bucket, r.problems])).toEqual([
      [5, 1],
      [10, 1],
    ]);
    expect(h.unvoted).toBe(1);
    expect(h.rows[5].href).toBe(`/solutions?set=${ids.synthetic}&agree=0.5-0.5999`);
    expect(h.rows[10].href).toBe(`/solutions?set=${ids.synthetic}&agree=1-1`);
  });

  it("draw pass@k per source, level and type from the per-problem counts", async () => {
    const curves = await findPassAtKCurves(ALL_SETS);
    const gsm8k = curves.bySource.find((s) => s.name === "gsm8k");
    // q1: n=5, c=1; q2: n=4, c=3.
    expect(gsm8k?.problems).toBe(2);
    expect(gsm8k?.points.map((p) => p.k)).toEqual([1, 2, 4, 5]);
    expect(gsm8k?.points[0].value).toBeCloseTo((1 / 5 + 3 / 4) / 2, 12);
    expect(gsm8k?.points[1].value).toBeCloseTo((1 - 6 / 10 + 1) / 2, 12);
    expect(gsm8k?.points[2].value).toBeCloseTo((1 - 1 / 5 + 1) / 2, 12);
    expect(gsm8k?.points[3]).toEqual({ k: 5, value: 1, problems: 1 });
    expect(gsm8k?.href).toBe("/solutions?source=gsm8k&provenance=generated");
    const math = curves.bySource.find((s) => s.name === "math");
    expect(math?.points).toEqual([
      { k: 1, value: 0.5, problems: 1 },
      { k: 2, value: 1, problems: 1 },
    ]);
    expect(curves.byLevel.map((s) => s.name)).toEqual(["Level 2"]);
    expect(curves.bySubject.map((s) => [s.name, s.href])).toEqual([["Algebra", "/solutions?source=math&provenance=generated"]]);
    // Synthetic problems without solutions and problems without a gold are not on any curve.
    expect(curves.bySource.map((s) => s.name)).toEqual(["gsm8k", "math"]);
  });

  it("find the dataset gold a strong majority disagrees with, and only that", async () => {
    const suspects = await findSuspectGold();
    expect(suspects).toEqual([
      {
        problemId: ids.q1,
        setName: "iq-seed",
        source: "gsm8k",
        goldAnswer: "10",
        majorityKey: "12",
        majorityExample: "12",
        majorityVotes: 4,
        samples: 5,
        share: 0.8,
        problemHref: `/problems/${ids.q1}`,
        solutionsHref: `/solutions?answer=12&problem=${ids.q1}`,
      },
    ]);
    expect(await findSuspectGold({ minShare: 0.81 })).toEqual([]);
  });

  it("group ungradable solutions by cause, batch and model", async () => {
    const u = await findUngradableCauses(ALL_SETS);
    expect(u.causes).toEqual([
      { cause: "no-box", verdict: "no_answer", samples: 1 },
      { cause: "timeout", verdict: "undecided", samples: 1 },
    ]);
    expect(u.byOrigin.map((o) => [o.batchId, o.model, o.causes, o.total]).sort()).toEqual(
      [
        [0, "", { timeout: 1 }, 1],
        [ids.batch, "m", { "no-box": 1 }, 1],
      ].sort(),
    );
    expect(u.byOrigin.find((o) => o.batchId === ids.batch)?.href).toBe(`/solutions?batch=${ids.batch}&model=m&verdict=no_answer&verdict=undecided&provenance=generated`);
  });

  it("run the contamination funnel per checked set", async () => {
    const funnels = await findContaminationFunnel();
    const stages = (name: string) => funnels.find((f) => f.setName === name)?.stages.map((s) => [s.name, s.problems]);
    expect(stages("iq-seed")).toEqual([
      ["Problems", 3],
      ["Checked", 1],
      ["With a candidate", 1],
      ["Flagged", 1],
      ["Contaminated", 1],
    ]);
    expect(stages("iq-synthetic")).toEqual([
      ["Problems", 3],
      ["Checked", 1],
      ["With a candidate", 1],
      ["Flagged", 1],
      ["Contaminated", 0],
    ]);
    expect(funnels.find((f) => f.setName === "iq-seed")?.stages[4].href).toBe(`/solutions?set=${ids.seed}&contam=contaminated`);
  });

  it("summarise sets with contamination and list running batches with their throughput", async () => {
    const { sets, totals } = await getDashboardSummary();
    const seed = sets.find((s) => s.name === "iq-seed");
    expect(seed).toMatchObject({ problemCount: 3, checkedCount: 1, contaminatedCount: 1, flaggedCount: 0 });
    expect(seed?.sources).toEqual([
      { source: "gsm8k", problems: 2 },
      { source: "math", problems: 1 },
    ]);
    expect(sets.find((s) => s.name === "iq-synthetic")).toMatchObject({ checkedCount: 1, contaminatedCount: 0, flaggedCount: 1 });
    expect(totals.contaminated).toBe(1);

    const batches = await findActiveBatches();
    expect(batches.map((b) => [b.id, b.state, b.doneCount, b.requestCount, b.failedCount])).toEqual([[ids.batch, "running", 9, 11, 2]]);
    const minutes = batches[0].throughput;
    expect(minutes).toHaveLength(30);
    expect(minutes[minutes.length - 1].minutesAgo).toBe(0);
    // Written moments ago: all in the window (the current or, across a minute boundary, the previous minute).
    expect(minutes.reduce((s, m) => s + m.samples, 0)).toBe(9);
    expect(minutes.reduce((s, m) => s + m.failed, 0)).toBe(2);
    await q(`UPDATE generation_batches SET state = 'completed' WHERE id = $1`, [ids.batch]);
    expect(await findActiveBatches()).toEqual([]);
  });

  it("show the ten latest audit entries, newest first, with who did it", async () => {
    const [{ id: userId }] = await q<{ id: number }>(`INSERT INTO users (email, name, role) VALUES ('ada@example.test', 'Ada', 'curator') RETURNING id`);
    await q(
      `INSERT INTO audit_log (at, user_id, action, object_type, object_id)
       SELECT timestamp '2026-01-01 00:00' + g * interval '1 minute', CASE WHEN g % 2 = 0 THEN $1::int END, 'test.action' || g, 'set', g::text FROM generate_series(1, 12) g`,
      [userId],
    );
    const entries = await findRecentActivity(10);
    expect(entries.map((e) => e.action)).toEqual(Array.from({ length: 10 }, (_, i) => `test.action${12 - i}`));
    expect(entries[0]).toMatchObject({ who: "Ada", object: "set 12" });
    expect(entries[1].who).toBe("system");
  });
});
