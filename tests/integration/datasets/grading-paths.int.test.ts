// Issue #21, "the real scale": a large grading run stages its grades by COPY and rebuilds the
// set's partition once (the bulk path) instead of updating every row. This proves the two paths
// end in the same database: real GSM8K and MATH rows (../shared/data) imported into new sets from
// the same file, graded one way and the other, then every samples column (graded_at aside: it is
// the time of grading), every aggregate row of the set and the problem and set counters compared.
// Also: a bulk run stopped mid-staging resumes from what is staged (and grades nothing twice); the
// set still reads during the rebuild (its writers wait); a row deleted or reviewed between staging
// and the rebuild ends as it would on the UPDATE path.
import { beforeAll, describe, expect, it } from "vitest";
import { stagedRows, stagingTable } from "@/lib/datasets/grading-job/grade-bulk-stage";
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { pool } from "@/lib/db/pool";
import { createTask } from "@/lib/tasks/task-rows";
import { hasSharedData, readSharedJsonl } from "@/tests/support/shared-data";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-grading-paths-");
/** A real problem with its gold answer and a worked solution body (without its final answer line). */
interface Seed {
  problem: string;
  gold: string;
  body: string;
  source: string;
}

const seeds = (): Seed[] => [
  // GSM8K as seed problems: the dataset's gold (answer classes are kept for those).
  ...readSharedJsonl<{ question: string; answer: string }>("gsm8k", "train.jsonl")
    .slice(0, 400)
    .map((r) => ({
      problem: r.question,
      gold: (r.answer.split("####").pop() ?? "").trim().replaceAll(",", ""),
      body: r.answer.slice(0, r.answer.lastIndexOf("####")).trim(),
      source: "gsm8k",
    })),
  // MATH as synthesized problems (majority-vote gold).
  ...readSharedJsonl<{ problem: string; solution: string }>("math", "train.jsonl")
    .slice(0, 300)
    .map((r) => ({ problem: r.problem, gold: /\\boxed\{((?:[^{}]|\{[^{}]*\})*)\}/.exec(r.solution)?.[1] ?? "0", body: r.solution, source: "augmented_math" })),
];

/** Solutions per seed (the n-th seed gets a variant when n % every === 0): right, wrong, unboxed, two boxes. */
const VARIANTS: { every: number; write: (s: Seed) => string }[] = [
  { every: 1, write: (s) => `${s.body}\nThe answer is $\\boxed{${s.gold}}$.` },
  { every: 1, write: (s) => `${s.body}\nThe answer is $\\boxed{${s.gold}1}$.` },
  { every: 2, write: (s) => `${s.body}\nThe answer is ${s.gold}.` },
  { every: 3, write: (s) => `First $\\boxed{${s.gold}}$, then $\\boxed{${s.gold}}$. I hope it is correct.` },
];

/** OMI2 rows (generated solutions) over real GSM8K and MATH problems, and a few problems without a gold answer (undecided). */
function fixtureLines(): string[] {
  const line = (problem: string, solution: string, answer: string, source: string) =>
    JSON.stringify({ problem, generated_solution: solution, expected_answer: answer, problem_source: source });
  return seeds().flatMap((seed, n) => [
    ...VARIANTS.filter((v) => n % v.every === 0).map((v) => line(seed.problem, v.write(seed), seed.gold, seed.source)),
    ...(n % 25 === 0 ? [line(`${seed.problem} (no answer given)`, VARIANTS[0].write(seed), "", seed.source)] : []),
  ]);
}

let file = "";
let total = 0;

async function importSet(name: string): Promise<{ taskId: number; setId: number }> {
  const { taskId, summary } = await importFiles([file], name, "synthetic");
  expect(summary.ok).toBe(true);
  total = summary.solutionsInserted;
  return { taskId, setId: summary.set?.id ?? 0 };
}

const newTask = () => createTask({ kind: "grade-import", label: "grade" });

