// Protects incremental retrieval (earlier-retrieval.ts): a run retrieves only the problems added
// since the last retrieval of the set against the same benchmark sets with the same settings, and
// everything again when forced, when a setting differs or when the benchmark sets changed. Pairs of
// problems it does not retrieve are left exactly as they were.
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { runRetrievalHere } from "@/lib/decontamination/pipeline/retrieval-task";
import { addSyntheticProblems, loadDemo, statusOf } from "./decontam-helpers";

let benchmark: { id: number; text: string }[] = [];

const variant = (i: number) => benchmark[i % benchmark.length].text.replace(/\d+/g, (d) => String(Number(d) + i + 1));

async function run(settings: { against?: string[]; threshold?: number; force?: boolean } = {}) {
  const logs: string[] = [];
  const { taskId, summary } = await runRetrievalHere({ problemSet: "incremental", against: settings.against ?? ["demo-benchmark"], ...settings }, null, { log: (l) => logs.push(l) });
  return { taskId, summary, logs: logs.join("\n") };
}

async function topScore(problemId: number): Promise<number> {
  const { rows } = await pool().query<{ score: number }>(`SELECT score FROM contamination_candidates WHERE problem_id = $1 AND rank = 1`, [problemId]);
  return rows[0].score;
}

async function addBenchmarkCopy(setName: string, text: string, key: string): Promise<void> {
  await pool().query(`INSERT INTO problem_sets (name, role) VALUES ($1, 'benchmark') ON CONFLICT (name) DO NOTHING`, [setName]);
  await pool().query(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source) SELECT id, $2, md5($2 || $3), $3, 'copy' FROM problem_sets WHERE name = $1`,
    [setName, text, key],
  );
  await pool().query(`UPDATE problem_sets SET problem_count = problem_count + 1 WHERE name = $1`, [setName]);
}

beforeAll(async () => {
  await loadDemo();
  benchmark = (await pool().query<{ id: number; text: string }>(`SELECT p.id, p.text FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = 'demo-benchmark' ORDER BY p.id`)).rows;
});

describe("incremental retrieval", () => {
  it("retrieves only the problems added since the last run, leaves the others' pairs alone, and everything when forced", async () => {
    const first = await addSyntheticProblems("incremental", [0, 1, 2, 3].map((i) => ({ key: `inc/${i}`, text: variant(i) })));
    const one = await run();
    expect(one.summary).toMatchObject({ checked: 4, retrieved: 4, continuedFrom: null, lastId: first[3] });

    // An old pair edited by hand shows whether a run retrieved its problem again.
    await pool().query(`UPDATE contamination_candidates SET score = 0.001 WHERE problem_id = $1 AND rank = 1`, [first[0]]);
    const added = await addSyntheticProblems("incremental", [4, 5].map((i) => ({ key: `inc/${i}`, text: variant(i) })));
    const two = await run();
    expect(two.summary).toMatchObject({ checked: 6, retrieved: 2, continuedFrom: { taskId: one.taskId, lastId: first[3] }, lastId: added[1] });
    expect(two.logs).toContain(`continuing after task #${one.taskId}`);
    expect(await topScore(first[0])).toBe(0.001);
    for (const id of added) expect(await statusOf(id)).not.toBe("unchecked");
    const task = await pool().query(`SELECT message FROM tasks WHERE id = $1`, [two.taskId]);
    expect(task.rows[0].message).toMatch(new RegExp(`^2 new problems checked \\(4 checked before, by task #${one.taskId}\\)`));

    // Nothing new: nothing retrieved, and the report's "checked" (result.checked) still covers the set.
    const three = await run();
    expect(three.summary).toMatchObject({ checked: 6, retrieved: 0, pairs: 0, continuedFrom: { taskId: two.taskId }, lastId: added[1] });

    const forced = await run({ force: true });
    expect(forced.summary).toMatchObject({ checked: 6, retrieved: 6, continuedFrom: null });
    expect(await topScore(first[0])).toBeGreaterThan(0.001);
  });

  it("retrieves everything again when a setting differs or the benchmark sets changed, and follows each benchmark choice apart", async () => {
    const otherThreshold = await run({ threshold: 0.7 });
    expect(otherThreshold.summary).toMatchObject({ retrieved: 6, continuedFrom: null });
    expect(otherThreshold.logs).toContain("its threshold was 0.5, not 0.7");

    // Another benchmark choice: its own first run, then incremental for it too.
    await addBenchmarkCopy("incremental-bench", benchmark[0].text, "ib/0");
    const other = await run({ against: ["incremental-bench"] });
    expect(other.summary).toMatchObject({ retrieved: 6, continuedFrom: null });
    expect((await run({ against: ["incremental-bench"] })).summary).toMatchObject({ retrieved: 0, continuedFrom: { taskId: other.taskId } });

    // A problem added to the benchmark set: every problem must be checked against it.
    await addBenchmarkCopy("incremental-bench", benchmark[1].text, "ib/1");
    const grown = await run({ against: ["incremental-bench"] });
    expect(grown.summary).toMatchObject({ retrieved: 6, continuedFrom: null });
    expect(grown.logs).toContain("the benchmark sets changed since");

    // Back to demo-benchmark with threshold 0.7: continues after that run, not after the others.
    const back = await run({ threshold: 0.7 });
    expect(back.summary).toMatchObject({ retrieved: 0, continuedFrom: { taskId: otherThreshold.taskId } });
  });
});
