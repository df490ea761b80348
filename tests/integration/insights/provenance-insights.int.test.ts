// Protects: insights read generated solutions only, with stated denominators. On a fixture of one
// set with reference solutions beside the outputs of two models (three batches and an imported
// generation file), every figure equals a value computed by hand below: pass@k per model, batch,
// set, source and level, each point with the problems it averages over; the verdict breakdowns;
// the dashboard's generated share; the reference check. Then the pass@k aggregate is compared with
// a live recomputation from samples after regrading, a reference's regrade, deletes and a
// problem's delete, so the triggers cannot drift from the definition.
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { pool } from "@/lib/db/pool";
import { findPassAtKCurves, type PassAtKSeries } from "@/lib/insights/find-pass-at-k-curves";
import { findReferenceCheck } from "@/lib/insights/find-reference-check";
import { findSampleBreakdown } from "@/lib/insights/find-sample-breakdown";
import { ALL_SETS } from "@/lib/insights/insight-scope";

const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await pool().query(sql, values)).rows as T[];

const ids = { set: 0, refOnly: 0, a1: 0, a2: 0, b: 0, p1: 0, p2: 0, p3: 0, r1: 0 };

beforeAll(async () => {
  [{ id: ids.set }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ('pv-seed', 'seed') RETURNING id`);
  [{ id: ids.refOnly }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ('pv-references-only', 'seed') RETURNING id`);
  const batch = async (name: string, model: string) =>
    (
      await q<{ id: number }>(
        `INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem) VALUES ($1, 'solutions', $2, $3, 3) RETURNING id`,
        [name, ids.set, model],
      )
    )[0].id;
  ids.a1 = await batch("a-first", "model-a");
  ids.a2 = await batch("a-second", "model-a");
  ids.b = await batch("b-only", "model-b");
  const problems = await q<{ id: number; source_key: string }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source, level, subject)
     VALUES ($1, 'p1', repeat('a', 64), 'p1', 'gsm8k', '10', 'dataset', NULL, NULL),
            ($1, 'p2', repeat('b', 64), 'p2', 'gsm8k', '5', 'dataset', NULL, NULL),
            ($1, 'p3', repeat('c', 64), 'p3', 'math', 'x', 'dataset', 'Level 3', 'Algebra'),
            ($2, 'r1', repeat('d', 64), 'r1', 'gsm8k', '7', 'dataset', NULL, NULL)
     RETURNING id, source_key`,
    [ids.set, ids.refOnly],
  );
  for (const p of problems) ids[p.source_key as "p1"] = p.id;
  // problem, batch, model, provenance, verdict (sample_index is the row's position).
  const rows: [number, number | null, string | null, "reference" | "generated", string][] = [
    // References: p1 and p3 agree with the gold, p2's does not.
    [ids.p1, null, null, "reference", "equal"],
    [ids.p2, null, null, "reference", "not_equal"],
    [ids.p3, null, null, "reference", "equal"],
    [ids.r1, null, null, "reference", "equal"],
    // model-a, batch a-first: p1 3 graded (1 correct); p2 1 correct and 1 ungraded.
    [ids.p1, ids.a1, "model-a", "generated", "equal"],
    [ids.p1, ids.a1, "model-a", "generated", "not_equal"],
    [ids.p1, ids.a1, "model-a", "generated", "not_equal"],
    [ids.p2, ids.a1, "model-a", "generated", "equal"],
    [ids.p2, ids.a1, "model-a", "generated", "ungraded"],
    // model-a, batch a-second: p3 2 graded, none correct.
    [ids.p3, ids.a2, "model-a", "generated", "not_equal"],
    [ids.p3, ids.a2, "model-a", "generated", "no_answer"],
    // model-b: p1 2 of 2, p3 1 of 1.
    [ids.p1, ids.b, "model-b", "generated", "equal"],
    [ids.p1, ids.b, "model-b", "generated", "equal"],
    [ids.p3, ids.b, "model-b", "generated", "equal"],
    // An imported generation file (OMI2 row): no batch, no model.
    [ids.p3, null, null, "generated", "equal"],
  ];
  await q(
    `INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, model, provenance, verdict, char_length)
     SELECT r.problem_id, p.set_id, r.batch_id, r.n, 't', r.model, r.provenance::"Provenance", r.verdict::"Verdict", 1
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r(problem_id, batch_id, model, provenance, verdict, n)
       JOIN problems p ON p.id = r.problem_id`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
});

const series = (list: PassAtKSeries[], name: string) => {
  const found = list.find((s) => s.name === name);
  if (!found) throw new Error(`no series ${name} in ${list.map((s) => s.name).join(", ")}`);
  return found;
};
/** [k, value, problems] with values rounded, for readable expectations. */
const points = (s: PassAtKSeries) => s.points.map((p) => [p.k, p.value === null ? null : Number(p.value.toFixed(10)), p.problems]);
const r = (x: number) => Number(x.toFixed(10));

describe("insights over generated solutions, on a fixture with references and two models", () => {
  it("pass@k per model: n and c of that model's graded solutions, each point over the problems with n >= k", async () => {
    const curves = await findPassAtKCurves(ALL_SETS);
    // model-a: p1 (n 3, c 1), p2 (n 1, c 1: the ungraded one does not count), p3 (n 2, c 0).
    // pass@1 = (1/3 + 1 + 0) / 3; pass@2 over p1, p3 = ((1 - C(2,2)/C(3,2)) + 0) / 2; pass@3 over p1 = 1.
    expect(points(series(curves.byModel, "model-a"))).toEqual([
      [1, r(4 / 9), 3],
      [2, r(1 / 3), 2],
      [3, 1, 1],
    ]);
    expect(series(curves.byModel, "model-a").problems).toBe(3);
    // model-b: p1 (2, 2), p3 (1, 1).
    expect(points(series(curves.byModel, "model-b"))).toEqual([
      [1, 1, 2],
      [2, 1, 1],
    ]);
    expect(points(series(curves.byModel, "(unknown model)"))).toEqual([[1, 1, 1]]);
    expect(series(curves.byModel, "model-b").href).toBe("/solutions?model=model-b&provenance=generated");
  });

  it("pass@k per batch counts only that batch's solutions", async () => {
    const curves = await findPassAtKCurves(ALL_SETS);
    // a-first: p1 (3, 1), p2 (1, 1).
    expect(points(series(curves.byBatch, `#${ids.a1} a-first`))).toEqual([
      [1, r((1 / 3 + 1) / 2), 2],
      [2, r(2 / 3), 1],
      [3, 1, 1],
    ]);
    expect(points(series(curves.byBatch, `#${ids.a2} a-second`))).toEqual([
      [1, 0, 1],
      [2, 0, 1],
    ]);
    expect(points(series(curves.byBatch, "imported generation files"))).toEqual([[1, 1, 1]]);
    expect(series(curves.byBatch, `#${ids.a1} a-first`).href).toBe(`/solutions?batch=${ids.a1}&provenance=generated`);
  });

  it("pass@k per set and source takes every generated solution of a problem, never its reference", async () => {
    const curves = await findPassAtKCurves(ALL_SETS);
    // Set: p1 (5, 3), p2 (1, 1), p3 (4, 2: model-b and the imported one).
    // pass@2: p1 1 - C(2,2)/C(5,2) = 9/10, p3 1 - C(2,2)/C(4,2) = 5/6; pass@4 and @5: n - c < k, so 1.
    expect(points(series(curves.bySet, "pv-seed"))).toEqual([
      [1, r((3 / 5 + 1 + 2 / 4) / 3), 3],
      [2, r((9 / 10 + 5 / 6) / 2), 2],
      [4, 1, 2],
      [5, 1, 1],
    ]);
    expect(points(series(curves.bySource, "gsm8k"))).toEqual([
      [1, r((3 / 5 + 1) / 2), 2],
      [2, r(9 / 10), 1],
      [4, 1, 1],
      [5, 1, 1],
    ]);
    expect(points(series(curves.byLevel, "Level 3"))).toEqual([
      [1, 0.5, 1],
      [2, r(5 / 6), 1],
      [4, 1, 1],
    ]);
    // A set of references only is on no curve: with references counted, it would read pass@1 = 100%.
    expect(curves.bySet.map((s) => s.name)).toEqual(["pv-seed"]);
  });

  it("verdict breakdowns and the dashboard's headline share are the generated ones; references have their own check", async () => {
    const byModel = await findSampleBreakdown("model", ALL_SETS);
    expect(byModel.map((row) => [row.label, row.total, row.counts.equal, row.counts.not_equal, row.counts.no_answer, row.counts.ungraded])).toEqual([
      ["model-a", 7, 2, 3, 1, 1],
      ["model-b", 3, 3, 0, 0, 0],
      ["(unknown model)", 1, 1, 0, 0, 0],
    ]);
    expect(byModel[0].correctShare).toBeCloseTo(2 / 6, 12);

    const { sets, totals } = await getDashboardSummary();
    // Generated: 11 solutions, 10 graded, 6 correct. References: 4, 3 agreeing.
    expect(totals.generated).toEqual({ samples: 11, graded: 10, correct: 6 });
    expect(totals.references).toEqual({ samples: 4, graded: 4, correct: 3 });
    expect(sets.find((s) => s.name === "pv-references-only")?.generated).toEqual({ samples: 0, graded: 0, correct: 0 });

    const check = await findReferenceCheck(ALL_SETS);
    expect(check.map((c) => [c.setName, c.total, c.graded, c.agreeing, c.counts.not_equal])).toEqual([
      ["pv-references-only", 1, 1, 1, 0],
      ["pv-seed", 3, 3, 2, 1],
    ]);
    expect(check[1].agreeingShare).toBeCloseTo(2 / 3, 12);
    expect(check[1].disagreeingHref).toBe(`/solutions?set=${ids.set}&verdict=not_equal&verdict=no_answer&verdict=undecided&provenance=reference`);
  });

  it("after regrading, deletes and a problem's delete, pass_stats equals a live recount from samples", async () => {
    // A generated solution regraded correct, a reference regraded (must change nothing), one deleted.
    await q(`UPDATE samples SET verdict = 'equal' WHERE problem_id = $1 AND batch_id = $2 AND verdict = 'not_equal'`, [ids.p3, ids.a2]);
    await q(`UPDATE samples SET verdict = 'not_equal' WHERE problem_id = $1 AND provenance = 'reference'`, [ids.p1]);
    await q(`UPDATE samples SET verdict = 'equal' WHERE problem_id = $1 AND verdict = 'ungraded'`, [ids.p2]);
    await q(`DELETE FROM samples WHERE id = (SELECT min(id) FROM samples WHERE problem_id = $1 AND batch_id = $2)`, [ids.p1, ids.b]);
    const live = `
      WITH c AS (
        SELECT s.problem_id, k.scope, k.scope_key,
               count(*) FILTER (WHERE s.verdict <> 'ungraded')::int AS n, count(*) FILTER (WHERE s.verdict = 'equal')::int AS c
          FROM samples s CROSS JOIN LATERAL (VALUES ('set', ''), ('model', COALESCE(s.model, '')), ('batch', COALESCE(s.batch_id, 0)::text)) k(scope, scope_key)
         WHERE s.provenance = 'generated' GROUP BY 1, 2, 3)
      SELECT p.set_id, c.scope, c.scope_key, p.source, COALESCE(p.level, '') AS level, COALESCE(p.subject, '') AS subject, c.n AS sample_count,
             c.c AS correct_count, count(*)::int AS problems
        FROM c JOIN problems p ON p.id = c.problem_id WHERE c.n > 0 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
    const kept = `SELECT set_id, scope, scope_key, source, level, subject, sample_count, correct_count, problems FROM pass_stats
                  WHERE problems <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
    expect(await q(kept)).toEqual(await q(live));
    const before = points(series((await findPassAtKCurves(ALL_SETS)).byModel, "model-a"));
    // p2 now (2, 2) for model-a; p3 (2, 1).
    expect(before).toEqual([
      [1, r((1 / 3 + 1 + 1 / 2) / 3), 3],
      [2, r((2 / 3 + 1 + 1) / 3), 3],
      [3, 1, 1],
    ]);
    await q(`DELETE FROM problems WHERE id = $1`, [ids.p3]);
    expect(await q(kept)).toEqual(await q(live));
    expect(await q(`SELECT count(*)::int AS n FROM pass_counts WHERE problem_id = $1`, [ids.p3])).toEqual([{ n: 0 }]);
    await q(`DELETE FROM problem_sets WHERE id = $1`, [ids.set]);
    expect(await q(`SELECT count(*)::int AS n FROM pass_stats WHERE set_id = $1 AND problems <> 0`, [ids.set])).toEqual([{ n: 0 }]);
  });
});
