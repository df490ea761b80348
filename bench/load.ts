// `npm run bench -- load [--rows 1000000] [--per-problem 23] [--rounds 3] [--keep]`
// How a release as it is distributed loads: OMI2-shaped Parquet compressed with ZSTD, imported
// into a new set the way `boxed import` does, then the set's search index built the way the
// background job does, each against a baseline of the same run, on a throwaway embedded
// PostgreSQL with durable settings (like a user's).
//
// Data: bench/io.ts's generated OMI2 rows (problems ~300 characters, solutions ~1,200 with LaTeX,
//   23 solutions per problem, the release's shape), written as JSONL and converted by DuckDB to
//   Parquet with ZSTD and row groups of 100,000 rows (what pyarrow and DuckDB writers produce).
// Import: `runImportTask` on the Parquet file into a new set (rounds alternate with the baseline:
//   these shared 2-core machines swing by 20% between minutes), at rows/4 too (memory must stay
//   flat), and the same rows from JSONL for reference. Baseline: plain COPY of the same rows into
//   a bare 4-column table (bench/io.ts's `baselineImport`).
// Decoding alone: every row group of the file read with hyparquet, ZSTD pages through fzstd (pure
//   JavaScript, hyparquet-compressors' codec) and through zstd's WebAssembly build (zstd-pages.ts).
// Search index: the job (`buildSearchIndex`: a plain parallel CREATE INDEX on the set's partition)
//   against what it did before, CREATE INDEX CONCURRENTLY with maintenance_work_mem 512MB on the
//   same table. During the job a reader runs a page's query (50 newest solutions of the set, and
//   a count of another set's) every 250 ms: the longest wait says whether pages were blocked.
// Each step runs in its own child process after an untimed CHECKPOINT; peak RSS is sampled every 50 ms.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import pg from "pg";
import { baselineImport, writeOmi2File } from "@/bench/io";
import { writeBenchmarkSection } from "@/bench/report";
import { startThrowawayCluster } from "@/bench/support/throwaway-cluster";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { decompressZstdPage, loadZstd } from "@/lib/datasets/readers/zstd-pages";
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePool, pool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";

const FULL_RELEASE_ROWS = 13_972_791;
const TARGET_IMPORT_SECONDS = 600;
const TARGET_INDEX_SECONDS = 1800;
const here = fileURLToPath(new URL(".", import.meta.url));
const OMI2_COLUMNS = ["problem", "generated_solution", "expected_answer", "problem_source"];

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The JSONL file as Parquet, ZSTD, row groups of 100,000 rows (DuckDB writes it). */
export async function jsonlToZstdParquet(jsonl: string, parquet: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  try {
    const columns = OMI2_COLUMNS.map((c) => `${c}: 'VARCHAR'`).join(", ");
    await duck.run(
      `COPY (SELECT ${OMI2_COLUMNS.join(", ")} FROM read_json('${jsonl}', format = 'newline_delimited', columns = {${columns}}))
       TO '${parquet}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`,
    );
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
}

interface StepResult {
  rows: number;
  seconds: number;
  peakRssMiB: number;
  detail?: string;
}

async function decodeOnly(path: string, codec: "fzstd" | "wasm"): Promise<number> {
  await loadZstd();
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const ZSTD = codec === "wasm" ? decompressZstdPage : compressors.ZSTD;
  let rowStart = 0;
  let rows = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    rows += (await parquetReadObjects({ file, metadata, columns: OMI2_COLUMNS, rowStart, rowEnd, compressors: { ...compressors, ZSTD } })).length;
    rowStart = rowEnd;
  }
  return rows;
}

/** What the job ran before: CREATE INDEX CONCURRENTLY, 512MB, the server's parallel settings. */
async function concurrentIndex(setName: string): Promise<number> {
  const client = await pool().connect();
  try {
    const { rows } = await client.query<{ id: number; n: number; sql: string }>(
      "SELECT id, sample_count AS n, boxed_samples_search_index_sql(id, true) AS sql FROM problem_sets WHERE name = $1",
      [setName],
    );
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query(rows[0].sql);
    return rows[0].n;
  } finally {
    client.release();
  }
}

