// The set's search index job builds with a plain (parallel) CREATE INDEX on the set's own
// partition (lib/datasets/search-index/build-search-index.ts). What that must keep: pages read on
// while it builds (the set being indexed and every other set), other sets are written as usual,
// only writes to that set's solutions wait for it, and everyone sees the set as "building" while
// it runs, although the index itself is invisible until it commits.
import type { PoolClient } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { searchIndexState, setsWithoutSearchIndex } from "@/lib/datasets/search-index/search-index-state";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-search-index-");
const omi2 = (i: number) =>
  JSON.stringify({
    problem: `Index problem ${Math.floor(i / 4)}: what is ${i} + 2?`,
    generated_solution: `We add: \\frac{${i}}{1} + 2 = \\boxed{${i + 2}}.`,
    expected_answer: String(i + 2),
    problem_source: "augmented_math",
  });

async function importSet(name: string, rows: number, from: number): Promise<number> {
  const path = writeTemp(dir, `${name}.jsonl`, `${Array.from({ length: rows }, (_, i) => omi2(from + i)).join("\n")}\n`);
  const { summary } = await importFiles([path], name, "synthetic", { inlineSearchIndexMax: 10 });
  expect(summary).toMatchObject({ ok: true, loadPath: "new-set", searchIndex: "deferred" });
  return (await prisma().problemSet.findUniqueOrThrow({ where: { name } })).id;
}

/** Runs `sql` on a connection of its own that gives up after `ms` waiting for a lock. */
async function withinLockTimeout(sql: string, params: unknown[], ms = 2000): Promise<number> {
  const client = await pool().connect();
  try {
    await client.query(`SET lock_timeout = ${ms}`);
    return (await client.query(sql, params)).rowCount ?? 0;
  } finally {
    await client.query("RESET lock_timeout");
    client.release();
  }
}

async function buildWaitingForLock(partition: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool().query(`SELECT 1 FROM pg_locks WHERE relation = $1::regclass AND mode = 'ShareLock' AND NOT granted`, [partition]);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the build never asked for its lock");
}

let writer: PoolClient | null = null;
afterEach(async () => {
  await writer?.query("ROLLBACK").catch(() => {});
  writer?.release();
  writer = null;
});

describe("the search index job", () => {
  it("while it builds, pages read the set and others, other sets are written, and the set shows as building", async () => {
    const indexed = await importSet("indexed", 200, 0);
    const other = await importSet("other", 100, 10_000);
    const { rows } = await pool().query<{ name: string }>("SELECT boxed_samples_partition_name($1) AS name", [indexed]);
    const partition = rows[0].name;

    // A writer of the set holds its rows (a review being saved): the build must wait for it, which
    // keeps it "in progress" long enough to look at everyone else.
    writer = await pool().connect();
    await writer.query("BEGIN");
    await writer.query("UPDATE samples SET completion_tokens = 7 WHERE set_id = $1 AND id = (SELECT min(id) FROM samples WHERE set_id = $1)", [indexed]);
    expect(await searchIndexState(indexed)).toBe("missing");
    const build = buildSearchIndex(indexed);
    await buildWaitingForLock(partition);

    expect(await searchIndexState(indexed)).toBe("building");
    expect((await setsWithoutSearchIndex()).map((s) => [s.setName, s.state])).toEqual([
      ["indexed", "building"],
      ["other", "missing"],
    ]);
    // Pages: the solutions of the set being indexed (newest first, a search) and of another set.
    expect(await withinLockTimeout("SELECT id FROM samples WHERE set_id = $1 ORDER BY id DESC LIMIT 50", [indexed])).toBe(50);
    expect(await withinLockTimeout("SELECT id FROM samples WHERE set_id = $1 AND text ILIKE '%frac{17}%'", [indexed])).toBe(1);
    expect(await withinLockTimeout("SELECT id FROM samples WHERE set_id = $1 ORDER BY id LIMIT 50", [other])).toBe(50);
    // Another set is written as usual.
    expect(await withinLockTimeout("UPDATE samples SET completion_tokens = 9 WHERE set_id = $1", [other])).toBe(100);
    // A write to the set being indexed waits for the build (here: gives up after its timeout).
    await expect(withinLockTimeout("UPDATE samples SET completion_tokens = 8 WHERE set_id = $1", [indexed], 300)).rejects.toThrow(/lock timeout/);

    await writer.query("COMMIT");
    expect(await build).toBe("built");
    expect(await searchIndexState(indexed)).toBe("ready");
    expect(await searchIndexState(other)).toBe("missing");
    // The committed write is there, the index is valid and serves the search.
    const { rows: tokens } = await pool().query("SELECT count(*)::int AS n FROM samples WHERE set_id = $1 AND completion_tokens = 7", [indexed]);
    expect(tokens[0].n).toBe(1);
    const client = await pool().connect();
    try {
      await client.query("SET enable_seqscan = off");
      const { rows: plan } = await client.query(`EXPLAIN SELECT id FROM "${partition}" WHERE text ILIKE '%frac{17}%'`);
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain(`${partition}_text_trgm`);
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  });

  it("leaves the session's settings as they were, and a failed build leaves no index and no lock", async () => {
    const set = await importSet("settings", 60, 20_000);
    const { rows: before } = await pool().query("SELECT current_setting('maintenance_work_mem') AS m, current_setting('max_parallel_maintenance_workers') AS w");
    // Every connection of the pool still has the server's settings afterwards.
    expect(await buildSearchIndex(set)).toBe("built");
    const clients = await Promise.all(Array.from({ length: 3 }, () => pool().connect()));
    try {
      for (const c of clients) {
        const { rows } = await c.query("SELECT current_setting('maintenance_work_mem') AS m, current_setting('max_parallel_maintenance_workers') AS w");
        expect(rows[0]).toEqual(before[0]);
      }
    } finally {
      for (const c of clients) c.release();
    }

    // A build that fails (the set's table gone from under it) reports the error and leaves the set
    // neither locked nor "building".
    const broken = await importSet("broken", 40, 30_000);
    const { rows } = await pool().query<{ name: string }>("SELECT boxed_samples_partition_name($1) AS name", [broken]);
    await pool().query(`ALTER TABLE samples DETACH PARTITION "${rows[0].name}"`);
    await pool().query(`ALTER TABLE "${rows[0].name}" RENAME TO "${rows[0].name}_away"`);
    await expect(buildSearchIndex(broken)).rejects.toThrow();
    expect(await searchIndexState(broken)).toBe("missing");
    const { rows: locks } = await pool().query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1::oid", [broken]);
    expect(locks).toEqual([]);
  });
});
