// An OpenMathInstruct-2-shaped release for `bench -- scale`, written as one Parquet file compressed
// with ZSTD (how such releases are distributed), by DuckDB (a dev dependency): Node builds the rows,
// DuckDB's appender takes them into a file-backed table and COPY writes the Parquet in row groups
// of 100,000.
//
// The rows are made from real problems and solutions, so every step meets text of the real kind:
// the training problems of GSM8K and MATH (../shared/data) are the seeds. An original problem
// (`gsm8k`, `math`) is the seed verbatim; an augmented one (`augmented_gsm8k`, `augmented_math`) is
// the seed rewritten by one of the decontamination evaluation's families (renamed, re-numbered,
// reworded), so retrieval and clustering see a realistic vocabulary. A solution is the seed's own
// reference solution, re-numbered per row and padded with lines of another seed's solution to the
// release's length (~1,200 characters), ending in a boxed answer: the gold (72%), the gold written
// another way (8%: spacing, \dfrac) or another seed's gold (20%), so grading has real work on real
// answer kinds.
//
// Proportions of rows per source: augmented_math 8,938,549 of 13,972,791 is the count of a
// published extract of the release; the split of the rest (gsm8k 7%, math 11%, augmented_gsm8k the
// remainder) is our estimate. Original problems get many solutions each (about 130 and 200, the
// release's 15K originals), augmented ones about 20, which puts ~600,000 problems in the release.
import { rmSync, statSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REWRITE_FAMILY_NAMES, rewrite } from "@/lib/decontamination/eval/rewrite-rules";
import { createRng } from "@/lib/decontamination/eval/prng";

export const FULL_RELEASE_ROWS = 13_972_791;
const AUGMENTED_MATH_SHARE = 8_938_549 / FULL_RELEASE_ROWS;
const SHARES = { gsm8k: 0.07, math: 0.11, augmented_math: AUGMENTED_MATH_SHARE } as const;

interface Seed {
  text: string;
  answer: string;
  solution: string;
}

