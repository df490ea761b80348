// `npm run bench -- scale [--rows 13972791] [--steps generate,import,grade,browse,export,decontam]
//                         [--dir DIR] [--keep] [--no-baseline] [--no-browser] [--rounds 10] [--shards 4]
//                         [--grade-minutes M] [--grade-only] [--plain-only] [--report-only]`
// The real scale, end to end: an OpenMathInstruct-2-shaped release (13,972,791 rows over ~600,000
// problems, ZSTD Parquet; bench/scale/release-file.ts) loaded into a durable embedded PostgreSQL
// (the settings `npm start` uses) and taken through every step a curator runs:
//   generate  the release file (not measured: the input);
//   import    `boxed import` into a new set; same-run baseline: plain COPY of the same rows (CSV);
//   index     the set's search index, built as the background job builds it (a user's import has
//             the worker build it after grading; built first here, so browsing is measured with
//             it); a page of the solutions table is timed meanwhile, to show the studio usable;
//   browse    the table queries in-process (p50/p95) and the first table row in Chromium;
//   export    OMI2 JSONL with no filters and with the default recipe filters; baseline: COPY of
//             the samples-problems join to a file (`--plain-only`: the first alone, for an ungraded set);
//   decontam  retrieval of every problem against 12,000 benchmark problems, candidates stored;
//   grade     the worker `npm start` runs grades every row (`--grade-minutes M` stops it after M
//             minutes and reports the rate reached: a partial run, said so in the table; `--grade-only`
//             does not wait for the search index the worker builds after grading).
// Steps run in order; each in a process of its own where that process is the product's. The whole
// run takes hours, so `--keep` keeps the database and the file in --dir and later runs take
// `--steps` one at a time; results accumulate in DIR/results.json and docs/benchmarks.md gets one
// table from all of them. Needs ../shared/data (GSM8K and MATH train: the seeds of the release).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { measure, measureBrowser } from "@/bench/browse";
import { percentile, writeBenchmarkSection } from "@/bench/report";
import { runChildStep as runStepInChild } from "@/bench/support/child-step";
import { clusterCpuSeconds, cpuSeconds, diskBytes, gib, load1, peakRssMiB } from "@/bench/scale/process-stats";
import { FULL_RELEASE_ROWS, writeReleaseParquet, writeShardParquet } from "@/bench/scale/release-file";
import { type ChildResult, runChildStep } from "@/bench/scale/steps";
import { repoRoot } from "@/lib/db/boxed-home";
import { embeddedConfig, runningPid, startEmbeddedPostgres, stopEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { loadBenchmarkItems, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { findSolutions, SEARCH_TIMEOUT_MS } from "@/lib/solutions/find-solutions";
import { searchIndexState } from "@/lib/datasets/search-index/search-index-state";
import { UserFacingError } from "@/lib/errors";
import { DEFAULT_SORT, emptyFilter, type SolutionFilter, type SolutionView } from "@/lib/solutions/solution-view";
import { sharedDataPath } from "@/tests/support/shared-data";

const STEPS = ["generate", "import", "index", "browse", "export", "decontam", "grade"] as const;
type StepName = (typeof STEPS)[number];
const SET = "omi2-release";
const BENCHMARK_SET = "benchmarks-12k";
const BENCHMARK_SIZE = 12_000;
const here = fileURLToPath(new URL(".", import.meta.url));

/** One row of the report: a measured step, its baseline when there is one. */
interface Measured {
  rows: number;
  seconds: number;
  peakRssMiB: number | null;
  cpuSeconds?: number;
  postgresCpuSeconds?: number;
  diskAfterBytes?: number;
  detail?: string;
  baselineSeconds?: number;
  baselineLabel?: string;
  /** A time-boxed step: how long every row would take at the rate reached. */
  projectedSeconds?: number;
  load?: number;
  at: string;
}

interface State {
  rows: number;
  file: string;
  ids: Record<string, number>;
  shape?: Record<string, unknown>;
  results: Record<string, Measured>;
  browse?: { table: string; browser: string };
}

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const minutes = (s: number) => (s >= 90 ? `${(s / 60).toFixed(1)} min` : `${s.toFixed(1)} s`);

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

let postmasterPid: number | null = null;

async function runChild(databaseUrl: string, step: string, params: string[]): Promise<ChildResult> {
  const postgresCpuBefore = clusterCpuSeconds(postmasterPid);
  // The RESULT line of bench/scale/steps.ts carries more than StepResult: CPU seconds and ids.
  const result = (await runStepInChild("scale", databaseUrl, step, params)) as ChildResult;
  return { ...result, postgresCpuSeconds: clusterCpuSeconds(postmasterPid) - postgresCpuBefore };
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Steps run by the parent
// ---------------------------------------------------------------------------------------------

interface Context {
  url: string;
  dir: string;
  dataDir: string;
  state: State;
  args: string[];
  log: (line: string) => void;
  record: (name: string, m: Omit<Measured, "at" | "diskAfterBytes" | "load">) => void;
}

async function stepGenerate(ctx: Context): Promise<void> {
  const { state, log } = ctx;
  const shards = Number(option(ctx.args, "shards") ?? 4);
  const spawnShard = async (shard: number, count: number, out: string) => {
    const child = spawn(process.execPath, [...process.execArgv, join(here, "run.ts"), "scale", "--generate-shard", String(shard), String(count), String(state.rows), out], {
      cwd: repoRoot,
      stdio: ["ignore", "inherit", "inherit"],
    });
    const [code] = await once(child, "exit");
    if (code !== 0) throw new Error(`generating shard ${shard} failed (exit ${code})`);
  };
  const result = await writeReleaseParquet(sharedDataPath(), state.file, state.rows, log, spawnShard, shards);
  state.shape = { problems: result.problems, bySource: result.bySource, bytes: result.bytes };
  log(`release: ${n(result.rows)} rows over ${n(result.problems)} problems, ${gib(result.bytes)} in ${minutes(result.seconds)}`);
}

async function stepImport(ctx: Context): Promise<void> {
  const { url, dir, state, log, args } = ctx;
  if (!existsSync(state.file)) throw new Error(`no release file at ${state.file}: run --steps generate first`);
  // A second import would go into the existing set, row by row: not the step measured here.
  if ((await sql(url, "SELECT 1 FROM problem_sets WHERE name = $1", [SET])).length) throw new Error(`${ctx.dir} already holds the imported set "${SET}": use a new --dir`);
  let baseline: ChildResult | undefined;
  if (!args.includes("--no-baseline")) {
    // Untimed: the same rows as CSV, which a plain COPY reads with no parsing of ours.
    const csv = join(dir, "release.csv");
    log("baseline: writing the rows as CSV (untimed)");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const duck = await DuckDBInstance.create(":memory:");
    const con = await duck.connect();
    await con.run(`COPY (SELECT * FROM read_parquet('${state.file}')) TO '${csv}' (FORMAT csv, HEADER false)`);
    con.closeSync();
    duck.closeSync();
    await sql(url, "CHECKPOINT");
    log("baseline: plain COPY of the same rows into a bare table");
    baseline = await runChild(url, "baseline-import", [csv]);
    log(`baseline: ${n(baseline.rows)} rows in ${minutes(baseline.seconds)}`);
    await sql(url, "DROP TABLE bare_release");
    rmSync(csv, { force: true });
  }
  await sql(url, "CHECKPOINT");
  log(`import of ${state.file} into a new set "${SET}"`);
  const r = await runChild(url, "import", [state.file, SET]);
  state.ids = { ...state.ids, ...r.ids };
  ctx.record("import into a new set", { ...r, ...(baseline ? { baselineSeconds: baseline.seconds, baselineLabel: "plain COPY of the same rows (CSV) into a bare table" } : {}) });
}

async function stepGrade(ctx: Context): Promise<void> {
  const { url, dir, state, log } = ctx;
  const { gradingTask, searchIndexTask, set } = state.ids;
  if (!gradingTask) throw new Error("no grading task on record: run --steps import first");
  const logFile = join(dir, "worker.log");
  log(`starting the worker (as npm start does); its output goes to ${logFile}`);
  const { openSync } = await import("node:fs");
  const out = openSync(logFile, "a");
  const worker: ChildProcess = spawn(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), "worker"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", out, out],
  });
  let peak = 0;
  let workerCpu = 0;
  let workerCpuMark = 0;
  let postgresCpuMark = clusterCpuSeconds(postmasterPid);
  const probes: number[] = [];
  const view: SolutionView = { filter: { ...emptyFilter(), setIds: [set] }, sort: DEFAULT_SORT, columns: null, after: null, before: null };
  try {
    const task = async (id: number) =>
      (
        await sql<{ state: string; done: string; total: string | null; seconds: number | null }>(
          url,
          "SELECT state, done, total, EXTRACT(EPOCH FROM (finished_at - started_at))::float8 AS seconds FROM tasks WHERE id = $1",
          [id],
        )
      )[0];
    let lastLog = 0;
    const limitMinutes = Number(option(ctx.args, "grade-minutes") ?? 0);
    const started = Date.now();
    for (const [label, id] of [
      ["grading", gradingTask],
      ["search index", searchIndexTask],
    ] as const) {
      // --grade-only: the index was built (and measured) by the index step; not again here.
      if (!id || (label === "search index" && ctx.args.includes("--grade-only"))) continue;
      for (;;) {
        if (worker.exitCode !== null) throw new Error(`the worker exited (${worker.exitCode}); see ${logFile}`);
        peak = Math.max(peak, peakRssMiB(worker.pid) ?? 0);
        workerCpu = Math.max(workerCpu, worker.pid ? cpuSeconds(worker.pid) : 0);
        const t = await task(id);
        if (t.state === "completed" || t.state === "failed" || t.state === "cancelled") {
          if (t.state !== "completed") throw new Error(`${label} ended ${t.state}; see ${logFile}`);
          const rows = label === "grading" ? Number(t.done) : state.rows;
          ctx.record(label === "grading" ? "grading every row (the worker)" : "search index after grading (the worker; already built by the index step)", {
            rows,
            seconds: t.seconds ?? 0,
            peakRssMiB: peak,
            cpuSeconds: workerCpu - workerCpuMark,
            postgresCpuSeconds: clusterCpuSeconds(postmasterPid) - postgresCpuMark,
            ...(label === "search index" && probes.length
              ? { detail: `a page of the set's solutions while it builds: p50 ${percentile(probes, 50).toFixed(0)} ms, max ${Math.max(...probes).toFixed(0)} ms (${probes.length} loads)` }
              : {}),
          });
          workerCpuMark = workerCpu;
          postgresCpuMark = clusterCpuSeconds(postmasterPid);
          break;
        }
        if (label === "grading" && limitMinutes > 0 && Date.now() - started > limitMinutes * 60_000 && Number(t.done) > 0) {
          // A time-boxed run: the rate reached at this size, and what it gives for every row.
          const elapsed = (await sql<{ s: number }>(url, "SELECT EXTRACT(EPOCH FROM (now() - started_at))::float8 AS s FROM tasks WHERE id = $1", [id]))[0].s;
          const rate = Number(t.done) / elapsed;
          ctx.record("grading every row (the worker)", {
            rows: Number(t.done),
            seconds: elapsed,
            peakRssMiB: peak,
            cpuSeconds: workerCpu,
            postgresCpuSeconds: clusterCpuSeconds(postmasterPid) - postgresCpuMark,
            projectedSeconds: Number(t.total) / rate,
            detail: `partial: stopped after ${limitMinutes} min with ${n(Number(t.done))} of ${n(Number(t.total))} rows graded; at that rate every row takes ${minutes(Number(t.total) / rate)}`,
          });
          worker.kill("SIGKILL");
          return;
        }
        if (label === "search index" && t.state === "running") {
          const started = performance.now();
          await findSolutions(view);
          probes.push(performance.now() - started);
          probes.sort((a, b) => a - b);
        }
        if (Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          log(`${label}: ${t.state}, ${n(Number(t.done))}${t.total ? ` of ${n(Number(t.total))}` : ""}`);
        }
        await new Promise((r) => setTimeout(r, 2_000));
      }
    }
  } finally {
    // A worker stopped with SIGTERM finishes its jobs first: after --grade-only that is the
    // search index it starts once grading ends (40 min at 14M), which is not measured here.
    worker.kill(ctx.args.includes("--grade-only") ? "SIGKILL" : "SIGTERM");
    if (worker.exitCode === null) await once(worker, "exit");
  }
}

async function stepIndex(ctx: Context): Promise<void> {
  const { url, state, log } = ctx;
  const { set } = state.ids;
  if (!set) throw new Error("no imported set on record: run --steps import first");
  const view: SolutionView = { filter: { ...emptyFilter(), setIds: [set] }, sort: DEFAULT_SORT, columns: null, after: null, before: null };
  const probes: number[] = [];
  let building = true;
  // While the index builds, a page of the set's solutions every 2 s, as a user browsing meanwhile.
  const probing = (async () => {
    while (building) {
      const started = performance.now();
      await findSolutions(view);
      probes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 2_000));
    }
  })();
  log("search index of the set");
  try {
    // Not through the import's deferred Task: that one stays for the worker, which finds the index
    // there after grading and finishes at once, as it would for a user.
    const r = await runChild(url, "search-index", [String(set), "0", String(state.rows)]);
    building = false;
    await probing;
    probes.sort((a, b) => a - b);
    ctx.record("search index of the set (the background job)", {
      ...r,
      detail: `${r.detail}; a page of the set's solutions while it built: p50 ${percentile(probes, 50).toFixed(0)} ms, max ${probes[probes.length - 1]?.toFixed(0)} ms (${probes.length} loads)`,
    });
  } finally {
    building = false;
  }
}

