// A release as it is distributed (Parquet, ZSTD, several row groups, written by DuckDB) imported
// into a new set the way `boxed import` does: the set stores exactly what the same rows imported
// from JSONL store (problems, gold answers, sources, solutions in order).
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-parquet-zstd-");
const ROWS = 6_000;
// 23 solutions per problem as in the release, LaTeX with backslashes and newlines, non-ASCII.
const row = (i: number) => ({
  problem: `Problem ${Math.floor(i / 23)}: if $x^2 = ${Math.floor(i / 23)}$, what is "x"? ∑`,
  generated_solution: `Step ${i}:\n\\[ \\frac{${i}}{3} \\]\n${"We check. ".repeat(i % 120)}\\boxed{${Math.floor(i / 23)}}`,
  expected_answer: String(Math.floor(i / 23)),
  problem_source: Math.floor(i / 23) % 2 ? "augmented_math" : "augmented_gsm8k",
});

async function storedRows(set: string) {
  const { rows } = await pool().query(
    `SELECT p.text AS problem, p.gold_answer, p.source, s.sample_index, s.text
       FROM samples s JOIN problems p ON p.id = s.problem_id JOIN problem_sets ps ON ps.id = s.set_id
      WHERE ps.name = $1 ORDER BY s.id`,
    [set],
  );
  return rows;
}

describe("ZSTD Parquet into a new set", () => {
  it("stores what the same rows from JSONL store", async () => {
    const jsonl = writeTemp(dir, "rows.jsonl", `${Array.from({ length: ROWS }, (_, i) => JSON.stringify(row(i))).join("\n")}\n`);
    const parquet = `${dir}/rows.parquet`;
    const instance = await DuckDBInstance.create(":memory:");
    const duck = await instance.connect();
    try {
      const columns = "{problem: 'VARCHAR', generated_solution: 'VARCHAR', expected_answer: 'VARCHAR', problem_source: 'VARCHAR'}";
      await duck.run(`COPY (SELECT * FROM read_json('${jsonl}', format = 'newline_delimited', columns = ${columns}))
        TO '${parquet}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
      const groups = await duck.runAndReadAll(`SELECT count(DISTINCT row_group_id)::INTEGER AS n, min(compression) AS c FROM parquet_metadata('${parquet}')`);
      expect(groups.getRowObjects()).toEqual([{ n: 3, c: "ZSTD" }]);
    } finally {
      duck.closeSync();
      instance.closeSync();
    }

    const fromParquet = await importFiles([parquet], "from-parquet", "synthetic");
    const fromJsonl = await importFiles([jsonl], "from-jsonl", "synthetic");
    expect(fromParquet.summary).toMatchObject({ ok: true, format: "omi2", loadPath: "new-set", rows: ROWS, solutionsInserted: ROWS });
    expect(fromParquet.summary.problemsInserted).toBe(Math.ceil(ROWS / 23));
    const stored = await storedRows("from-parquet");
    expect(stored).toHaveLength(ROWS);
    expect(stored).toEqual(await storedRows("from-jsonl"));
    expect(stored[24]).toEqual({
      problem: 'Problem 1: if $x^2 = 1$, what is "x"? ∑',
      gold_answer: "1",
      source: "augmented_math",
      sample_index: 1,
      text: `Step 24:\n\\[ \\frac{24}{3} \\]\n${"We check. ".repeat(24)}\\boxed{1}`,
    });
    expect(fromJsonl.summary.problemsInserted).toBe(fromParquet.summary.problemsInserted);
  });
});