async function dropSearchIndex(setName: string): Promise<void> {
  const { rows } = await pool().query<{ name: string }>("SELECT boxed_samples_partition_name(id) AS name FROM problem_sets WHERE name = $1", [setName]);
  await pool().query(`DROP INDEX IF EXISTS "${rows[0].name}_text_trgm"`);
}

async function childStep(step: string, params: string[]): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  let rows = 0;
  let detail: string | undefined;
  // Untimed preparation (dropping the previous build's index) happens before the clock starts.
  if (step === "index-job" || step === "index-concurrently") await dropSearchIndex(params[0] as string);
  const started = performance.now();
  if (step === "import") {
    const [file, set] = params as [string, string];
    const taskId = await createImportTask({ paths: [file], setName: set, role: "synthetic", via: "cli" }, null, statSync(file).size, "running");
    const summary = await runImportTask(taskId, { queueGrading: false });
    if (!summary.ok) throw new Error(summary.errors[0]?.message);
    rows = summary.rows;
    detail = `${summary.problemsInserted} problems, ${summary.solutionsInserted} solutions, ${summary.loadPath}, search index ${summary.searchIndex}`;
  } else if (step === "baseline-import") {
    rows = await baselineImport(params[0] as string);
  } else if (step === "decode-fzstd" || step === "decode-wasm") {
    rows = await decodeOnly(params[0] as string, step === "decode-wasm" ? "wasm" : "fzstd");
  } else if (step === "index-job") {
    const { rows: found } = await pool().query<{ id: number; n: number }>("SELECT id, sample_count AS n FROM problem_sets WHERE name = $1", [params[0]]);
    await buildSearchIndex(found[0].id);
    rows = found[0].n;
  } else if (step === "index-concurrently") {
    rows = await concurrentIndex(params[0] as string);
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await disconnectPrisma();
  await closePool();
  process.stdout.write(`\nRESULT ${JSON.stringify({ rows, seconds, peakRssMiB: peak / 2 ** 20, detail } satisfies StepResult)}\n`);
}

async function runChild(databaseUrl: string, step: string, params: string[]): Promise<StepResult> {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "run.ts"), "load", "--child", step, ...params], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (d) => {
    output += d;
  });
  const [code] = await once(child, "exit");
  const line = output.split("\n").find((l) => l.startsWith("RESULT "));
  if (code !== 0 || !line) throw new Error(`step ${step} failed (exit ${code}): ${output.slice(-2000)}`);
  return JSON.parse(line.slice(7)) as StepResult;
}

