// Protects bulk storage of retrieval results (store-candidates.ts: COPY into a staging table, one
// upsert, one status statement per page) and the page pipeline (run-retrieval.ts: worker
// processes retrieving page n+1 while page n is stored) on sets spanning several pages: the
// worker processes store exactly what this thread stores, a re-run keeps judge answers, people's
// decisions and pairs it no longer finds, COPY's text format carries any evidence unchanged, and a
// cancel stops between pages with the stored pages kept (the next run continues after them).
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { runRetrievalAsWorker, runRetrievalHere } from "@/lib/decontamination/pipeline/retrieval-task";
import { RETRIEVAL_CHUNK } from "@/lib/decontamination/pipeline/run-retrieval";
import { storeCandidates } from "@/lib/decontamination/pipeline/store-candidates";
import { loadDemo } from "./decontam-helpers";

// A full page and a part page.
const SIZE = RETRIEVAL_CHUNK + 1_234;
const NAMES = ["Ana", "Bilal", "Chen", "Dara", "Emeka", "Farah", "Goran", "Hana"];
const THINGS = ["apples", "stamps", "marbles", "books", "coins", "tickets", "pencils", "shells"];

let benchmark: { id: number; text: string; gold_answer: string | null }[] = [];

/** Problem i of every test set: copies and number-changed variants of the benchmark problems among unrelated problems. */
function problemText(i: number): string {
  const source = benchmark[i % benchmark.length].text;
  if (i % 97 === 0) return `  ${source.toUpperCase()}  `; // exact after trim + lowercase
  if (i % 11 === 0) return source.replace(/\d+/g, (d) => String(Number(d) + (i % 5) + 1)); // same template, other numbers
  const name = NAMES[i % NAMES.length];
  const thing = THINGS[(i >> 3) % THINGS.length];
  return `${name} has ${i % 40} ${thing} and buys ${(i % 13) + 2} more boxes with ${(i % 9) + 3} ${thing} each. How many ${thing} does ${name} have now? (${i})`;
}

