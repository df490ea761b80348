// Protects: the solutions browser returns exactly the rows each filter describes, pages through
// every sort without skipping or repeating a row (forwards and backwards), and counts stay
// bounded: exact below the bound, "N+" above it, exact from counters when only sets are chosen.
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { countSolutions } from "@/lib/solutions/count-solutions";
import { countFacetOptions, listFacetOptions } from "@/lib/solutions/find-solution-facets";
import { findSolutions } from "@/lib/solutions/find-solutions";
import { DEFAULT_SORT, emptyFilter, type SolutionFilter, SORT_KEYS, type SortKey } from "@/lib/solutions/solution-view";
import { type SeededWorld, seedReviewWorld } from "@/tests/support/seed-review-data";

interface Ref {
  id: number;
  problem_id: number;
  set_id: number;
  batch_id: number | null;
  model: string | null;
  verdict: string;
  review_status: string;
  char_length: number;
  token_count: number | null;
  answer_key: string | null;
  text: string;
  source: string;
  contamination_status: string;
  agreement: number | null;
  problem_text: string;
  provenance: string;
}

let world: SeededWorld;
let all: Ref[];

beforeAll(async () => {
  world = await seedReviewWorld();
  // Unescaped, the pattern "100%_x" would also match "100abcx".
  await pool().query(`UPDATE samples SET text = text || ' cost 100%_x' WHERE id = (SELECT min(id) FROM samples)`);
  await pool().query(`UPDATE samples SET text = text || ' cost 100abcx' WHERE id = (SELECT max(id) FROM samples)`);
  // Some imported solutions are references (they came with the problem file).
  await pool().query(`UPDATE samples SET provenance = 'reference' WHERE batch_id IS NULL AND id % 2 = 0`);
  const { rows } = await pool().query<Ref>(
    `SELECT s.id, s.problem_id, s.set_id, s.batch_id, s.model, s.verdict::text, s.review_status::text, s.char_length, s.token_count, s.answer_key, s.text,
            p.source, p.contamination_status::text, p.agreement, p.text AS problem_text, s.provenance::text
     FROM samples s JOIN problems p ON p.id = s.problem_id`,
  );
  all = rows;
});

const filterOf = (patch: Partial<SolutionFilter>): SolutionFilter => ({ ...emptyFilter(), ...patch });

async function walk(filter: SolutionFilter, sort = DEFAULT_SORT, limit = 37): Promise<number[]> {
  const ids: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const page = await findSolutions({ filter, sort, after, before: null }, limit);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.next) break;
    after = page.next;
  }
  return ids;
}

const sortValue: Record<SortKey, (r: Ref) => number | string> = {
  id: (r) => r.id,
  length: (r) => r.char_length,
  tokens: (r) => r.token_count ?? -1,
  problem: (r) => r.problem_id,
  set: (r) => r.set_id,
  batch: (r) => r.batch_id ?? 0,
  model: (r) => r.model ?? "",
  answer: (r) => r.answer_key ?? "",
  verdict: (r) => ["ungraded", "equal", "not_equal", "undecided", "no_answer"].indexOf(r.verdict),
  review: (r) => ["unreviewed", "accepted", "rejected", "unsure"].indexOf(r.review_status),
};

function expectedOrder(rows: Ref[], key: SortKey, direction: "asc" | "desc"): number[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows]
    .sort((a, b) => {
      const va = sortValue[key](a);
      const vb = sortValue[key](b);
      // The database's text order; the seeded texts are plain ASCII letters, digits and dashes.
      const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va) < String(vb) ? -1 : String(va) > String(vb) ? 1 : 0;
      return sign * (c || a.id - b.id);
    })
    .map((r) => r.id);
}

