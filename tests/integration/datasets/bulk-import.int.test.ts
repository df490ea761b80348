// `boxed import --bulk` drops the search and sort indexes inside the import's transaction and
// builds them again before COMMIT. It must store exactly what a normal import stores, leave every
// index as the migrations define it, and roll the drops back with the rows when the file is bad.
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { databaseSnapshot, importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-bulk-");
const omi2 = (i: number) =>
  JSON.stringify({ problem: `Bulk problem ${i}: what is ${i} + 2?`, generated_solution: `So \\frac{${i}}{1} + 2 = \\boxed{${i + 2}}.`, expected_answer: String(i + 2), problem_source: "augmented_math" });
const file = (name: string, lines: string[]) => writeTemp(dir, name, `${lines.join("\n")}\n`);

async function indexDefinitions(): Promise<string[]> {
  const { rows } = await pool().query<{ d: string }>(
    `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('problems', 'samples') ORDER BY indexname`,
  );
  return rows.map((r) => r.d);
}

async function storedRows(set: string) {
  const { rows } = await pool().query(
    `SELECT p.text, p.gold_answer, p.source_key, s.text AS solution, s.char_length, s.verdict::text
       FROM problems p JOIN problem_sets ps ON ps.id = p.set_id JOIN samples s ON s.problem_id = p.id
      WHERE ps.name = $1 ORDER BY p.source_key, s.id`,
    [set],
  );
  return rows;
}

describe("bulk import", () => {
  it("stores exactly what a normal import stores, rebuilds every index it dropped, and reports each one", async () => {
    const before = await indexDefinitions();
    const lines = Array.from({ length: 3000 }, (_, i) => omi2(i % 2500)); // 500 duplicates
    const path = file("bulk.jsonl", lines);
    const normal = await importFiles([path], "normal", "synthetic");
    const built: [number, number, string][] = [];
    const bulk = await importFiles([path], "bulk", "synthetic", { bulk: true, onIndexBuilt: (b, t, n) => built.push([b, t, n]) });

    expect(bulk.summary.ok).toBe(true);
    for (const key of ["rows", "problemsInserted", "duplicates", "solutionsInserted"] as const) expect(bulk.summary[key]).toBe(normal.summary[key]);
    expect(await storedRows("bulk")).toEqual(await storedRows("normal"));
    expect(await indexDefinitions()).toEqual(before);

    // Announced before the first build, then once per index, ending with all of them.
    const total = built[0]?.[1] ?? 0;
    expect(total).toBeGreaterThanOrEqual(10);
    expect(built.map(([b]) => b)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    expect(built.map(([, , n]) => n)).toContain("samples_text_trgm");
    expect(built.map(([, , n]) => n)).toContain("problems_text_trgm");

    // The rebuilt trigram index serves the browser's substring search.
    const client = await pool().connect();
    try {
      await client.query("SET enable_seqscan = off");
      const { rows: plan } = await client.query(`EXPLAIN SELECT id FROM samples WHERE text ILIKE '%frac{2400}%'`);
      expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("samples_text_trgm");
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  });

  it("a bad line rolls the dropped indexes back with the rows: nothing stored, every index still there", async () => {
    const indexes = await indexDefinitions();
    const snapshot = await databaseSnapshot();
    const lines = Array.from({ length: 5000 }, (_, i) => omi2(10_000 + i));
    lines[4500] = '{"problem": "cut short", "generated_solution": ';
    const { summary } = await importFiles([file("bad.jsonl", lines)], "bulk-bad", "synthetic", { bulk: true });
    expect(summary.ok).toBe(false);
    expect(summary.errors[0]?.message).toMatch(/line 4501/);
    expect(await databaseSnapshot()).toEqual(snapshot);
    expect(await indexDefinitions()).toEqual(indexes);
  });
});