/** A page's queries, every 250 ms while `work` runs: the longest each took (ms). */
async function probeReaders(databaseUrl: string, setName: string, otherSet: string, work: Promise<StepResult>): Promise<{ result: StepResult; maxMs: number; probes: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let finished = false;
  let maxMs = 0;
  let probes = 0;
  const loop = (async () => {
    while (!finished) {
      const t = performance.now();
      await client.query(
        `SELECT s.id FROM samples s JOIN problem_sets ps ON ps.id = s.set_id WHERE ps.name = $1 ORDER BY s.id DESC LIMIT 50`,
        [setName],
      );
      await client.query("SELECT count(*) FROM (SELECT 1 FROM samples s JOIN problem_sets ps ON ps.id = s.set_id WHERE ps.name = $1 LIMIT 1000) x", [otherSet]);
      maxMs = Math.max(maxMs, performance.now() - t);
      probes++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    return { result: await work, maxMs, probes };
  } finally {
    finished = true;
    await loop;
    await client.end();
  }
}

export async function main(args: string[]): Promise<void> {
  const childIndex = args.indexOf("--child");
  if (childIndex >= 0) {
    await childStep(args[childIndex + 1] as string, args.slice(childIndex + 2));
    return;
  }
  const rows = Number(arg(args, "rows") ?? 1_000_000);
  const perProblem = Number(arg(args, "per-problem") ?? 23);
  const roundCount = Number(arg(args, "rounds") ?? 3);
  const small = Math.max(perProblem, Math.round(rows / 4 / perProblem) * perProblem);
  const loadAtStart = loadavg()[0];
  const log = (line: string) => console.log(`[load] ${line}`);
  const n = (x: number) => x.toLocaleString("en-US");
  const throwaway = await startThrowawayCluster("load");
  const { cluster, home } = throwaway;
  try {
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE bench");
    await admin.end();
    const url = cluster.url("bench");
    await migrateDatabase(url);

    log(`generating ${n(rows)} and ${n(small)} OMI2 rows, ${perProblem} per problem, as JSONL and as ZSTD Parquet`);
    const bigJsonl = join(home, "big.jsonl");
    const bigParquet = join(home, "big.parquet");
    const smallJsonl = join(home, "small.jsonl");
    const smallParquet = join(home, "small.parquet");
    const jsonlBytes = await writeOmi2File(bigJsonl, rows, perProblem);
    await writeOmi2File(smallJsonl, small, perProblem);
    await jsonlToZstdParquet(bigJsonl, bigParquet);
    await jsonlToZstdParquet(smallJsonl, smallParquet);
    const parquetBytes = statSync(bigParquet).size;
    const smallParquetBytes = statSync(smallParquet).size;
    log(`files: JSONL ${(jsonlBytes / 2 ** 20).toFixed(0)} MiB, Parquet ${(parquetBytes / 2 ** 20).toFixed(0)} MiB`);

    const results: Record<string, StepResult> = {};
    const checkpoint = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("CHECKPOINT");
      await client.end();
    };
    const report = (name: string) => {
      const r = results[name] as StepResult;
      log(`${name}: ${n(r.rows)} rows in ${r.seconds.toFixed(1)} s = ${n(Math.round(r.rows / r.seconds))} rows/s, peak RSS ${r.peakRssMiB.toFixed(0)} MiB${r.detail ? ` (${r.detail})` : ""}`);
    };
    const run = async (name: string, step: string, params: string[]) => {
      await checkpoint();
      log(`${name}…`);
      results[name] = await runChild(url, step, params);
      report(name);
      return results[name] as StepResult;
    };

    const copyName = "baseline: plain COPY of the same rows into a bare table";
    const importName = `import ${n(rows)} rows of ZSTD Parquet into a new set`;
    const rounds: { copy: number; load: number }[] = [];
    for (let round = 1; round <= roundCount; round++) {
      const suffix = round === 1 ? "" : ` (round ${round})`;
      const copy = await run(`${copyName}${suffix}`, "baseline-import", [bigJsonl]);
      const load = await run(`${importName}${suffix}`, "import", [bigParquet, `bench-parquet-${round}`]);
      rounds.push({ copy: copy.seconds, load: load.seconds });
    }
    const smallName = `import ${n(small)} rows of ZSTD Parquet into a new set`;
    await run(smallName, "import", [smallParquet, "bench-parquet-small"]);
    const jsonlName = `import the same ${n(rows)} rows from JSONL into a new set`;
    await run(jsonlName, "import", [bigJsonl, "bench-jsonl"]);
    const fzstdName = "decoding only: every row group with hyparquet, ZSTD by fzstd (pure JavaScript)";
    const wasmName = "decoding only: every row group with hyparquet, ZSTD by zstd's WebAssembly build (what the import uses)";
    await run(fzstdName, "decode-fzstd", [bigParquet]);
    await run(wasmName, "decode-wasm", [bigParquet]);

    // The search index of the first round's set: before (CONCURRENTLY) and now (the job).
    const oldIndexName = "search index, before: CREATE INDEX CONCURRENTLY, maintenance_work_mem 512MB (rows = solutions)";
    const newIndexName = "search index, the job now: parallel CREATE INDEX on the set's partition, 1GB (rows = solutions)";
    await run(oldIndexName, "index-concurrently", ["bench-parquet-1"]);
    await checkpoint();
    log(`${newIndexName}…`);
    const probed = await probeReaders(url, "bench-parquet-1", "bench-jsonl", runChild(url, "index-job", ["bench-parquet-1"]));
    results[newIndexName] = probed.result;
    report(newIndexName);

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const ratios = rounds.map((r) => r.copy / r.load);
    const importSeconds = median(rounds.map((r) => r.load));
    const importRate = rows / importSeconds;
    const copyRate = rows / median(rounds.map((r) => r.copy));
    const at14M = (seconds: number) => (seconds / rows) * FULL_RELEASE_ROWS;
    const get = (name: string) => results[name] as StepResult;
    const oldIndex = get(oldIndexName).seconds;
    const newIndex = get(newIndexName).seconds;
    const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
    const minutes = (s: number) => `${(s / 60).toFixed(1)} min`;
    const table = Object.entries(results)
      .map(([name, r]) => `| ${name} | ${n(r.rows)} | ${r.seconds.toFixed(1)} | ${n(Math.round(r.rows / r.seconds))} | ${r.peakRssMiB.toFixed(0)} |`)
      .join("\n");
    const md = `
Generated OMI2-style rows: ${n(rows)} (problems ~300 characters, solutions ~1,200 with LaTeX, ${perProblem} per problem as in the
release), written as JSONL (${(jsonlBytes / 2 ** 20).toFixed(0)} MiB) and by DuckDB as Parquet with ZSTD, row groups of 100,000
(${(parquetBytes / 2 ** 20).toFixed(0)} MiB; ${n(small)} rows: ${(smallParquetBytes / 2 ** 20).toFixed(0)} MiB). Embedded PostgreSQL 18, durable settings (fsync on,
wal_level=minimal as npm start runs it). Each step in its own process after an untimed CHECKPOINT; peak RSS is that process's.
1-minute load average at the start: ${loadAtStart.toFixed(1)} (at the end: ${loadavg()[0].toFixed(1)}).

| step | rows | seconds | rows/s | peak RSS (MiB) |
|---|---|---|---|---|
${table}

- Import of ZSTD Parquet into a new set (\`boxed import\`'s path), median of ${roundCount} rounds: ${n(Math.round(importRate))} rows/s,
  ${median(ratios).toFixed(2)} x plain COPY of the same rows in the same round (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}; COPY ${n(Math.round(copyRate))} rows/s).
  At ${n(FULL_RELEASE_ROWS)} rows (linear: row groups stream, every index is one sorted pass): about ${minutes(at14M(importSeconds))}
  (target <= 10 min, >= 23,300 rows/s: ${verdict(at14M(importSeconds) <= TARGET_IMPORT_SECONDS)}). The same rows from JSONL: ${n(Math.round(rate(get(jsonlName))))} rows/s.
- Decoding ZSTD Parquet alone: ${n(Math.round(rate(get(wasmName))))} rows/s with zstd's WebAssembly build, ${n(Math.round(rate(get(fzstdName))))} rows/s with fzstd
  (${(get(fzstdName).seconds / get(wasmName).seconds).toFixed(2)} x faster).
- Memory: import peak RSS ${get(smallName).peakRssMiB.toFixed(0)} MiB at ${n(small)} rows and ${get(importName).peakRssMiB.toFixed(0)} MiB at ${n(rows)} rows
  (file ${(parquetBytes / smallParquetBytes).toFixed(1)} x larger): one row group (and the next, prefetched) is resident, whatever the file size.
- Search index (trigram GIN over the solutions): the job now takes ${newIndex.toFixed(1)} s, ${(oldIndex / newIndex).toFixed(2)} x faster than the
  CONCURRENTLY build it replaced (${oldIndex.toFixed(1)} s, same table, same run). At ${n(FULL_RELEASE_ROWS)} rows about ${minutes(at14M(newIndex))}
  (target <= 30 min: ${verdict(at14M(newIndex) <= TARGET_INDEX_SECONDS)}; before: ${minutes(at14M(oldIndex))}). While it ran, a page's queries on the set being indexed and on
  another set (${n(probed.probes)} probes) took at most ${probed.maxMs.toFixed(0)} ms: readers are not blocked (only writes to that set's solutions wait).
`;
    console.log(md);
    writeBenchmarkSection("load", md);
  } finally {
    await throwaway.stop({ keep: args.includes("--keep") });
  }
}

function rate(r: StepResult): number {
  return r.rows / r.seconds;
}