interface BrowseCase {
  name: string;
  filter: Partial<SolutionFilter>;
  sort?: SolutionView["sort"];
}

async function stepBrowse(ctx: Context): Promise<void> {
  const { state, log, url, args } = ctx;
  const rounds = Number(option(args, "rounds") ?? 10);
  const set = state.ids.set;
  const problems = await sql<{ id: number }>(url, "SELECT id FROM problems WHERE set_id = $1 ORDER BY id LIMIT 1000", [set]);
  const cases: BrowseCase[] = [
    { name: "no filter (newest first)", filter: {} },
    { name: "set", filter: { setIds: [set] } },
    { name: "source = augmented_gsm8k (problem attribute)", filter: { sources: ["augmented_gsm8k"] } },
    { name: "verdict = not_equal", filter: { verdicts: ["not_equal"] } },
    { name: "length 1,000-1,200 characters", filter: { length: { min: 1000, max: 1200 } } },
    { name: "sort by length", filter: {}, sort: { key: "length", direction: "desc" } },
    { name: "sort by tokens", filter: {}, sort: { key: "tokens", direction: "desc" } },
    { name: "one problem", filter: {} },
    { name: "solution text: rare phrase", filter: { solutionText: "clips in May" } },
    { name: "solution text: common phrase", filter: { solutionText: "common denominator" } },
    { name: "solution text: LaTeX fragment", filter: { solutionText: "\\frac{3}{8}" } },
    { name: "problem text: common phrase", filter: { problemText: "geometric sequence" } },
  ];
  // Without the set's trigram index (it is built after grading, and a bulk grading run rebuilds the
  // set's table without it) a solution-text search reads every row: not what a user meets once the
  // worker has built it, so not measured then.
  const indexed = (await searchIndexState(set)) === "ready";
  const lines: string[] = [];
  // The target (p95 <= 50 ms) is for the table's filters and sorts; a substring search costs what
  // its phrase's candidate rows cost (find-solutions.ts) and is reported beside it, with its limit.
  let worst = 0;
  for (const c of cases) {
    const filterAt = (r: number): Partial<SolutionFilter> => (c.name === "one problem" ? { problemId: problems[(r * 37) % problems.length].id } : c.filter);
    const search = Boolean(c.filter.solutionText || c.filter.problemText);
    if (c.filter.solutionText && !indexed) {
      lines.push(`| ${c.name} | not measured: the set's search index is not built | |`);
      continue;
    }
    let stat: { p50: number; p95: number };
    try {
      // Searches are seconds each at this size: three rounds say enough.
      stat = await measure(search ? Math.min(rounds, 3) : rounds, (r) => findSolutions({ filter: { ...emptyFilter(), ...filterAt(r) }, sort: c.sort ?? DEFAULT_SORT, after: null, before: null }));
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      lines.push(`| ${c.name} | stopped at the ${SEARCH_TIMEOUT_MS / 1000} s search limit | |`);
      log(`browse ${c.name}: ${error.message}`);
      continue;
    }
    if (!search) worst = Math.max(worst, stat.p95);
    lines.push(`| ${c.name} | ${stat.p50.toFixed(1)} | ${stat.p95.toFixed(1)} |`);
    log(`browse ${c.name}: p50 ${stat.p50.toFixed(1)} ms, p95 ${stat.p95.toFixed(1)} ms`);
  }
  const browser = args.includes("--no-browser")
    ? "not measured (--no-browser)"
    : await measureBrowser(url, log).catch((error) => `not measured: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  state.browse = { table: ["| query (findSolutions, page of 50) | p50 ms | p95 ms |", "|---|---|---|", ...lines].join("\n"), browser };
  ctx.record("browse: worst p95 of the table queries (in-process)", { rows: state.rows, seconds: worst / 1000, peakRssMiB: peakRssMiB() });
}

async function stepExport(ctx: Context): Promise<void> {
  const { url, dir, state, log } = ctx;
  const file = (name: string) => join(dir, name);
  const runOne = async (label: string, step: string, out: string, params: string[]) => {
    await sql(url, "CHECKPOINT");
    log(`${label}…`);
    const r = await runChild(url, step, [out, ...params]);
    rmSync(out, { force: true });
    rmSync(`${out}.manifest.json`, { force: true });
    log(`${label}: ${n(r.rows)} rows in ${minutes(r.seconds)}${r.detail ? ` (${r.detail})` : ""}`);
    return r;
  };
  const baseline = await runOne("baseline: COPY of the samples-problems join to a file", "baseline-export", file("baseline.tsv"), [String(state.ids.set)]);
  const plain = await runOne("export, no filters", "export", file("export-plain.jsonl"), [SET]);
  ctx.record("export, no filters", { ...plain, baselineSeconds: baseline.seconds, baselineLabel: "COPY of the samples-problems join to a file" });
  // --plain-only: before grading, the recipe's filters (correct answers only) have nothing to keep.
  if (ctx.args.includes("--plain-only")) return;
  const filtered = await runOne("export, default recipe filters", "export-filtered", file("export-recipe.jsonl"), [SET]);
  ctx.record("export, default recipe filters", { ...filtered, baselineSeconds: baseline.seconds, baselineLabel: "COPY of the samples-problems join to a file" });
}

async function stepDecontam(ctx: Context): Promise<void> {
  const { url, dir, log } = ctx;
  const existing = await sql<{ id: number }>(url, "SELECT id FROM problem_sets WHERE name = $1", [BENCHMARK_SET]);
  if (!existing.length) {
    // The test sets of ../shared/data, padded to 12,000 with GSM8K train problems (seeds of the
    // release, so some synthesized problems match exactly: more candidates to store, not fewer).
    // MATH-500 repeats MATH test problems, and a set holds a text once: distinct texts are counted.
    const seen = new Set<string>();
    const tests = loadBenchmarkItems(sharedDataPath()).filter((t) => !seen.has(t.text.trim()) && seen.add(t.text.trim()));
    const pad = loadTrainProblems(sharedDataPath(), "gsm8k").slice(0, Math.max(0, BENCHMARK_SIZE - tests.length));
    const jsonl = join(dir, "benchmarks.jsonl");
    // MATH's format: unique_id, problem and a one-line reference holding the gold answer.
    const row = (id: string, problem: string, answer?: string) => ({ unique_id: id, problem, solution: answer ? `The answer is $\\boxed{${answer}}$.` : "No reference solution." });
    const rows = [...tests.map((t) => row(`${t.setName}/${t.key}`, t.text, t.answer)), ...pad.map((p) => row(`gsm8k_train/${p.key}`, p.text, p.answer))];
    writeFileSync(jsonl, rows.map((r) => JSON.stringify(r)).join("\n"));
    process.env.DATABASE_URL = url;
    const payload = { paths: [jsonl], setName: BENCHMARK_SET, role: "benchmark" as const, via: "cli" as const };
    const taskId = await createImportTask(payload, null, 0, "running");
    const summary = await runImportTask(taskId, { queueGrading: false });
    if (!summary.ok) throw new Error(`benchmark import failed: ${summary.errors[0]?.message}`);
    log(`benchmark set: ${n(summary.problemsInserted)} problems`);
  }
  await sql(url, "CHECKPOINT");
  log(`retrieval of every problem of ${SET} against ${BENCHMARK_SET}, candidates stored`);
  const r = await runChild(url, "retrieval", [SET, BENCHMARK_SET]);
  ctx.record("decontamination retrieval + storing candidates", r);
}

const RUNNERS: Record<StepName, (ctx: Context) => Promise<void>> = {
  generate: stepGenerate,
  import: stepImport,
  index: stepIndex,
  grade: stepGrade,
  browse: stepBrowse,
  export: stepExport,
  decontam: stepDecontam,
};

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** Targets of issue #21 for the full release on this machine kind, in seconds (browse: p95). */
const TARGETS: Record<string, { seconds: number; text: string }> = {
  "import into a new set": { seconds: 600, text: "<= 10 min, memory flat" },
  "grading every row (the worker)": { seconds: 1800, text: "<= 30 min" },
  "search index of the set (the background job)": { seconds: 1800, text: "<= 30 min, studio usable meanwhile" },
  "browse: worst p95 of the table queries (in-process)": { seconds: 0.05, text: "<= 50 ms" },
  "export, no filters": { seconds: 300, text: "<= 5 min" },
  "export, default recipe filters": { seconds: 480, text: "<= 8 min" },
  "decontamination retrieval + storing candidates": { seconds: 600, text: "<= 10 min" },
};

function report(state: State): string {
  const rows = Object.entries(state.results).map(([name, m]) => {
    const target = TARGETS[name];
    const time = name.startsWith("browse") ? `${(m.seconds * 1000).toFixed(1)} ms` : minutes(m.seconds);
    const rate = name.startsWith("browse") ? "" : n(m.rows / Math.max(m.seconds, 1e-9));
    const baseline = m.baselineSeconds ? `${minutes(m.baselineSeconds)} (${n(m.rows / m.baselineSeconds)} rows/s); step = ${(m.seconds / m.baselineSeconds).toFixed(2)} x` : "";
    const met = target ? ((m.projectedSeconds ?? m.seconds) <= target.seconds ? "met" : "**missed**") + (m.projectedSeconds ? ` (projected: ${minutes(m.projectedSeconds)})` : "") : "";
    return `| ${name} | ${n(m.rows)} | ${time} | ${rate} | ${baseline} | ${m.peakRssMiB ? `${m.peakRssMiB.toFixed(0)} MiB` : ""} | ${m.cpuSeconds != null ? `${minutes(m.cpuSeconds)} + ${m.postgresCpuSeconds != null ? minutes(m.postgresCpuSeconds) : "not read"}` : ""} | ${m.diskAfterBytes ? gib(m.diskAfterBytes) : ""} | ${target?.text ?? ""} ${met} | ${m.load?.toFixed(1) ?? ""} |`;
  });
  for (const [name, target] of Object.entries(TARGETS)) {
    if (!state.results[name]) rows.push(`| ${name} | | not run at this size yet | | | | | | ${target.text} | |`);
  }
  const details = Object.entries(state.results)
    .filter(([, m]) => m.detail || m.baselineLabel)
    .map(([name, m]) => `- ${name}: ${[m.detail, m.baselineLabel ? `baseline: ${m.baselineLabel}` : ""].filter(Boolean).join("; ")}.`);
  const shape = state.shape as { problems?: number; bySource?: Record<string, number>; bytes?: number } | undefined;
  return `
Steps recorded at ${[...new Set(Object.values(state.results).map((m) => m.at.slice(11, 16)))].sort().join(", ")} UTC (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB).

An OpenMathInstruct-2-shaped release: ${n(state.rows)} rows over ${shape?.problems ? n(shape.problems) : "?"} generated problems (fewer once the import keeps each distinct text once)
(${shape?.bySource ? Object.entries(shape.bySource).map(([k, v]) => `${k} ${n(v)}`).join(", ") : ""}), one Parquet file compressed with ZSTD
(${shape?.bytes ? gib(shape.bytes) : "?"}), made from GSM8K and MATH train problems and solutions (bench/scale/release-file.ts says how).
Embedded PostgreSQL 18 with the settings \`npm start\` uses (durable: fsync on). Peak RSS is the step's own process
(VmHWM; for grading and the search index, the worker's); disk is the database's directory after the step, plus the release file.
The load column is the 1-minute load average when the step ended: other work on the machine shows there, and
the CPU column (seconds of CPU the step's process and the database used, from /proc) is what the step cost whatever
else ran: on a quiet machine of 2 cores a step takes at least its CPU over 2, and at least its process's CPU alone
where that process is one thread.

| step | rows | time | rows/s | same-run baseline | peak RSS | CPU: step's process + PostgreSQL | disk after | target at 14M | load |
|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

${details.join("\n")}
${state.browse ? `\nThe table queries at this size, in-process (\`findSolutions\`, warm, ${""}p50/p95):\n\n${state.browse.table}\n\nChromium (first table row visible, production build, same database):\n\n${state.browse.browser}\n` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export async function main(args: string[]): Promise<void> {
  const shardIndex = args.indexOf("--generate-shard");
  if (shardIndex >= 0) {
    const [shard, shards, rows, out] = args.slice(shardIndex + 1);
    await writeShardParquet(sharedDataPath(), Number(rows), Number(shard), Number(shards), out as string);
    return;
  }
  const childIndex = args.indexOf("--child");
  if (childIndex >= 0) {
    await runChildStep(args[childIndex + 1] as string, args.slice(childIndex + 2));
    return;
  }
  const rows = Number(option(args, "rows") ?? FULL_RELEASE_ROWS);
  if (!Number.isInteger(rows) || rows < 10_000) throw new Error(`--rows must be a whole number >= 10,000 (got ${option(args, "rows")})`);
  const steps = (option(args, "steps") ?? STEPS.join(",")).split(",").map((s) => s.trim()) as StepName[];
  for (const s of steps) if (!STEPS.includes(s)) throw new Error(`--steps: no step "${s}" (steps: ${STEPS.join(", ")})`);
  const dir = option(args, "dir") ?? join(tmpdir(), "boxed-bench-scale");
  const keep = args.includes("--keep");
  mkdirSync(dir, { recursive: true });
  const stateFile = join(dir, "results.json");
  const fresh: State = { rows, file: join(dir, `release-${rows}.parquet`), ids: {}, results: {} };
  const state: State = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, "utf8")) as State) : fresh;
  if (state.rows !== rows) throw new Error(`${dir} holds a run of ${n(state.rows)} rows; use another --dir or remove it`);
  const log = (line: string) => console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${line}`);

  if (args.includes("--report-only")) {
    // The table again from DIR/results.json (after runs recorded by hand or by another checkout).
    writeBenchmarkSection("scale", report(state));
    return;
  }
  const home = join(dir, "pg");
  const cluster = await startEmbeddedPostgres({ home, log });
  const dataDir = embeddedConfig(home)?.dataDir ?? home;
  postmasterPid = runningPid(dataDir);
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  if (!(await admin.query("SELECT 1 FROM pg_database WHERE datname = 'scale'")).rowCount) await admin.query("CREATE DATABASE scale");
  await admin.end();
  const url = cluster.url("scale");
  process.env.DATABASE_URL = url;
  await migrateDatabase(url);
  // Two runs of different steps may share a --dir: each save keeps what the other recorded meanwhile.
  const save = () => {
    if (existsSync(stateFile)) {
      const onDisk = JSON.parse(readFileSync(stateFile, "utf8")) as State;
      state.results = { ...onDisk.results, ...state.results };
      state.ids = { ...onDisk.ids, ...state.ids };
      state.browse ??= onDisk.browse;
      state.shape ??= onDisk.shape;
    }
    writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  };
  const ctx: Context = {
    url,
    dir,
    dataDir,
    state,
    args,
    log,
    record(name, m) {
      state.results[name] = { ...m, diskAfterBytes: diskBytes(dataDir, state.file), load: load1(), at: new Date().toISOString() };
      const r = state.results[name];
      log(`${name}: ${n(r.rows)} rows in ${minutes(r.seconds)}, peak RSS ${r.peakRssMiB?.toFixed(0) ?? "?"} MiB, disk ${gib(r.diskAfterBytes ?? 0)}${r.detail ? ` (${r.detail})` : ""}`);
      save();
      writeBenchmarkSection("scale", report(state));
    },
  };
  try {
    for (const step of STEPS.filter((s) => steps.includes(s))) {
      log(`== ${step}`);
      await RUNNERS[step](ctx);
      save();
    }
    writeBenchmarkSection("scale", report(state));
  } finally {
    await disconnectPrisma();
    await closePool();
    await stopEmbeddedPostgres(home);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