describe("findSolutions", () => {
  it("walks every sort, both directions, in order and without gaps or repeats", async () => {
    for (const key of SORT_KEYS) {
      for (const direction of ["asc", "desc"] as const) {
        const ids = await walk(emptyFilter(), { key, direction });
        expect(ids, `${key}.${direction}`).toEqual(expectedOrder(all, key, direction));
      }
    }
  });

  it("pages backwards with `before` to the same rows as forwards", async () => {
    const sort = { key: "length" as const, direction: "desc" as const };
    const first = await findSolutions({ filter: emptyFilter(), sort, after: null, before: null }, 25);
    const second = await findSolutions({ filter: emptyFilter(), sort, after: first.next, before: null }, 25);
    const third = await findSolutions({ filter: emptyFilter(), sort, after: second.next, before: null }, 25);
    expect(first.previous).toBeNull();
    const back = await findSolutions({ filter: emptyFilter(), sort, after: null, before: third.previous }, 25);
    expect(back.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
    const backAgain = await findSolutions({ filter: emptyFilter(), sort, after: null, before: back.previous }, 25);
    expect(backAgain.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(backAgain.previous).toBeNull();
  });

  const cases: [string, Partial<SolutionFilter>, (r: Ref) => boolean][] = [
    ["set", { setIds: [0] }, () => true], // replaced below with the real set id
    ["source", { sources: ["math", "gsm8k"] }, (r) => r.source === "math" || r.source === "gsm8k"],
    ["batch", { batchIds: [0] }, () => true],
    ["model", { models: ["llama-70b", ""] }, (r) => r.model === "llama-70b" || r.model === null],
    ["verdict", { verdicts: ["not_equal", "no_answer"] }, (r) => r.verdict === "not_equal" || r.verdict === "no_answer"],
    ["contamination", { contamination: ["contaminated"] }, (r) => r.contamination_status === "contaminated"],
    ["review", { reviewStatuses: ["accepted"] }, (r) => r.review_status === "accepted"],
    ["provenance", { provenances: ["reference"] }, (r) => r.provenance === "reference"],
    ["provenance and verdict", { provenances: ["generated"], verdicts: ["equal"] }, (r) => r.provenance === "generated" && r.verdict === "equal"],
    ["length", { length: { min: 100, max: 150 } }, (r) => r.char_length >= 100 && r.char_length <= 150],
    ["tokens", { tokens: { min: 50, max: null } }, (r) => r.token_count !== null && r.token_count >= 50],
    ["agreement", { agreement: { min: 0.75, max: null } }, (r) => r.agreement !== null && r.agreement >= 0.75],
    ["solution text", { solutionText: "step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step" }, (r) => r.text.toLowerCase().includes("step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step step")],
    ["solution text with LIKE wildcards", { solutionText: "100%_x" }, (r) => r.text.includes("100%_x")],
    ["problem text", { problemText: "TRIANGLE" }, (r) => r.problem_text.toLowerCase().includes("triangle")],
    ["answer class", { answerKey: "7" }, (r) => r.answer_key === "7"],
    ["problem", { problemId: 5 }, (r) => r.problem_id === 5],
    ["combined", { verdicts: ["equal"], sources: ["math"], length: { min: 120, max: null } }, (r) => r.verdict === "equal" && r.source === "math" && r.char_length >= 120],
  ];

  it.each(cases)("filters by %s exactly", async (name, patch, predicate) => {
    let filter = filterOf(patch);
    let match = predicate;
    if (name === "set") {
      filter = filterOf({ setIds: [world.setIds[1]] });
      match = (r) => r.set_id === world.setIds[1];
    }
    if (name === "batch") {
      filter = filterOf({ batchIds: [world.batchIds[0]] });
      match = (r) => r.batch_id === world.batchIds[0];
    }
    if (name === "problem") {
      const problemId = all[0].problem_id;
      filter = filterOf({ problemId });
      match = (r) => r.problem_id === problemId;
    }
    const expected = all.filter(match).map((r) => r.id).sort((a, b) => b - a);
    expect(expected.length, name).toBeGreaterThan(0);
    expect(await walk(filter)).toEqual(expected);
  });

  it("returns the joined columns of a row", async () => {
    const page = await findSolutions({ filter: emptyFilter(), sort: DEFAULT_SORT, after: null, before: null }, 1);
    const row = page.rows[0];
    const ref = all.find((r) => r.id === row.id);
    expect(row.problemHead).toBe(ref?.problem_text.split("\n")[0]);
    expect(row.setName).toMatch(/seed-gsm|synth-math/);
    expect(row.source).toBe(ref?.source);
  });

  it("refuses a cursor that does not fit the sort", async () => {
    const page = await findSolutions({ filter: emptyFilter(), sort: { key: "model", direction: "asc" }, after: null, before: null }, 5);
    await expect(findSolutions({ filter: emptyFilter(), sort: { key: "length", direction: "asc" }, after: page.next, before: null })).rejects.toThrow(/does not fit the sort/);
  });
});

describe("countSolutions", () => {
  it("is exact from counters with no filter or only sets", async () => {
    expect(await countSolutions(emptyFilter())).toEqual({ value: all.length, exact: true, source: "counters" });
    const inSet = all.filter((r) => r.set_id === world.setIds[0]).length;
    expect(await countSolutions(filterOf({ setIds: [world.setIds[0]] }))).toEqual({ value: inSet, exact: true, source: "counters" });
  });

  it("is exact below the bound and bounded above it", async () => {
    const accepted = all.filter((r) => r.review_status === "accepted").length;
    expect(await countSolutions(filterOf({ reviewStatuses: ["accepted"] }), accepted + 5)).toEqual({ value: accepted, exact: true, source: "rows" });
    expect(await countSolutions(filterOf({ reviewStatuses: ["accepted"] }), accepted - 1)).toEqual({ value: accepted - 1, exact: false, source: "rows" });
  });
});

describe("facets", () => {
  it("counts each value under the rest of the filter, bounded", async () => {
    const filter = filterOf({ sources: ["math"], verdicts: ["equal"] });
    const options = await listFacetOptions(filter);
    expect(options.sources.map((o) => o.value)).toEqual(["augmented_gsm8k", "augmented_math", "gsm8k", "math"]);
    expect(options.models.map((o) => o.value)).toEqual(["", "llama-405b", "llama-70b"]);
    const counts = await countFacetOptions(filter, options, 30);
    // Verdict facet: its own selection is replaced, the source filter stays.
    for (const verdict of ["equal", "not_equal", "no_answer"]) {
      const n = all.filter((r) => r.source === "math" && r.verdict === verdict).length;
      expect(counts.verdicts[verdict], verdict).toEqual(n > 30 ? { value: 30, exact: false, source: "rows" } : { value: n, exact: true, source: "rows" });
    }
    const references = all.filter((r) => r.source === "math" && r.verdict === "equal" && r.provenance === "reference").length;
    expect(options.provenances.map((o) => o.value)).toEqual(["reference", "generated"]);
    expect(counts.provenances.reference).toEqual(references > 30 ? { value: 30, exact: false, source: "rows" } : { value: references, exact: true, source: "rows" });
    const gsm = all.filter((r) => r.source === "gsm8k" && r.verdict === "equal").length;
    expect(counts.sources.gsm8k).toEqual(gsm > 30 ? { value: 30, exact: false, source: "rows" } : { value: gsm, exact: true, source: "rows" });
  });

  it("uses the set counters when nothing else is filtered", async () => {
    const options = await listFacetOptions(emptyFilter());
    const counts = await countFacetOptions(emptyFilter(), options);
    expect(counts.setIds[String(world.setIds[0])]).toEqual({ value: all.filter((r) => r.set_id === world.setIds[0]).length, exact: true, source: "counters" });
  });
});

describe("a text search that runs too long", () => {
  it("stops at its time limit with a message that says how to narrow it, and leaves the pool usable", async () => {
    // Another transaction holds the sets table: the search waits on it and hits its limit, as a
    // search reading most of a 14M-row set does (deterministic, unlike a race against the clock).
    const holder = await pool().connect();
    try {
      await holder.query("BEGIN");
      await holder.query("LOCK TABLE problem_sets IN ACCESS EXCLUSIVE MODE");
      const search = findSolutions({ filter: filterOf({ solutionText: "the" }), sort: DEFAULT_SORT, after: null, before: null }, 50, { searchTimeoutMs: 300 });
      await expect(search).rejects.toMatchObject({ message: expect.stringMatching(/text search took longer than 0\.3 s/), hint: expect.stringMatching(/narrow it with a set, source or verdict filter/) });
    } finally {
      await holder.query("ROLLBACK");
      holder.release();
    }
    const page = await findSolutions({ filter: filterOf({ solutionText: "the" }), sort: DEFAULT_SORT, after: null, before: null }, 50, { searchTimeoutMs: 300 });
    expect(page.rows.length).toBeGreaterThan(0);
  });
});