/** Columns of a table but the ones that name this set's own rows (ids, the set, times of writing). */
async function columnsOf(table: string, leaveOut: string[]): Promise<string[]> {
  const { rows } = await pool().query<{ name: string }>(
    "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => r.name).filter((c) => !leaveOut.includes(c));
}

/** Everything grading may have written for one set, with the set's own ids replaced by what they stand for. */
async function gradedState(setId: number) {
  const sampleColumns = await columnsOf("samples", ["id", "set_id", "problem_id", "import_task_id", "created_at", "graded_at"]);
  const problemColumns = await columnsOf("problems", ["id", "set_id", "created_at"]);
  const q = async (sql: string) => (await pool().query(sql, [setId])).rows;
  return {
    samples: await q(
      `SELECT p.text_hash, ${sampleColumns.map((c) => `s.${c}`).join(", ")}, s.graded_at IS NOT NULL AS graded
         FROM samples s JOIN problems p ON p.id = s.problem_id WHERE s.set_id = $1 ORDER BY s.id`,
    ),
    problems: await q(`SELECT ${problemColumns.join(", ")} FROM problems WHERE set_id = $1 ORDER BY id`),
    set: await q("SELECT sample_count, graded_count, correct_count, problem_count FROM problem_sets WHERE id = $1"),
    // Rows whose count fell to 0 stay in the tables on the UPDATE path (readers filter them): compared without.
    sampleStats: await q(
      "SELECT batch_id, model, source, provenance, verdict, verdict_rule, len_bucket, tok_bucket, samples FROM sample_stats WHERE set_id = $1 AND samples <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8",
    ),
    answerClasses: await q(
      "SELECT p.text_hash, a.answer_key, a.samples, a.correct FROM answer_class_stats a JOIN problems p ON p.id = a.problem_id WHERE p.set_id = $1 AND (a.samples <> 0 OR a.correct <> 0) ORDER BY 1, 2",
    ),
    passCounts: await q(
      "SELECT p.text_hash, c.scope, c.scope_key, c.samples, c.correct FROM pass_counts c JOIN problems p ON p.id = c.problem_id WHERE p.set_id = $1 AND (c.samples <> 0 OR c.correct <> 0) ORDER BY 1, 2, 3",
    ),
    passStats: await q(
      "SELECT scope, scope_key, source, level, subject, sample_count, correct_count, problems FROM pass_stats WHERE set_id = $1 AND problems <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7",
    ),
    problemStats: await q(
      "SELECT source, level, subject, gold_source, contamination_status, agreement_bucket, sample_count, correct_count, problems FROM problem_stats WHERE set_id = $1 AND problems <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8",
    ),
  };
}

const partitionIndexes = async (setId: number) =>
  (
    await pool().query<{ name: string; def: string }>(
      "SELECT indexname AS name, regexp_replace(indexdef, 'samples_set_\\d+', 'P', 'g') AS def FROM pg_indexes WHERE tablename = boxed_samples_partition_name($1) ORDER BY 1",
      [setId],
    )
  ).rows;

let viaUpdate: Awaited<ReturnType<typeof gradedState>>;
let updateSet = 0;

beforeAll(async () => {
  if (!hasSharedData) return;
  file = writeTemp(dir, "real.jsonl", `${fixtureLines().join("\n")}\n`);
  const { taskId, setId } = await importSet("graded-by-update");
  updateSet = setId;
  await gradeImport(taskId, await newTask(), { path: "update", processes: 2 });
  viaUpdate = await gradedState(setId);
}, 300_000);

describe.skipIf(!hasSharedData)("grading a large import: the bulk path against the UPDATE path (real GSM8K and MATH rows)", () => {
  it("ends with the same rows, aggregates and counters, and the partition keeps every index", async () => {
    expect(total).toBeGreaterThan(2_000);
    expect(viaUpdate.samples.every((r) => r.graded && r.verdict !== "ungraded")).toBe(true);
    expect(new Set(viaUpdate.samples.map((r) => r.verdict))).toEqual(new Set(["equal", "not_equal", "no_answer", "undecided"]));
    // Every aggregate has rows to compare.
    for (const [name, rows] of Object.entries(viaUpdate)) expect(rows.length, name).toBeGreaterThan(0);
    const { taskId, setId } = await importSet("graded-in-bulk");
    const before = await partitionIndexes(setId);
    // The aggregates moved in chunks of 300 ids, as the UPDATE path's batches move them: they add up.
    const grading = await gradeImport(taskId, await newTask(), { path: "bulk", processes: 2, aggregateChunkIds: 300 });
    expect(grading.graded).toBe(total);
    const viaBulk = await gradedState(setId);
    expect(viaBulk.samples).toEqual(viaUpdate.samples);
    expect(viaBulk).toEqual(viaUpdate);
    // Same index names and definitions as the import built, the staging table gone, the partition attached.
    expect((await partitionIndexes(setId)).map((i) => i.def)).toEqual(before.map((i) => i.def));
    expect((await partitionIndexes(setId)).map((i) => i.name)).toEqual(before.map((i) => i.name));
    expect(await stagedRows(stagingTable(grading.taskId))).toBe(0);
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM pg_inherits WHERE inhrelid = to_regclass(boxed_samples_partition_name($1))", [setId]);
    expect(rows[0].n).toBe(1);
  });

  it("a bulk run stopped mid-staging resumes from the staged rows, grades none twice, and ends the same", async () => {
    const { taskId, setId } = await importSet("bulk-resumed");
    const gradingTask = await newTask();
    const stopAt = 1_000;
    await expect(
      gradeImport(taskId, gradingTask, {
        path: "bulk",
        processes: 1,
        onStaged: (n) => {
          if (n >= stopAt) throw new Error("stopped mid-staging");
        },
      }),
    ).rejects.toThrow("stopped mid-staging");
    const staged = await stagedRows(stagingTable(gradingTask));
    expect(staged).toBeGreaterThanOrEqual(stopAt);
    expect(staged).toBeLessThan(total);
    // Nothing written to the set yet.
    const { rows } = await pool().query("SELECT count(*) FILTER (WHERE verdict <> 'ungraded')::int AS graded FROM samples WHERE set_id = $1", [setId]);
    expect(rows[0].graded).toBe(0);
    // The retry (same Task, as pg-boss retries) takes the bulk path by itself and stages only the rest.
    let stagedByRetry = 0;
    const grading = await gradeImport(taskId, gradingTask, {
      onStaged: (n) => {
        stagedByRetry = n;
      },
    });
    expect(stagedByRetry).toBe(total - staged);
    expect(grading.graded).toBe(total);
    expect(await gradedState(setId)).toEqual(viaUpdate);
  });

  it("the set still reads during the rebuild, its writers wait for it; a search index built after grading is left out", async () => {
    const { taskId, setId } = await importSet("bulk-read-meanwhile");
    const indexesBefore = (await partitionIndexes(setId)).map((i) => i.name);
    expect(indexesBefore.filter((name) => name.endsWith("_text_trgm"))).toHaveLength(1);
    const seen: { step: string; rows: number; ungraded: number; writer: string }[] = [];
    await gradeImport(taskId, await newTask(), {
      path: "bulk",
      // As the grade-import job of a large import says: it queues the search index build after grading.
      searchIndexAfter: true,
      onBuildStep: async (step) => {
        if (step !== "indexing" || seen.length > 0) return;
        const client = await pool().connect();
        try {
          await client.query("SET statement_timeout = 10000");
          const { rows } = await client.query(
            "SELECT count(*)::int AS n, count(*) FILTER (WHERE verdict = 'ungraded')::int AS ungraded FROM samples WHERE set_id = $1",
            [setId],
          );
          await client.query("SET lock_timeout = 300");
          const writer = await client.query("UPDATE samples SET review_status = 'accepted' WHERE set_id = $1 AND id = (SELECT min(id) FROM samples WHERE set_id = $1)", [setId]).then(
            () => "wrote",
            (error: { code?: string }) => error.code ?? "failed",
          );
          seen.push({ step, rows: rows[0].n, ungraded: rows[0].ungraded, writer });
        } finally {
          await client.query("RESET lock_timeout; RESET statement_timeout").catch(() => {});
          client.release();
        }
      },
    });
    // The old partition, whole and ungraded, read while the graded copy was being indexed; a write waited (lock timeout).
    expect(seen).toEqual([{ step: "indexing", rows: total, ungraded: total, writer: "55P03" }]);
    expect(await gradedState(setId)).toEqual(viaUpdate);
    expect((await partitionIndexes(setId)).map((i) => i.name)).toEqual(indexesBefore.filter((name) => !name.endsWith("_text_trgm")));
  });

  it("a writer of the set queued behind the rebuild does not keep the swap from happening: its statement is cancelled", async () => {
    const { taskId, setId } = await importSet("bulk-writer-waiting");
    const client = await pool().connect();
    let writer: Promise<string> | null = null;
    try {
      await gradeImport(taskId, await newTask(), {
        path: "bulk",
        onBuildStep: async (step) => {
          // Past the writer's own deadlock check (1 s after it starts waiting, when there is none yet).
          if (step === "swapping") await new Promise((resolve) => setTimeout(resolve, 1_500));
          if (step !== "copying" || writer) return;
          // Not awaited: it waits for the rebuild's SHARE lock, holding its own lock on samples.
          writer = client
            .query("UPDATE samples SET review_status = 'accepted' WHERE set_id = $1 AND id = (SELECT min(id) FROM samples WHERE set_id = $1)", [setId])
            .then(
              () => "wrote",
              (error: { code?: string }) => error.code ?? "failed",
            );
        },
      });
      // Cancelled by the swap, which found the deadlock: the writer wrote nothing.
      expect(await writer).toBe("57014");
    } finally {
      client.release();
    }
    expect(await gradedState(setId)).toEqual(viaUpdate);
  });

  it("a row deleted or reviewed between staging and the rebuild ends as on the UPDATE path", async () => {
    // The same changes before an UPDATE-path grading, on a set of its own: the reference.
    const change = async (setId: number) => {
      const { rows } = await pool().query<{ id: number }>("SELECT id FROM samples WHERE set_id = $1 ORDER BY id OFFSET 10 LIMIT 2", [setId]);
      await pool().query("DELETE FROM samples WHERE set_id = $1 AND id = $2", [setId, rows[0].id]);
      await pool().query("UPDATE samples SET review_status = 'rejected' WHERE set_id = $1 AND id = $2", [setId, rows[1].id]);
      return rows[1].id;
    };
    const reference = await importSet("changed-then-updated");
    await change(reference.setId);
    await gradeImport(reference.taskId, await newTask(), { path: "update" });

    const { taskId, setId } = await importSet("staged-then-changed");
    const gradingTask = await newTask();
    await expect(
      gradeImport(taskId, gradingTask, {
        path: "bulk",
        processes: 1,
        onStaged: (n) => {
          if (n === total) throw new Error("everything staged");
        },
      }),
    ).rejects.toThrow("everything staged");
    expect(await stagedRows(stagingTable(gradingTask))).toBe(total);
    const reviewed = await change(setId);
    const grading = await gradeImport(taskId, gradingTask);
    expect(grading.graded).toBe(total - 1);
    const { rows } = await pool().query("SELECT review_status::text AS status, verdict::text AS verdict FROM samples WHERE set_id = $1 AND id = $2", [setId, reviewed]);
    expect(rows[0].status).toBe("rejected");
    expect(rows[0].verdict).not.toBe("ungraded");
    expect(await gradedState(setId)).toEqual(await gradedState(reference.setId));
  });
});

describe.skipIf(!hasSharedData)("the UPDATE path stays for small runs", () => {
  it("auto picks the UPDATE path below the bulk threshold (no staging table made)", async () => {
    const { taskId } = await importSet("small-auto");
    const gradingTask = await newTask();
    await gradeImport(taskId, gradingTask);
    const { rows } = await pool().query("SELECT to_regclass($1) IS NULL AS gone", [stagingTable(gradingTask)]);
    expect(rows[0].gone).toBe(true);
    expect(updateSet).toBeGreaterThan(0);
  });

  it("a bulk run with nothing left to grade rebuilds nothing", async () => {
    const table = async () =>
      (await pool().query("SELECT to_regclass(boxed_samples_partition_name($1))::oid::int AS oid", [updateSet])).rows[0].oid as number;
    const before = await table();
    const { rows } = await pool().query<{ id: number }>("SELECT import_task_id AS id FROM samples WHERE set_id = $1 LIMIT 1", [updateSet]);
    const gradingTask = await newTask();
    const steps: string[] = [];
    const grading = await gradeImport(rows[0].id, gradingTask, { path: "bulk", onBuildStep: (step) => void steps.push(step) });
    expect(grading.graded).toBe(total);
    expect(steps).toEqual([]);
    expect(await table()).toBe(before);
    expect(await stagedRows(stagingTable(gradingTask))).toBe(0);
  });
});
