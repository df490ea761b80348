// An import into a new set loads its solutions into the set's own table (COPY FREEZE, no index
// kept up), builds the indexes afterwards and attaches the table before COMMIT
// (lib/datasets/import/samples-partition.ts). It must store exactly what an import into an
// existing set stores, end with the same indexes as any other set's table, keep the insight
// aggregates right, leave nothing behind when the file is bad, and hand a large set's search
// index to a background job that runs after grading.
import { describe, expect, it } from "vitest";
import { gradeImportJob } from "@/lib/datasets/grading-job/grade-import-job";
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { searchIndexState, setsWithoutSearchIndex } from "@/lib/datasets/search-index/search-index-state";
import { createTask } from "@/lib/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { databaseSnapshot, importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-new-set-");
// Solutions of many lengths (several length buckets of the insight aggregates) and two sources.
const omi2 = (i: number) =>
  JSON.stringify({
    problem: `Load problem ${i}: what is ${i} + 2?`,
    generated_solution: `So \\frac{${i}}{1} + 2 = \\boxed{${i + 2}}.${" Check.".repeat(i % 300)}`,
    expected_answer: String(i + 2),
    problem_source: i % 3 ? "augmented_math" : "augmented_gsm8k",
  });
const file = (name: string, lines: string[]) => writeTemp(dir, name, `${lines.join("\n")}\n`);

async function setId(name: string): Promise<number> {
  return (await prisma().problemSet.findUniqueOrThrow({ where: { name } })).id;
}

/** A set's partition indexes, with the partition's name taken out of names and definitions. */
async function partitionIndexes(set: number): Promise<string[]> {
  const { rows } = await pool().query<{ def: string }>(
    `SELECT replace(pg_get_indexdef(x.indexrelid), boxed_samples_partition_name($1), 'P') AS def
       FROM pg_index x WHERE x.indrelid = boxed_samples_partition_name($1)::regclass`,
    [set],
  );
  // Index names differ by how the index was made (ATTACH names its own); the definition is what counts.
  return rows.map((r) => r.def.replace(/INDEX \S+ ON/, "INDEX ON")).sort();
}

async function storedRows(set: string) {
  const { rows } = await pool().query(
    `SELECT p.text, p.gold_answer, p.source_key, p.sample_count, s.text AS solution, s.sample_index, s.char_length, s.boxed_count, s.verdict::text
       FROM problems p JOIN problem_sets ps ON ps.id = p.set_id JOIN samples s ON s.problem_id = p.id
      WHERE ps.name = $1 ORDER BY p.source_key, s.id`,
    [set],
  );
  return rows;
}

async function aggregates(set: number) {
  const { rows } = await pool().query(
    "SELECT source, verdict::text, len_bucket, samples FROM sample_stats WHERE set_id = $1 AND samples <> 0 ORDER BY 1, 2, 3",
    [set],
  );
  return rows;
}

