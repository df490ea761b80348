// Protects: renaming, archiving and deleting a problem set. Deletion removes exactly the set's rows
// (solutions, problems, batches, review rows, aggregates, its samples partition) and nothing of
// other sets, survives a run that dies half-way, and refuses a wrong confirmation untouched.
import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { describeSetDeletion, runSetDeletionTask, startSetDeletion } from "@/lib/datasets/sets/delete-set";
import { findSetDetail } from "@/lib/datasets/sets/find-set-detail";
import { renameSet, setSetArchived } from "@/lib/datasets/sets/manage-set";
import { listFacetOptions } from "@/lib/solutions/find-solution-facets";
import { emptyFilter } from "@/lib/solutions/solution-view";
import { type SeededWorld, seedReviewWorld } from "@/tests/support/seed-review-data";

let world: SeededWorld;
const q = async (sql: string, params: unknown[] = []) => Number((await pool().query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

beforeAll(async () => {
  world = await seedReviewWorld({ problems: 60, samplesPerProblem: 6 });
  // A review queue item on the first set's solutions, so the cascade has something to take.
  const { rows } = await pool().query<{ id: number }>(`INSERT INTO review_queues (name) VALUES ('q') RETURNING id`);
  await pool().query(`INSERT INTO review_items (queue_id, sample_id, position) SELECT $1, id, row_number() OVER (ORDER BY id) FROM samples WHERE set_id = $2 ORDER BY id LIMIT 5`, [rows[0]?.id, world.setIds[0]]);
});

describe("the set page's data", () => {
  it("counts by source and by verdict agree with the rows", async () => {
    const [setId] = world.setIds;
    const detail = await findSetDetail(setId as number);
    expect(detail).not.toBeNull();
    const bySource = detail?.problemsBySource.reduce((sum, s) => sum + s.problems, 0);
    expect(bySource).toBe(await q("SELECT count(*) AS n FROM problems WHERE set_id = $1", [setId]));
    const byVerdict = detail?.solutionsByVerdict.reduce((sum, v) => sum + v.solutions, 0);
    expect(byVerdict).toBe(await q("SELECT count(*) AS n FROM samples WHERE set_id = $1", [setId]));
    for (const provenance of ["generated", "reference"] as const) {
      const shown = detail?.solutionsByVerdict.filter((v) => v.provenance === provenance && v.verdict === "equal").reduce((sum, v) => sum + v.solutions, 0);
      expect(shown, provenance).toBe(await q("SELECT count(*) AS n FROM samples WHERE set_id = $1 AND provenance = $2 AND verdict = 'equal'", [setId, provenance]));
    }
    expect(detail?.batches.map((b) => b.name)).toEqual(["batch-a"]);
    expect(await findSetDetail(9_999_999)).toBeNull();
  });
});

describe("rename and archive", () => {
  it("renames, refuses a taken, empty or multi-line name, and audits", async () => {
    const [a, b] = world.setIds as [number, number];
    await expect(renameSet(a, "synth-math", world.users.curator)).rejects.toThrow(/already called/);
    await expect(renameSet(a, "   ", world.users.curator)).rejects.toThrow(/needs a name/);
    await expect(renameSet(a, "two\nlines", world.users.curator)).rejects.toThrow(/control characters/);
    await expect(renameSet(a, "x".repeat(201), world.users.curator)).rejects.toThrow(/at most 200/);
    expect(await renameSet(a, "  GSM8K seeds (renamed)  ", world.users.curator)).toEqual({ id: a, name: "GSM8K seeds (renamed)" });
    const audit = await pool().query(`SELECT details FROM audit_log WHERE action = 'set.rename' AND object_id = $1`, [String(a)]);
    expect(audit.rows).toEqual([{ details: { from: "seed-gsm", to: "GSM8K seeds (renamed)" } }]);
    expect((await findSetDetail(b))?.name).toBe("synth-math");
  });

  it("archived sets leave the solutions filter's set list unless the view filters on them", async () => {
    const [a] = world.setIds as [number];
    await setSetArchived(a, true, world.users.curator);
    expect((await listFacetOptions(emptyFilter())).setIds.map((s) => s.value)).not.toContain(String(a));
    const filtered = emptyFilter();
    filtered.setIds = [a];
    expect((await listFacetOptions(filtered)).setIds.map((s) => s.value)).toContain(String(a));
    await setSetArchived(a, false, world.users.curator);
    expect((await listFacetOptions(emptyFilter())).setIds.map((s) => s.value)).toContain(String(a));
    expect(await q(`SELECT count(*) AS n FROM audit_log WHERE action IN ('set.archive', 'set.unarchive') AND object_id = $1`, [String(a)])).toBe(2);
  });
});

describe("delete", () => {
  it("the preview names what goes; a wrong confirmation changes nothing", async () => {
    const [a] = world.setIds as [number];
    const preview = await describeSetDeletion(a);
    expect(preview).toMatchObject({
      problems: await q("SELECT count(*) AS n FROM problems WHERE set_id = $1", [a]),
      solutions: await q("SELECT count(*) AS n FROM samples WHERE set_id = $1", [a]),
      batches: 1,
      reviewRows: 5,
      capped: false,
    });
    await expect(startSetDeletion(a, "seed-gsm", world.users.curator)).rejects.toThrow(/Type the set's name exactly/);
    expect(await q("SELECT count(*) AS n FROM tasks WHERE kind = 'set-delete'")).toBe(0);
    expect((await findSetDetail(a))?.archivedAt).toBeNull();
  });

  it("deletes exactly the set's rows, survives a run that dies half-way, and leaves other sets whole", async () => {
    const [a, b] = world.setIds as [number, number];
    const other = {
      problems: await q("SELECT count(*) AS n FROM problems WHERE set_id = $1", [b]),
      samples: await q("SELECT count(*) AS n FROM samples WHERE set_id = $1", [b]),
      stats: await q("SELECT sum(samples) AS n FROM sample_stats WHERE set_id = $1", [b]),
    };
    const { taskId } = await startSetDeletion(a, "GSM8K seeds (renamed)", world.users.curator);
    expect((await findSetDetail(a))?.archivedAt).not.toBeNull();

    let chunks = 0;
    const dies = () => {
      chunks += 1;
      if (chunks === 2) throw new Error("worker killed");
    };
    await expect(runSetDeletionTask(taskId, { chunk: 50, chunkDone: dies })).rejects.toThrow("worker killed");
    const left = await q("SELECT count(*) AS n FROM samples WHERE set_id = $1", [a]);
    expect(left).toBeGreaterThan(0);
    expect(await q("SELECT sum(samples) AS n FROM sample_stats WHERE set_id = $1", [a])).toBe(left);

    const result = await runSetDeletionTask(taskId, { chunk: 50 });
    expect(result.problems).toBe(30);
    expect(await findSetDetail(a)).toBeNull();
    for (const table of ["samples", "problems", "generation_batches", "sample_stats", "problem_stats"]) {
      expect(await q(`SELECT count(*) AS n FROM ${table} WHERE set_id = $1`, [a]), table).toBe(0);
    }
    expect(await q("SELECT count(*) AS n FROM review_items")).toBe(0);
    expect(await q("SELECT count(*) AS n FROM pg_class WHERE relname = $1", [`samples_set_${a}`])).toBe(0);
    expect(await q("SELECT count(*) AS n FROM problems WHERE set_id = $1", [b])).toBe(other.problems);
    expect(await q("SELECT count(*) AS n FROM samples WHERE set_id = $1", [b])).toBe(other.samples);
    expect(await q("SELECT sum(samples) AS n FROM sample_stats WHERE set_id = $1", [b])).toBe(other.stats);
    const task = await pool().query<{ state: string }>("SELECT state::text FROM tasks WHERE id = $1", [taskId]);
    expect(task.rows[0]?.state).toBe("completed");
    expect(await q(`SELECT count(*) AS n FROM audit_log WHERE action IN ('set.delete.start', 'set.delete.finish') AND object_id = $1`, [String(a)])).toBe(2);
  });
});