type Row = Record<string, unknown>;
const readJsonl = (path: string): Row[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

/** The last \boxed{...} of a MATH solution, braces balanced. */
function lastBoxed(text: string): string | null {
  const at = text.lastIndexOf("\\boxed{");
  if (at < 0) return null;
  let depth = 0;
  for (let i = at + 6; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(at + 7, i);
  }
  return null;
}

export function loadSeeds(dataDir: string): { gsm8k: Seed[]; math: Seed[] } {
  const gsm8k = readJsonl(join(dataDir, "gsm8k", "train.jsonl")).map((r) => {
    const answer = String(r.answer);
    return {
      text: String(r.question),
      answer: /####\s*(.+)\s*$/.exec(answer)?.[1]?.trim() ?? "0",
      // Calculator notes removed, as Boxed stores GSM8K references.
      solution: answer.replace(/<<[^>]*>>/g, "").replace(/\n?####.*$/, "").trim(),
    };
  });
  const math = readJsonl(join(dataDir, "math", "train.jsonl")).flatMap((r) => {
    const solution = String(r.solution);
    const answer = lastBoxed(solution);
    // The reference's own box is dropped: the generated solution ends with one box of its own.
    return answer ? [{ text: String(r.problem), answer, solution: solution.replaceAll("\\boxed", "") }] : [];
  });
  return { gsm8k, math };
}

/** Re-numbers some of a text's integers, so rows of one problem differ. */
function renumber(text: string, random: () => number): string {
  return text.replace(/\b\d{1,4}\b/g, (n) => (random() < 0.3 ? String(Number(n) + 1 + Math.floor(random() * 9)) : n));
}

function otherForm(answer: string): string {
  if (answer.includes("\\frac")) return answer.replaceAll("\\frac", "\\dfrac");
  if (/^-?\d+$/.test(answer)) return ` ${answer} `;
  return answer.replace(/,\s*/g, ", ");
}

export interface ReleaseRow {
  problem: string;
  generated_solution: string;
  expected_answer: string;
  problem_source: string;
}

export interface ReleaseShape {
  rows: number;
  problems: number;
  bySource: Record<string, number>;
}

type Source = "gsm8k" | "math" | "augmented_gsm8k" | "augmented_math";

/** One problem of the release: where it comes from and how many rows it has. No text yet. */
interface PlannedProblem {
  source: Source;
  seedIndex: number;
  count: number;
}

/**
 * The release's problems in order, with their row counts: cheap (no text), deterministic for a
 * row count, so every shard of a parallel generation agrees on it.
 */
export function planRelease(seeds: { gsm8k: Seed[]; math: Seed[] }, rows: number): PlannedProblem[] {
  const random = createRng(rows);
  const target: Record<Source, number> = {
    gsm8k: Math.round(rows * SHARES.gsm8k),
    math: Math.round(rows * SHARES.math),
    augmented_math: Math.round(rows * SHARES.augmented_math),
    augmented_gsm8k: 0,
  };
  target.augmented_gsm8k = rows - target.gsm8k - target.math - target.augmented_math;
  const plan: PlannedProblem[] = [];
  // Originals: every seed once, its rows spread around the mean its share gives.
  for (const source of ["gsm8k", "math"] as const) {
    const pool = seeds[source];
    const mean = target[source] / pool.length;
    let left = target[source];
    for (let i = 0; i < pool.length && left > 0; i++) {
      const count = i === pool.length - 1 ? left : Math.min(left, Math.max(1, Math.round(mean * (0.5 + random()))));
      plan.push({ source, seedIndex: i, count });
      left -= count;
    }
  }
  // Augmented: rewrites of the seeds, about 20 rows each, until each share is filled.
  for (const source of ["augmented_math", "augmented_gsm8k"] as const) {
    const pool = source === "augmented_math" ? seeds.math : seeds.gsm8k;
    let left = target[source];
    for (let i = 0; left > 0; i++) {
      const count = Math.min(left, 5 + Math.floor(random() * 31));
      plan.push({ source, seedIndex: i % pool.length, count });
      left -= count;
    }
  }
  return plan;
}

export function shapeOf(plan: PlannedProblem[]): ReleaseShape {
  const bySource: Record<string, number> = { gsm8k: 0, math: 0, augmented_gsm8k: 0, augmented_math: 0 };
  for (const p of plan) bySource[p.source] += p.count;
  return { rows: plan.reduce((sum, p) => sum + p.count, 0), problems: plan.length, bySource };
}

/**
 * Calls `emit` for every row of the problems `index % shards === shard`, problem by problem (the
 * rows of one problem are consecutive, as in the release). Each problem's text comes from its own
 * generator, so a shard's rows do not depend on the others.
 */
export function generateRows(seeds: { gsm8k: Seed[]; math: Seed[] }, plan: PlannedProblem[], emit: (row: ReleaseRow) => void, shard = 0, shards = 1): void {
  for (let index = shard; index < plan.length; index += shards) {
    const { source, seedIndex, count } = plan[index];
    const pool = source === "math" || source === "augmented_math" ? seeds.math : seeds.gsm8k;
    const seed = pool[seedIndex];
    const random = createRng(index * 2654435761);
    const text = source.startsWith("augmented")
      ? rewrite(seed.text, REWRITE_FAMILY_NAMES[index % REWRITE_FAMILY_NAMES.length], `${source}:${index}`)
      : seed.text;
    for (let k = 0; k < count; k++) {
      let solution = renumber(seed.solution, random);
      for (let filler = 1; solution.length < 1_050; filler++) {
        const lines = pool[(seedIndex * 7919 + k * 104_729 + filler) % pool.length].solution.split("\n");
        solution += `\n${renumber(lines.slice(0, 3).join("\n"), random)}`;
      }
      const r = random();
      const boxed = r < 0.72 ? seed.answer : r < 0.8 ? otherForm(seed.answer) : pool[Math.floor(random() * pool.length)].answer;
      emit({ problem: text, generated_solution: `${solution.slice(0, 1_150)}\nThe answer is $\\boxed{${boxed}}$.`, expected_answer: seed.answer, problem_source: source });
    }
  }
}

/** Writes one shard's rows as a ZSTD Parquet file (run in a process of its own). */
export async function writeShardParquet(dataDir: string, rows: number, shard: number, shards: number, out: string): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const scratch = `${out}.duckdb`;
  for (const f of [scratch, `${scratch}.wal`, out]) rmSync(f, { force: true });
  const instance = await DuckDBInstance.create(scratch);
  const connection = await instance.connect();
  try {
    // Several shards run at once: each keeps to a share of memory and spills the rest to its file.
    await connection.run("SET memory_limit = '2GB'");
    await connection.run("CREATE TABLE release (problem VARCHAR, generated_solution VARCHAR, expected_answer VARCHAR, problem_source VARCHAR)");
    const appender = await connection.createAppender("release");
    const seeds = loadSeeds(dataDir);
    let written = 0;
    generateRows(seeds, planRelease(seeds, rows), (row) => {
      appender.appendVarchar(row.problem);
      appender.appendVarchar(row.generated_solution);
      appender.appendVarchar(row.expected_answer);
      appender.appendVarchar(row.problem_source);
      appender.endRow();
      if (++written % 100_000 === 0) appender.flushSync();
    }, shard, shards);
    appender.closeSync();
    await connection.run(`COPY release TO '${out.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    for (const f of [scratch, `${scratch}.wal`]) rmSync(f, { force: true });
  }
}

/**
 * Writes the release as one ZSTD Parquet file: `shards` processes write a part each (text building
 * is the slow part, and one thread of it takes most of an hour at 14M), then DuckDB joins the parts
 * in order into one file with row groups of 100,000.
 */
export async function writeReleaseParquet(
  dataDir: string,
  path: string,
  rows: number,
  log: (line: string) => void,
  spawnShard: (shard: number, shards: number, out: string) => Promise<void>,
  shards = 4,
): Promise<ReleaseShape & { bytes: number; seconds: number }> {
  const started = performance.now();
  const seeds = loadSeeds(dataDir);
  const shape = shapeOf(planRelease(seeds, rows));
  const parts = Array.from({ length: shards }, (_, i) => `${path}.part-${i}.parquet`);
  log(`generating ${rows.toLocaleString("en-US")} rows over ${shape.problems.toLocaleString("en-US")} problems in ${shards} processes`);
  await Promise.all(parts.map((out, i) => spawnShard(i, shards, out)));
  log("joining the parts into one Parquet file (ZSTD, row groups of 100,000)");
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run("SET preserve_insertion_order = true");
    const list = parts.map((p) => `'${p.replaceAll("'", "''")}'`).join(", ");
    await connection.run(`COPY (SELECT * FROM read_parquet([${list}])) TO '${path.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
    for (const p of parts) rmSync(p, { force: true });
  }
  return { ...shape, bytes: statSync(path).size, seconds: (performance.now() - started) / 1000 };
}