async function addSet(name: string): Promise<number> {
  const { rows } = await pool().query<{ id: number }>(`INSERT INTO problem_sets (name, role, problem_count) VALUES ($1, 'synthetic', $2) RETURNING id`, [name, SIZE]);
  const setId = rows[0].id;
  const texts = Array.from({ length: SIZE }, (_, i) => problemText(i));
  // Every third problem carries a label: its source's answer, so the score's answer signal is used.
  const labels = Array.from({ length: SIZE }, (_, i) => (i % 3 === 0 ? benchmark[i % benchmark.length].gold_answer : null));
  await pool().query(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer)
     SELECT $1, t, md5($2 || ':' || n), 'p/' || (n - 1), 'augmented_gsm8k', a FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS x(t, a, n)`,
    [setId, name, texts, labels],
  );
  return setId;
}

interface StoredPair {
  key: string;
  benchmark_problem_id: number;
  rank: number;
  score: number;
  embedding_score: number | null;
  exact: boolean;
  evidence: unknown;
  judge_forward: string | null;
}

async function pairsOf(setId: number): Promise<StoredPair[]> {
  const { rows } = await pool().query<StoredPair>(
    `SELECT p.source_key AS key, c.benchmark_problem_id, c.rank, c.score, c.embedding_score, c.exact, c.evidence, c.judge_forward::text
     FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id WHERE p.set_id = $1 ORDER BY p.source_key, c.benchmark_problem_id`,
    [setId],
  );
  return rows;
}

async function statusesOf(setId: number): Promise<Map<string, string>> {
  const { rows } = await pool().query<{ key: string; s: string }>(`SELECT source_key AS key, contamination_status::text AS s FROM problems WHERE set_id = $1`, [setId]);
  return new Map(rows.map((r) => [r.key, r.s]));
}

const idOf = async (setId: number, key: string) => (await pool().query<{ id: number }>(`SELECT id FROM problems WHERE set_id = $1 AND source_key = $2`, [setId, key])).rows[0].id;

beforeAll(async () => {
  await loadDemo();
  benchmark = (await pool().query<{ id: number; text: string; gold_answer: string | null }>(`SELECT p.id, p.text, p.gold_answer FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = 'demo-benchmark' ORDER BY p.id`)).rows;
});

describe("bulk retrieval over several pages", () => {
  it("stores through worker processes exactly what this thread stores, page by page, with the Task's progress", async () => {
    const inWorkers = await addSet("bulk-workers");
    const inThread = await addSet("bulk-thread");
    const progress: number[] = [];
    const viaWorkers = await runRetrievalHere({ problemSet: "bulk-workers", against: ["demo-benchmark"], workers: 2 }, null, { onProgress: (p) => progress.push(p.done) });
    const viaThread = await runRetrievalAsWorker({ problemSet: "bulk-thread", against: ["demo-benchmark"], workers: 1 });

    // Progress moves once per stored page: two full pages, then the rest.
    expect(progress).toEqual([RETRIEVAL_CHUNK, SIZE]);
    const workersPairs = await pairsOf(inWorkers);
    const threadPairs = await pairsOf(inThread);
    expect(workersPairs.length).toBeGreaterThan(SIZE);
    expect(workersPairs).toEqual(threadPairs);
    // The labels reached the worker processes: the answer signal is on where a label equals the gold.
    expect(workersPairs.filter((p) => (p.evidence as { views: { answer: number } }).views.answer === 1).length).toBeGreaterThan(100);
    expect(await statusesOf(inWorkers)).toEqual(await statusesOf(inThread));

    const summary = viaWorkers.summary;
    expect({ checked: summary.checked, pairs: summary.pairs, stopped: summary.stopped }).toEqual({ checked: SIZE, pairs: workersPairs.length, stopped: false });
    expect({ ...viaThread.summary, seconds: 0, problemSet: "", lastId: 0 }).toEqual({ ...summary, seconds: 0, problemSet: "", lastId: 0 });
    // Every status follows from the stored pairs, and the summary counts them.
    const statuses = [...(await statusesOf(inWorkers)).values()];
    const count = (s: string) => statuses.filter((x) => x === s).length;
    expect({ exact: summary.exact, near: summary.near, clean: summary.clean }).toEqual({ exact: count("flagged"), near: count("candidate"), clean: count("clean") });
    expect(summary.exact).toBe(Math.ceil(SIZE / 97));
    expect(summary.near).toBeGreaterThan(0);
    expect(summary.clean).toBeGreaterThan(0);

    const tasks = await pool().query(`SELECT state::text, done::int, total::int FROM tasks WHERE id = ANY($1) ORDER BY id`, [[viaWorkers.taskId, viaThread.taskId]]);
    expect(tasks.rows).toEqual([
      { state: "completed", done: SIZE, total: SIZE },
      { state: "completed", done: SIZE, total: SIZE },
    ]);
    const audit = await pool().query(`SELECT details->>'via' AS via FROM audit_log WHERE action = 'decontam.retrieve.start' AND object_id = $1`, [String(viaThread.taskId)]);
    expect(audit.rows).toEqual([{ via: "script" }]);
  }, 180_000);

  it("a re-run updates pairs in place and keeps judge answers, people's decisions and pairs it no longer finds", async () => {
    const setId = await addSet("bulk-rerun");
    await runRetrievalHere({ problemSet: "bulk-rerun", against: ["demo-benchmark"], workers: 2 }, null);
    const before = await pairsOf(setId);

    // A person decided three problems (one of them an exact copy, which retrieval would flag);
    // the judge answered a pair; a pair was edited; a pair retrieval never returns was stored.
    const decided = { "p/0": "cleared", "p/1": "contaminated", "p/6001": "unsure" } as const;
    for (const [key, status] of Object.entries(decided)) {
      await pool().query(`UPDATE problems SET contamination_status = $2::"ContaminationStatus" WHERE id = $1`, [await idOf(setId, key), status]);
    }
    const judged = await idOf(setId, "p/22");
    await pool().query(`UPDATE contamination_candidates SET judge_forward = 'said_false', judge_backward = 'said_false' WHERE problem_id = $1 AND rank = 1`, [judged]);
    const edited = await idOf(setId, "p/23");
    await pool().query(`UPDATE contamination_candidates SET score = 0.001, evidence = '{}' WHERE problem_id = $1 AND rank = 1`, [edited]);
    const stale = await idOf(setId, "p/24");
    const missing = benchmark.find((b) => !before.some((p) => p.key === "p/24" && p.benchmark_problem_id === b.id));
    await pool().query(`DELETE FROM contamination_candidates WHERE problem_id = $1 AND rank = 5`, [stale]);
    await pool().query(`INSERT INTO contamination_candidates (problem_id, benchmark_problem_id, rank, score, exact) VALUES ($1, $2, 9, 0.2, false)`, [stale, missing?.id ?? benchmark[0].id]);

    const { summary } = await runRetrievalHere({ problemSet: "bulk-rerun", against: ["demo-benchmark"], workers: 2, force: true }, null);
    expect(summary.kept).toBe(3);
    expect({ retrieved: summary.retrieved, continuedFrom: summary.continuedFrom }).toEqual({ retrieved: SIZE, continuedFrom: null });
    const after = await pairsOf(setId);
    // Every pair found again is as the first run stored it (the edit is undone), judge answers stay.
    const found = after.filter((p) => !(p.key === "p/24" && p.rank === 9));
    expect(found.map(({ judge_forward: _, ...p }) => p)).toEqual(before.map(({ judge_forward: _, ...p }) => p));
    expect(after.filter((p) => p.judge_forward === "said_false").map((p) => p.key)).toEqual(["p/22"]);
    expect(after.filter((p) => p.key === "p/24" && p.rank === 9)).toHaveLength(missing ? 1 : 0);
    const statuses = await statusesOf(setId);
    for (const [key, status] of Object.entries(decided)) expect(statuses.get(key)).toBe(status);
  }, 180_000);

  it("stops between pages when the Task is cancelled: the stored pages stay, the rest stays unchecked", async () => {
    const setId = await addSet("bulk-cancel");
    const { taskId, summary } = await runRetrievalHere({ problemSet: "bulk-cancel", against: ["demo-benchmark"], workers: 2 }, null, { shouldStop: async () => true });
    expect(summary).toMatchObject({ stopped: true, checked: RETRIEVAL_CHUNK });
    // The first page (by id) is checked and holds every stored pair; the rest was never touched.
    const { rows } = await pool().query<{ checked: number; unchecked: number; pairs: number; outside: number }>(
      `WITH first_page AS (SELECT id FROM problems WHERE set_id = $1 ORDER BY id LIMIT $2)
       SELECT count(*) FILTER (WHERE contamination_status <> 'unchecked' AND id IN (SELECT id FROM first_page))::int AS checked,
              count(*) FILTER (WHERE contamination_status = 'unchecked')::int AS unchecked,
              (SELECT count(*)::int FROM contamination_candidates c JOIN problems q ON q.id = c.problem_id WHERE q.set_id = $1) AS pairs,
              (SELECT count(*)::int FROM contamination_candidates c JOIN problems q ON q.id = c.problem_id WHERE q.set_id = $1 AND q.id NOT IN (SELECT id FROM first_page)) AS outside
       FROM problems WHERE set_id = $1`,
      [setId, RETRIEVAL_CHUNK],
    );
    expect(rows[0]).toEqual({ checked: RETRIEVAL_CHUNK, unchecked: SIZE - RETRIEVAL_CHUNK, pairs: summary.pairs, outside: 0 });
    expect(summary.pairs).toBeGreaterThan(RETRIEVAL_CHUNK);
    const task = await pool().query(`SELECT state::text, done::int FROM tasks WHERE id = $1`, [taskId]);
    expect(task.rows[0]).toEqual({ state: "cancelled", done: RETRIEVAL_CHUNK });

    // The next run continues after the stored page: only the rest is retrieved.
    const next = await runRetrievalHere({ problemSet: "bulk-cancel", against: ["demo-benchmark"], workers: 2 }, null);
    expect(next.summary).toMatchObject({ stopped: false, checked: SIZE, retrieved: SIZE - RETRIEVAL_CHUNK, continuedFrom: { taskId } });
    const left = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM problems WHERE set_id = $1 AND contamination_status = 'unchecked'`, [setId]);
    expect(left.rows[0].n).toBe(0);
  }, 180_000);
});