describe("import into a new set", () => {
  it("stores what an import into an existing set stores, with the same indexes and aggregates, and reports each index", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => omi2(i % 2500)); // 500 duplicates
    const path = file("load.jsonl", lines);
    // An existing (empty) set: its table was made by the problem_sets trigger; rows go through `samples`.
    await pool().query(`INSERT INTO problem_sets (name, role) VALUES ('existing', 'synthetic')`);
    const existing = await importFiles([path], "existing", "synthetic");
    const built: [number, number, string][] = [];
    const fresh = await importFiles([path], "fresh", "synthetic", { onIndexBuilt: (b, t, n) => built.push([b, t, n]) });

    expect(existing.summary.loadPath).toBe("existing-set");
    expect(fresh.summary).toMatchObject({ ok: true, loadPath: "new-set", searchIndex: "built" });
    for (const key of ["rows", "problemsInserted", "duplicates", "solutionsInserted"] as const) expect(fresh.summary[key]).toBe(existing.summary[key]);
    expect(await storedRows("fresh")).toEqual(await storedRows("existing"));
    const freshAggregates = await aggregates(await setId("fresh"));
    expect(freshAggregates.length).toBeGreaterThan(10);
    expect(freshAggregates).toEqual(await aggregates(await setId("existing")));
    expect(await partitionIndexes(await setId("fresh"))).toEqual(await partitionIndexes(await setId("existing")));

    // Announced before the first build, then once per index of `samples`.
    const { rows: parentIndexes } = await pool().query("SELECT 1 FROM pg_index WHERE indrelid = 'samples'::regclass");
    const total = built[0]?.[1] ?? 0;
    expect(total).toBe(parentIndexes.length);
    expect(built.map(([b]) => b)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));

    // The rows were written frozen (COPY FREEZE): every tuple carries the frozen xmin, so no later
    // pass (the first read setting hint bits, an anti-wraparound vacuum) rewrites its page. The
    // set loaded through `samples` has none.
    await pool().query("CREATE EXTENSION IF NOT EXISTS pageinspect");
    const frozenTuples = async (set: number) =>
      (
        await pool().query<{ frozen: number; tuples: number }>(
          `SELECT count(*) FILTER (WHERE t.t_infomask & 768 = 768)::int AS frozen, count(*)::int AS tuples
             FROM generate_series(0, pg_relation_size(boxed_samples_partition_name($1)) / 8192 - 1) AS page,
                  heap_page_items(get_raw_page(boxed_samples_partition_name($1), page::int)) AS t
            WHERE t.lp_flags = 1`,
          [set],
        )
      ).rows[0];
    expect(await frozenTuples(await setId("fresh"))).toEqual({ frozen: 3000, tuples: 3000 });
    expect((await frozenTuples(await setId("existing"))).frozen).toBe(0);

    // The search index serves the browser's substring search in the new set.
    const client = await pool().connect();
    try {
      await client.query("SET enable_seqscan = off");
      const { rows: plan } = await client.query(`EXPLAIN SELECT id FROM samples WHERE set_id = $1 AND text ILIKE '%frac{2400}%'`, [await setId("fresh")]);
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/samples_set_\d+_text_trgm/);
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  });

  it("imports into new sets and set creation run side by side without deadlock", async () => {
    // Attaching a set's table must not lock the tables samples refers to: two imports both write
    // problems and both attach (foreign keys on samples would deadlock them), and a set created in
    // the middle of an import attaches its own table while the import holds its writes.
    const lines = (base: number) => Array.from({ length: 4000 }, (_, i) => omi2(base + i));
    let created: Promise<unknown> | null = null;
    const [a, b] = await Promise.all([
      importFiles([file("side-a.jsonl", lines(50_000))], "side-a", "synthetic", {
        onIndexBuilt: () => {
          created ??= pool().query(`INSERT INTO problem_sets (name, role) VALUES ('side-created', 'seed')`);
        },
      }),
      importFiles([file("side-b.jsonl", lines(60_000))], "side-b", "synthetic"),
    ]);
    expect(a.summary.ok && b.summary.ok).toBe(true);
    await expect(created).resolves.toBeTruthy();
    const { rows } = await pool().query(
      "SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'samples'::regclass AND inhrelid::regclass::text IN ($1, $2, $3)",
      [`samples_set_${await setId("side-a")}`, `samples_set_${await setId("side-b")}`, `samples_set_${await setId("side-created")}`],
    );
    expect(rows[0].n).toBe(3);
  });

  it("a bad line leaves nothing: no set, no table, no rows, no aggregates", async () => {
    const snapshot = await databaseSnapshot();
    const { rows: tablesBefore } = await pool().query("SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'samples_set_%' AND relkind = 'r'");
    const { rows: statsBefore } = await pool().query("SELECT coalesce(sum(samples), 0)::int AS n FROM sample_stats");
    const lines = Array.from({ length: 5000 }, (_, i) => omi2(10_000 + i));
    lines[4500] = '{"problem": "cut short", "generated_solution": ';
    const { summary } = await importFiles([file("bad.jsonl", lines)], "fresh-bad", "synthetic");
    expect(summary.ok).toBe(false);
    expect(summary.errors[0]?.message).toMatch(/line 4501/);
    expect(await databaseSnapshot()).toEqual(snapshot);
    const { rows: tablesAfter } = await pool().query("SELECT count(*)::int AS n FROM pg_class WHERE relname LIKE 'samples_set_%' AND relkind = 'r'");
    expect(tablesAfter[0].n).toBe(tablesBefore[0].n);
    const { rows: statsAfter } = await pool().query("SELECT coalesce(sum(samples), 0)::int AS n FROM sample_stats");
    expect(statsAfter[0].n).toBe(statsBefore[0].n);
  });

  it("a large set's search index waits for grading, then a job builds it with progress, and search uses it", async () => {
    const path = file("large.jsonl", Array.from({ length: 400 }, (_, i) => omi2(20_000 + i)));
    const { taskId, summary } = await importFiles([path], "large", "synthetic", { inlineSearchIndexMax: 100 });
    expect(summary).toMatchObject({ ok: true, loadPath: "new-set", searchIndex: "deferred" });
    const set = await setId("large");
    expect(await searchIndexState(set)).toBe("missing");
    expect((await setsWithoutSearchIndex()).map((s) => s.setName)).toEqual(["large"]);
    const searchTaskId = summary.searchIndexTaskId as number;
    expect(await prisma().task.findUniqueOrThrow({ where: { id: searchTaskId } })).toMatchObject({ kind: "search-index", state: "queued" });

    // The grading job, when it ends, queues the search index job for this set (once per set).
    const gradingTaskId = await createTask({ kind: "grade-import", label: "grade", total: 400 });
    await gradeImportJob.handle({ importTaskId: taskId, gradingTaskId, searchIndex: { setId: set, taskId: searchTaskId } }, {} as never);
    const { rows: jobs } = await pool().query("SELECT data FROM pgboss.job WHERE name = $1", ["search-index"]);
    expect(jobs.map((j) => j.data)).toEqual([{ setId: set, taskId: searchTaskId }]);

    // The job's work: CONCURRENTLY, with the Task row as its progress bar.
    const phases: string[] = [];
    expect(await buildSearchIndex(set, { taskId: searchTaskId, onProgress: (p) => phases.push(p.phase) })).toBe("built");
    expect(phases.at(-1)).toBe("done");
    expect(await searchIndexState(set)).toBe("ready");
    expect(await setsWithoutSearchIndex()).toEqual([]);
    const task = await prisma().task.findUniqueOrThrow({ where: { id: searchTaskId } });
    expect(task.state).toBe("completed");
    expect(Number(task.done)).toBe(Number(task.total));
    expect(Number(task.total)).toBeGreaterThan(0);
    // Running it again finds the index there.
    expect(await buildSearchIndex(set)).toBe("already-there");
  });

  it("two builds of one set's search index at once: one builds, the other waits and finds it there", async () => {
    await importFiles([file("twice.jsonl", Array.from({ length: 300 }, (_, i) => omi2(40_000 + i)))], "twice", "synthetic", { inlineSearchIndexMax: 10 });
    const set = await setId("twice");
    const outcomes = await Promise.all([buildSearchIndex(set), buildSearchIndex(set)]);
    expect(outcomes.sort()).toEqual(["already-there", "built"]);
    expect(await searchIndexState(set)).toBe("ready");
  });

  it("a search index build killed halfway (an invalid index) is dropped and built again", async () => {
    await importFiles([file("killed.jsonl", Array.from({ length: 200 }, (_, i) => omi2(30_000 + i)))], "killed", "synthetic", { inlineSearchIndexMax: 10 });
    const set = await setId("killed");
    // What a killed CREATE INDEX CONCURRENTLY leaves: the index, marked invalid.
    const { rows } = await pool().query<{ sql: string }>("SELECT boxed_samples_search_index_sql($1, false) AS sql", [set]);
    await pool().query(rows[0].sql);
    await pool().query(`UPDATE pg_index SET indisvalid = false WHERE indexrelid = (boxed_samples_partition_name($1) || '_text_trgm')::regclass`, [set]);
    expect(await searchIndexState(set)).toBe("building");
    expect(await buildSearchIndex(set)).toBe("built");
    expect(await searchIndexState(set)).toBe("ready");
  });
});
