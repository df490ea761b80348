// Protects the partitioning of `samples` by set (migration 20261202000000_samples_partitioned_by_set):
// every new set gets its table, however it is created, without waiting behind readers of samples;
// review rows keep their sample like a foreign key would; and a database migrated with data
// keeps every row, key and aggregate.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { loadDemoIfEmpty } from "@/lib/demo/load-demo";
import { listMigrations, migrateDatabase, migrationsDir } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

const PARTITIONING = "20261202000000_samples_partitioned_by_set";

async function newSet(name: string, db: Pick<pg.Pool, "query"> = pool()): Promise<number> {
  const { rows } = await db.query<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ($1, 'synthetic') RETURNING id`, [name]);
  return rows[0].id;
}

async function sampleIn(set: number): Promise<number> {
  const { rows: p } = await pool().query<{ id: number }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source) VALUES ($1, 'What is 2+2?', md5(random()::text), 'k', 's') RETURNING id`,
    [set],
  );
  const { rows } = await pool().query<{ id: number }>(
    `INSERT INTO samples (problem_id, set_id, sample_index, text, char_length) VALUES ($1, $2, 0, '\\boxed{4}', 9) RETURNING id`,
    [p[0].id, set],
  );
  return rows[0].id;
}

describe("samples partitioned by set", () => {
  it("gives every new set its own table with the search index, and routes its samples there", async () => {
    const set = await newSet("part-a");
    const { rows } = await pool().query<{ parent: string; trgm: boolean }>(
      `SELECT inhparent::regclass::text AS parent,
              EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = boxed_samples_partition_name($1) AND indexdef LIKE '%gin_trgm_ops%') AS trgm
         FROM pg_inherits WHERE inhrelid = boxed_samples_partition_name($1)::regclass`,
      [set],
    );
    expect(rows).toEqual([{ parent: "samples", trgm: true }]);
    const id = await sampleIn(set);
    const { rows: where } = await pool().query(`SELECT tableoid::regclass::text AS t FROM samples WHERE id = $1`, [id]);
    expect(where[0].t).toBe(`samples_set_${set}`);
  });

  it("creates a set while another session reads samples, without waiting for it", async () => {
    const reader = await pool().connect();
    const writer = await pool().connect();
    try {
      await reader.query("BEGIN");
      await reader.query("SELECT count(*) FROM samples");
      // CREATE TABLE ... PARTITION OF would need ACCESS EXCLUSIVE on samples and wait here.
      await writer.query("SET lock_timeout = '2s'");
      await expect(newSet("part-while-reading", writer)).resolves.toBeGreaterThan(0);
    } finally {
      await reader.query("ROLLBACK");
      await writer.query("RESET lock_timeout");
      reader.release();
      writer.release();
    }
  });

  it("refuses review rows for a sample that does not exist, and deletes them with their sample", async () => {
    const set = await newSet("part-reviews");
    const sample = await sampleIn(set);
    const { rows: q } = await pool().query<{ id: number }>(`INSERT INTO review_queues (name) VALUES ('q') RETURNING id`);
    const queue = q[0].id;
    await expect(pool().query(`INSERT INTO review_items (queue_id, sample_id, position) VALUES ($1, $2, 0)`, [queue, sample + 1000])).rejects.toMatchObject({ code: "23503" });
    await expect(pool().query(`INSERT INTO review_annotations (sample_id, decision) VALUES ($1, 'accepted')`, [sample + 1000])).rejects.toMatchObject({ code: "23503" });
    await pool().query(`INSERT INTO review_items (queue_id, sample_id, position) VALUES ($1, $2, 0)`, [queue, sample]);
    await pool().query(`INSERT INTO review_annotations (sample_id, decision) VALUES ($1, 'accepted')`, [sample]);
    await expect(pool().query(`UPDATE review_items SET sample_id = $1 WHERE sample_id = $2`, [sample + 1000, sample])).rejects.toMatchObject({ code: "23503" });

    await pool().query(`DELETE FROM samples WHERE id = $1`, [sample]);
    const { rows } = await pool().query(
      `SELECT (SELECT count(*) FROM review_items WHERE sample_id = $1)::int AS items, (SELECT count(*) FROM review_annotations WHERE sample_id = $1)::int AS notes`,
      [sample],
    );
    expect(rows[0]).toEqual({ items: 0, notes: 0 });
  });

  it("keeps samples' references like foreign keys: refused writes, cascades on delete", async () => {
    const set = await newSet("part-references");
    const other = await newSet("part-references-other");
    const sample = await sampleIn(set);
    const { rows: p } = await pool().query<{ problem_id: number }>("SELECT problem_id FROM samples WHERE id = $1", [sample]);
    const problem = p[0].problem_id;
    const insert = (problemId: number, setId: number, batchId: number | null = null) =>
      pool().query("INSERT INTO samples (problem_id, set_id, batch_id, sample_index, text, char_length) VALUES ($1, $2, $3, 7, 'x', 1)", [problemId, setId, batchId]);
    await expect(insert(problem + 10_000, set)).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(/problem_id/) });
    // A problem of another set: the set copied onto the sample must be the problem's.
    await expect(insert(problem, other)).rejects.toMatchObject({ code: "23503" });
    await expect(insert(problem, set, 999_999)).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(/batch_id/) });
    await expect(pool().query("UPDATE samples SET problem_id = $1 WHERE id = $2", [problem + 10_000, sample])).rejects.toMatchObject({ code: "23503" });

    const { rows: b } = await pool().query<{ id: number }>(
      `INSERT INTO generation_batches (name, kind, set_id, model, samples_per_problem) VALUES ('refs', 'solutions', $1, 'm', 1) RETURNING id`,
      [set],
    );
    await insert(problem, set, b[0].id);
    await pool().query("DELETE FROM generation_batches WHERE id = $1", [b[0].id]);
    const { rows: released } = await pool().query("SELECT count(*)::int AS n FROM samples WHERE problem_id = $1 AND batch_id IS NULL", [problem]);
    expect(released[0].n).toBe(2);

    await pool().query("DELETE FROM problems WHERE id = $1", [problem]);
    const { rows: gone } = await pool().query("SELECT count(*)::int AS n FROM samples WHERE problem_id = $1", [problem]);
    expect(gone[0].n).toBe(0);
  });

  it("checks a loaded table's references before it is attached, as the insert trigger does", async () => {
    const set = await newSet("part-attach-check");
    const good = await sampleIn(set);
    const { rows: p } = await pool().query<{ problem_id: number }>("SELECT problem_id FROM samples WHERE id = $1", [good]);
    const client = await pool().connect();
    const check = async (problemId: number, batchId: number | null, taskId: number | null) => {
      await client.query("BEGIN");
      try {
        await client.query("CREATE TEMP TABLE loaded (LIKE samples INCLUDING DEFAULTS) ON COMMIT DROP");
        await client.query("INSERT INTO loaded (id, problem_id, set_id, batch_id, import_task_id, sample_index, text, char_length) VALUES (0, $1, $2, $3, $4, 0, 'x', 1)", [
          problemId,
          set,
          batchId,
          taskId,
        ]);
        await client.query("SELECT boxed_check_sample_references('loaded')");
      } finally {
        await client.query("ROLLBACK");
      }
    };
    try {
      await expect(check(p[0].problem_id, null, null)).resolves.toBeUndefined();
      await expect(check(p[0].problem_id + 10_000, null, null)).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(/problem_id/) });
      await expect(check(p[0].problem_id, 999_999, null)).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(/batch_id/) });
      await expect(check(p[0].problem_id, null, 999_999)).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(/import_task_id/) });
    } finally {
      client.release();
    }
    // The insert trigger refuses the same unknown import task.
    await expect(
      pool().query("INSERT INTO samples (problem_id, set_id, import_task_id, sample_index, text, char_length) VALUES ($1, $2, 999999, 3, 'x', 1)", [p[0].problem_id, set]),
    ).rejects.toMatchObject({ code: "23503", message: expect.stringMatching(/import_task_id/) });
  });

  it("migrates a database with data: every sample, key and aggregate kept, each set in its table", async () => {
    const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
    await admin.connect();
    const name = `partition_migration_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(inject("pgAdminUrl"));
    url.pathname = `/${name}`;
    const before = mkdtempSync(join(tmpdir(), "boxed-before-partitions-"));
    for (const m of listMigrations(migrationsDir).filter((m) => m.name < PARTITIONING)) {
      mkdirSync(join(before, m.name));
      writeFileSync(join(before, m.name, "migration.sql"), m.sql);
    }
    const testUrl = process.env.DATABASE_URL;
    const db = new pg.Client({ connectionString: url.toString() });
    try {
      await migrateDatabase(url.toString(), before);
      // The demo data, loaded into the unpartitioned schema.
      process.env.DATABASE_URL = url.toString();
      await loadDemoIfEmpty();
      await disconnectPrisma();
      await closePool();
      await db.connect();
      const snapshot = async () => ({
        samples: (await db.query("SELECT * FROM samples ORDER BY id")).rows,
        stats: (await db.query("SELECT * FROM sample_stats WHERE samples <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8")).rows,
        classes: (await db.query("SELECT * FROM answer_class_stats ORDER BY 1, 2")).rows,
        minutes: (await db.query("SELECT * FROM batch_minute_stats ORDER BY 1, 2")).rows,
        next: (await db.query("SELECT last_value FROM samples_id_seq")).rows[0].last_value,
      });
      const old = await snapshot();
      expect(old.samples.length).toBeGreaterThan(10);

      // Through the partitioning migration only: later ones add columns the snapshot would not have.
      const through = mkdtempSync(join(tmpdir(), "boxed-through-partitions-"));
      for (const m of listMigrations(migrationsDir).filter((m) => m.name <= PARTITIONING)) {
        mkdirSync(join(through, m.name));
        writeFileSync(join(through, m.name, "migration.sql"), m.sql);
      }
      await migrateDatabase(url.toString(), through);
      expect(await snapshot()).toEqual(old);
      const { rows: placement } = await db.query<{ wrong: number; sets: number; tables: number }>(
        `SELECT (SELECT count(*) FROM samples WHERE tableoid::regclass::text <> 'samples_set_' || set_id)::int AS wrong,
                (SELECT count(*) FROM problem_sets)::int AS sets,
                (SELECT count(*) FROM pg_inherits WHERE inhparent = 'samples'::regclass)::int AS tables`,
      );
      expect(placement[0]).toMatchObject({ wrong: 0 });
      expect(placement[0].tables).toBe(placement[0].sets);
      // New samples continue the old sequence.
      const { rows: next } = await db.query(
        `INSERT INTO samples (problem_id, set_id, sample_index, text, char_length)
         SELECT id, set_id, 99, 'x', 1 FROM problems ORDER BY id LIMIT 1 RETURNING id`,
      );
      expect(Number(next[0].id)).toBe(Number(old.next) + 1);
    } finally {
      await db.end().catch(() => {});
      process.env.DATABASE_URL = testUrl;
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