describe("storeCandidates", () => {
  it("carries any evidence and score through COPY's text format unchanged", async () => {
    const { rows } = await pool().query<{ id: number }>(`SELECT p.id FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = 'demo-synthetic' ORDER BY p.id LIMIT 1`);
    const problemId = rows[0].id;
    const evidence = {
      sharedNgrams: ["\\frac{1}{2} of", "a\ttab", "two\nlines", 'say "hi"', "back\\slash\\\\n", "\\N", "é 🙂 日本"],
      sharedNumbers: ["1/3", "-0.5"],
      views: { text: 1 / 3, skeleton: 0 },
      retrievedBy: ["lexical" as const, "embedding" as const],
    };
    const rowsIn = [
      { benchmarkId: benchmark[0].id, setName: "demo-benchmark", key: "k0", rank: 1, score: 1 / 3, embeddingScore: 0.1 + 0.2, exact: false, evidence },
      { benchmarkId: benchmark[1].id, setName: "demo-benchmark", key: "k1", rank: 2, score: 1e-7, embeddingScore: null, exact: true, evidence: { sharedNgrams: [], sharedNumbers: [], views: {}, retrievedBy: ["lexical" as const] } },
    ];
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      const outcome = await storeCandidates(client, [{ problemId, rows: rowsIn }], { threshold: 0.5, embeddingThreshold: 0.9 });
      // The staging table is gone: a second page in the same transaction works.
      const again = await storeCandidates(client, [{ problemId, rows: rowsIn }], { threshold: 0.5, embeddingThreshold: 0.9 });
      await client.query("COMMIT");
      expect(outcome.pairs).toBe(2);
      expect(again.pairs).toBe(2);
    } finally {
      client.release();
    }
    const stored = await pool().query(`SELECT benchmark_problem_id, rank, score, embedding_score, exact, evidence FROM contamination_candidates WHERE problem_id = $1 AND rank <= 2 ORDER BY rank`, [problemId]);
    expect(stored.rows).toEqual(rowsIn.map((r) => ({ benchmark_problem_id: r.benchmarkId, rank: r.rank, score: r.score, embedding_score: r.embeddingScore, exact: r.exact, evidence: r.evidence })));
  });
});
