// Protects: migration solution_provenance on a database that already holds solutions. Rows of a
// GSM8K, MATH or generic import become references, rows of batches and of OMI2 / NeMo-Skills
// imports stay generated, orphaned rows are judged by GSM8K's "#### <answer>" ending; the
// aggregates are rebuilt with the provenance and pass@k counts only graded generated solutions.
import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, migrationsDir } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";

const MIGRATION = "20261206060000_solution_provenance";
const dbName = `provenance_backfill_${process.pid}`;
/** The per-file database's server, another database (the setup sets DATABASE_URL before the tests run). */
const databaseUrl = () => {
  const u = new URL(process.env.DATABASE_URL as string);
  u.pathname = `/${dbName}`;
  return u.toString();
};

afterAll(async () => {
  await pool().query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
});

describe("migration solution_provenance on existing rows", () => {
  it("backfills provenance from each solution's origin and rebuilds the aggregates", async () => {
    await pool().query(`CREATE DATABASE ${dbName}`);
    // Every migration before this one.
    const before = mkdtempSync(join(tmpdir(), "boxed-migrations-before-"));
    for (const name of readdirSync(migrationsDir)) {
      if (name >= MIGRATION) continue;
      cpSync(join(migrationsDir, name), join(before, name), { recursive: true });
    }
    const url = databaseUrl();
    await migrateDatabase(url, before);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const q = async <T = Record<string, unknown>>(sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows as T[];
    try {
      const [{ id: setId }] = await q<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ('old', 'seed') RETURNING id`);
      const [{ id: problemId }] = await q<{ id: number }>(
        `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source) VALUES ($1, 'q', repeat('e', 64), 'q', 'gsm8k', '5', 'dataset') RETURNING id`,
        [setId],
      );
      const task = async (payload: object, result: object | null) =>
        (await q<{ id: number }>(`INSERT INTO tasks (kind, label, payload, result) VALUES ('import', 'x', $1, $2) RETURNING id`, [payload, result]))[0].id;
      const gsm8kTask = await task({}, { format: "gsm8k" });
      const mathTask = await task({ format: "math" }, null);
      const omi2Task = await task({}, { format: "omi2" });
      const [{ id: batchId }] = await q<{ id: number }>(
        `INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem) VALUES ('b', 'solutions', $1, 'm', 1) RETURNING id`,
        [setId],
      );
      // [batch, import task, text, verdict]
      const rows: [number | null, number | null, string, string][] = [
        [null, gsm8kTask, "She has 5.\n#### 5", "equal"],
        [null, mathTask, "So \\boxed{5}.", "not_equal"],
        [null, omi2Task, "Thus \\boxed{5}.", "equal"],
        [batchId, null, "Model says \\boxed{5}.", "equal"],
        [batchId, null, "Model says \\boxed{4}.", "not_equal"],
        [null, null, "Orphaned answer.\n#### 5", "equal"],
        [null, null, "Orphaned output \\boxed{5}.", "ungraded"],
      ];
      for (const [i, [batch, importTask, text, verdict]] of rows.entries()) {
        await q(
          `INSERT INTO samples (problem_id, set_id, batch_id, import_task_id, sample_index, text, model, verdict, char_length)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"Verdict", length($6))`,
          [problemId, setId, batch, importTask, i, text, batch ? "m" : null, verdict],
        );
      }

      await migrateDatabase(url);
      expect(await q(`SELECT sample_index, provenance::text FROM samples ORDER BY sample_index`)).toEqual([
        { sample_index: 0, provenance: "reference" },
        { sample_index: 1, provenance: "reference" },
        { sample_index: 2, provenance: "generated" },
        { sample_index: 3, provenance: "generated" },
        { sample_index: 4, provenance: "generated" },
        { sample_index: 5, provenance: "reference" },
        { sample_index: 6, provenance: "generated" },
      ]);
      expect(await q(`SELECT provenance::text, sum(samples)::int AS n FROM sample_stats GROUP BY 1 ORDER BY 1`)).toEqual([
        { provenance: "generated", n: 4 },
        { provenance: "reference", n: 3 },
      ]);
      // Graded generated solutions of the problem: the OMI2 row and the batch's two, 2 correct.
      expect(await q(`SELECT scope, scope_key, samples, correct FROM pass_counts ORDER BY 1, 2`)).toEqual([
        { scope: "batch", scope_key: "0", samples: 1, correct: 1 },
        { scope: "batch", scope_key: String(batchId), samples: 2, correct: 1 },
        { scope: "model", scope_key: "", samples: 1, correct: 1 },
        { scope: "model", scope_key: "m", samples: 2, correct: 1 },
        { scope: "set", scope_key: "", samples: 3, correct: 2 },
      ]);
      // The triggers carry on from the rebuilt state: regrading the ungraded output counts it.
      await q(`UPDATE samples SET verdict = 'equal' WHERE sample_index = 6`);
      expect(await q(`SELECT samples, correct FROM pass_counts WHERE scope = 'set'`)).toEqual([{ samples: 4, correct: 3 }]);
      expect(await q(`SELECT sample_count, correct_count, problems FROM pass_stats WHERE scope = 'set' AND problems <> 0`)).toEqual([
        { sample_count: 4, correct_count: 3, problems: 1 },
      ]);
    } finally {
      await client.end();
    }
  });
});
