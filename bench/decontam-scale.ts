// `npm run bench -- decontam-scale [--n 600000] [--rerun]`: decontamination at the target size, end
// to end through the job a user starts. N synthesized problems (bench/decontam.ts's mix: 10%
// disguised test problems, the rest rewritten train problems; generated and inserted slice by
// slice) are checked against 12,000 benchmark problems by the retrieval Task run by the worker's
// own job handler (runRetrievalAsWorker -> runRetrievalTask: worker processes, bulk storage,
// statuses, progress, audit), on an embedded PostgreSQL with the product's settings (fsync on).
// Same-run baselines: (1) retrieval alone (the same pages through the same worker processes,
// nothing stored): what storing adds on top of it; (2) a plain COPY of the same candidate rows into
// a table with the same columns and indexes: the least any storage of these rows costs. Peak RSS
// is sampled every second: this process and each retrieval worker process.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { pipeline } from "node:stream/promises";
import { createHash } from "node:crypto";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { writeBenchmarkSection } from "@/bench/report";
import { decontamWorkload } from "@/bench/support/decontam-workload";
import { startThrowawayCluster } from "@/bench/support/throwaway-cluster";
import { runningPid } from "@/lib/db/embedded-postgres";
import { migrateDatabase } from "@/lib/db/migrate";
import { pool } from "@/lib/db/pool";
import { buildSyntheticSet } from "@/lib/decontamination/eval/synthetic-set";
import { loadBenchmarkItems } from "@/lib/decontamination/pipeline/load-benchmark-index";
import { resolveDecontamSets } from "@/lib/decontamination/pipeline/resolve-decontam-sets";
import { runRetrievalAsWorker } from "@/lib/decontamination/pipeline/retrieval-task";
import { RETRIEVAL_CHUNK } from "@/lib/decontamination/pipeline/run-retrieval";
import { RetrievalPool } from "@/lib/decontamination/retrieval-pool";
import { sharedDataPath } from "@/tests/support/shared-data";

const SLICE = 10_000;
const TARGET = 600_000;
const COLUMNS = "problem_id, benchmark_problem_id, rank, score, embedding_score, exact, evidence";

const arg = (args: string[], name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const n = (x: number) => Math.round(x).toLocaleString("en-US");
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const cpuLine = (c: { self: number; workers: number; postgres: number }) =>
  `${(c.workers / 60_000).toFixed(2)} / ${(c.self / 60_000).toFixed(2)} / ${(c.postgres / 60_000).toFixed(2)} (total ${((c.workers + c.self + c.postgres) / 60_000).toFixed(2)})`;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

/** Peak RSS of this process and of the retrieval worker processes (children running retrieve-worker), sampled every second. */
class RssSampler {
  main = 0;
  worker = 0;
  together = 0;
  load: number[] = [];
  private timer: NodeJS.Timeout | null = null;

  start(): this {
    this.main = this.worker = this.together = 0;
    this.load = [];
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }

  meanLoad(): number {
    return this.load.reduce((a, b) => a + b, 0) / Math.max(1, this.load.length);
  }

  private sample(): void {
    const main = process.memoryUsage().rss;
    let workers = 0;
    for (const pid of childPids()) {
      const rss = workerRss(pid);
      workers += rss;
      this.worker = Math.max(this.worker, rss);
    }
    this.main = Math.max(this.main, main);
    this.together = Math.max(this.together, main + workers);
    this.load.push(loadavg()[0]);
  }
}

function childPids(parent = process.pid): number[] {
  try {
    return readFileSync(`/proc/${parent}/task/${parent}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function workerRss(pid: number): number {
  try {
    if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("retrieve-worker")) return 0;
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

const TICK_MS = 10; // CLK_TCK = 100 on Linux

/** utime, stime, cutime, cstime of a process, in ms (cutime/cstime: its children it has reaped). */
function cpuOf(pid: number | "self"): { own: number; reaped: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // After "pid (comm) ": state is field 3, so utime (14) is index 11.
    return { own: (Number(fields[11]) + Number(fields[12])) * TICK_MS, reaped: (Number(fields[13]) + Number(fields[14])) * TICK_MS };
  } catch {
    return { own: 0, reaped: 0 };
  }
}

/**
 * CPU used so far by everything a run involves: this process, its retrieval workers (live ones
 * read directly, exited ones through this process's reaped-children counters) and the PostgreSQL
 * cluster (the postmaster, its live backends, and the backends it has reaped).
 */
let postmaster = 0;

function cpuNow(): { self: number; workers: number; postgres: number } {
  const self = cpuOf("self");
  let workers = self.reaped;
  let postgres = 0;
  if (postmaster) {
    const pm = cpuOf(postmaster);
    postgres += pm.own + pm.reaped;
    for (const backend of childPids(postmaster)) postgres += cpuOf(backend).own;
  }
  for (const pid of childPids()) {
    const cmd = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8");
      } catch {
        return "";
      }
    })();
    if (cmd.includes("retrieve-worker")) workers += cpuOf(pid).own;
  }
  return { self: self.own, workers, postgres };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpu: { self: number; workers: number; postgres: number }; value: T }> {
  const t = performance.now();
  const before = cpuNow();
  const value = await fn();
  const after = cpuNow();
  return { ms: performance.now() - t, cpu: { self: after.self - before.self, workers: after.workers - before.workers, postgres: after.postgres - before.postgres }, value };
}

const cpuTotal = (c: { self: number; workers: number; postgres: number }) => c.self + c.workers + c.postgres;

/** Baseline 1: the pipeline's reading and retrieval (same pages, same worker processes, two pages in flight), nothing stored. */
async function retrievalOnly(setName: string, against: string, workers: number, limit: number): Promise<number> {
  const { problemSet, benchmarkSets } = await resolveDecontamSets(setName, [against]);
  const retrieval = new RetrievalPool({ items: await loadBenchmarkItems(benchmarkSets) }, { workers, topK: 5 });
  let after = 0;
  let pairs = 0;
  let taken = 0;
  const read = async () => {
    const { rows } = await pool().query<{ id: number; text: string; gold_answer: string | null }>(
      `SELECT id, text, gold_answer FROM problems WHERE set_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [problemSet.id, after, Math.min(RETRIEVAL_CHUNK, limit - taken)],
    );
    taken += rows.length;
    if (rows.length === 0) return null;
    after = rows[rows.length - 1].id;
    return retrieval.retrieveBatch(rows.map((r) => ({ id: r.id, text: r.text, ...(r.gold_answer ? { answer: r.gold_answer } : {}) })));
  };
  try {
    let current = await read();
    while (current) {
      const next = await read();
      for (const r of await current) pairs += r.candidates.length;
      current = next;
    }
  } finally {
    await retrieval.close();
  }
  return pairs;
}

/** Baseline 2: the stored pairs, COPY'd out and straight into a table with the same columns and indexes. */
async function plainCopy(db: pg.Pool): Promise<number> {
  await db.query(`DROP TABLE IF EXISTS plain_copy`);
  await db.query(`CREATE TABLE plain_copy (LIKE contamination_candidates INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const reader = await db.connect();
  const writer = await db.connect();
  try {
    const source = reader.query(copyTo(`COPY (SELECT ${COLUMNS} FROM contamination_candidates ORDER BY problem_id, benchmark_problem_id) TO STDOUT`));
    const target = writer.query(copyFrom(`COPY plain_copy (${COLUMNS}) FROM STDIN`));
    await pipeline(source, target);
  } finally {
    reader.release();
    writer.release();
  }
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM plain_copy`)).rows[0].n;
}

async function insertSlice(db: pg.Pool, setId: number, rows: { key: string; text: string; source: string }[], salt: number): Promise<void> {
  await db.query(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source) SELECT $1, t, h, k, s FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(t, h, k, s)`,
    [setId, rows.map((r) => r.text), rows.map((r, i) => createHash("sha256").update(`${salt + i}:${r.text}`).digest("hex")), rows.map((r) => r.key), rows.map((r) => r.source)],
  );
}

export async function main(argv: string[]): Promise<void> {
  const count = arg(argv, "n", TARGET);
  const rerun = argv.includes("--rerun");
  // Retrieval alone on the first --alone problems (default all), scaled to the set per problem.
  const aloneCount = Math.min(count, arg(argv, "alone", count));
  const workers = availableParallelism();
  const log = (s: string) => console.log(`[decontam-scale ${new Date().toISOString().slice(11, 19)}] ${s}`);
  const dataDir = sharedDataPath();
  const { tests, benchmark, unrelated } = decontamWorkload(dataDir);

  const throwaway = await startThrowawayCluster("decontam-scale");
  const admin = new pg.Client({ connectionString: throwaway.cluster.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE decontam");
  await admin.end();
  const url = throwaway.cluster.url("decontam");
  // pg_ctl starts the server detached: find it by its data directory's lock file.
  postmaster = runningPid(throwaway.cluster.config.dataDir) ?? 0;
  process.env.DATABASE_URL = url;
  try {
    await migrateDatabase(url);
    const db = pool();
    const sets = await db.query<{ id: number; name: string }>(`INSERT INTO problem_sets (name, role) VALUES ('benchmarks', 'benchmark'), ('synthetic', 'synthetic') RETURNING id, name`);
    const setId = (name: string) => sets.rows.find((r) => r.name === name)?.id as number;
    const setup = await timed(async () => {
      for (let start = 0; start < benchmark.length; start += SLICE) {
        await insertSlice(db, setId("benchmarks"), benchmark.slice(start, start + SLICE).map((b) => ({ key: `${b.setName}/${b.key}`, text: b.text, source: b.setName })), start);
      }
      for (let start = 0; start < count; start += SLICE) {
        const slice = buildSyntheticSet(tests, unrelated, Math.min(SLICE, count - start), 0.1, start);
        await insertSlice(db, setId("synthetic"), slice.map((s) => ({ key: `synthetic/${s.id}`, text: s.text, source: "augmented_math" })), start);
        if ((start / SLICE) % 10 === 0) log(`inserted ${n(start + slice.length)} of ${n(count)} synthesized problems`);
      }
      await db.query(`UPDATE problem_sets s SET problem_count = (SELECT count(*) FROM problems p WHERE p.set_id = s.id)`);
      await db.query("VACUUM ANALYZE problems");
    });
    log(`set up in ${minutes(setup.ms)}`);

    const sampler = new RssSampler();
    log(`baseline 1: retrieval alone of ${n(aloneCount)} problems (same pages, same worker processes, nothing stored)`);
    sampler.start();
    const measured = await timed(() => retrievalOnly("synthetic", "benchmarks", workers, aloneCount));
    // Scaled to the whole set when measured on a part (the index builds then count a little more than once).
    const scale = count / aloneCount;
    const alone = { ...measured, ms: measured.ms * scale, cpu: { self: measured.cpu.self * scale, workers: measured.cpu.workers * scale, postgres: measured.cpu.postgres * scale } };
    sampler.stop();
    const aloneRss = { main: sampler.main, worker: sampler.worker, together: sampler.together, load: sampler.meanLoad() };
    log(`baseline 1: ${minutes(alone.ms)} (${n(alone.value)} pairs)`);

    log("pipeline: the retrieval Task, run by the worker's job handler");
    sampler.start();
    const progress = setInterval(async () => {
      const { rows } = await db.query<{ done: number }>(`SELECT done::int FROM tasks WHERE kind = 'decontam.retrieve' ORDER BY id DESC LIMIT 1`).catch(() => ({ rows: [] as { done: number }[] }));
      if (rows[0]) log(`  ${n(rows[0].done)} of ${n(count)} stored`);
    }, 60_000);
    const run = await timed(() => runRetrievalAsWorker({ problemSet: "synthetic", against: ["benchmarks"] }));
    clearInterval(progress);
    sampler.stop();
    const runRss = { main: sampler.main, worker: sampler.worker, together: sampler.together, load: sampler.meanLoad() };
    const summary = run.value.summary;
    log(`pipeline: ${minutes(run.ms)} (${n(summary.pairs)} pairs; ${summary.exact} exact, ${summary.near} candidates, ${summary.clean} clean)`);

    let again: Awaited<ReturnType<typeof timed<Awaited<ReturnType<typeof runRetrievalAsWorker>>>>> | null = null;
    if (rerun) {
      log("re-run (every pair exists: upserts, judge answers kept)");
      again = await timed(() => runRetrievalAsWorker({ problemSet: "synthetic", against: ["benchmarks"] }));
      log(`re-run: ${minutes(again.ms)}`);
    }

    log("baseline 2: plain COPY of the same candidate rows");
    const copy = await timed(() => plainCopy(db));
    log(`baseline 2: ${minutes(copy.ms)} (${n(copy.value)} rows)`);
    await db.query(`DROP TABLE plain_copy`);
    await db.query("VACUUM ANALYZE contamination_candidates");
    const sizes = (
      await db.query<{ candidates: string; problems: string; database: string; statuses: { status: string; n: number }[] }>(
        `SELECT pg_total_relation_size('contamination_candidates') AS candidates, pg_total_relation_size('problems') AS problems, pg_database_size(current_database()) AS database,
                (SELECT json_agg(x ORDER BY x.status) FROM (SELECT contamination_status::text AS status, count(*)::int AS n FROM problems WHERE set_id = $1 GROUP BY 1) x) AS statuses`,
        [setId("synthetic")],
      )
    ).rows[0];

    const storeShare = run.ms - alone.ms;
    const md = `End to end: ${n(count)} synthesized problems${count < TARGET ? ` (the target is ${n(TARGET)}; see the CPU rows for the extrapolation)` : " (the target size)"} (bench/decontam.ts's mix: 10% disguised test problems, the rest
rewritten MATH/GSM8K train problems) against ${n(benchmark.length)} benchmark problems, through the retrieval Task run by the worker's job
handler (\`runRetrievalAsWorker\` → \`runRetrievalTask\`: ${workers} retrieval worker processes, pages of ${n(RETRIEVAL_CHUNK)} problems stored by COPY into a
staging table + one upsert + one status statement while the next page is retrieved), on an embedded PostgreSQL 18 with the product's
settings (fsync on). Baselines in the same run: retrieval alone (the same pages through the same worker processes, nothing stored) and a
plain COPY of the same ${n(copy.value)} candidate rows into a table with the same columns and indexes. One run of each (a 600,000-problem
run takes minutes); the machine is shared, so each row gives the mean 1-minute load average during it.

| measure | time | vs retrieval alone | load average |
|---|---|---|---|
| baseline 1: retrieval alone, ${workers} worker processes, nothing stored${aloneCount < count ? ` (measured on the first ${n(aloneCount)} problems: ${minutes(measured.ms)}; scaled ×${scale.toFixed(1)})` : ""} | ${minutes(alone.ms)} (${n(count / (alone.ms / 1000))} problems/s) | 1.00× | ${aloneRss.load.toFixed(1)} |
| **retrieval + storing candidates + statuses, the Task (first run)** | **${minutes(run.ms)}** (${n(count / (run.ms / 1000))} problems/s) | **${(run.ms / alone.ms).toFixed(2)}×** | ${runRss.load.toFixed(1)} |
| what storing adds (Task − retrieval alone) | ${minutes(storeShare)} | | |
${again ? `| re-run (every pair exists: upserts, judge answers and decisions kept) | ${minutes(again.ms)} | ${(again.ms / alone.ms).toFixed(2)}× | |\n` : ""}| baseline 2: plain COPY of the same ${n(copy.value)} rows (same columns and indexes, no upsert, no statuses) | ${minutes(copy.ms)} | | |

| | |
|---|---|
| target (issue #21): retrieval + storing at 600,000 x 12,000 | <= 10 min |
| pairs stored | ${n(summary.pairs)} (${(summary.pairs / count).toFixed(2)} per problem) |
| statuses after the run | ${(sizes.statuses ?? []).map((s) => `${s.status} ${n(s.n)}`).join(", ")} |
| CPU used (core-minutes): retrieval alone: workers / this process / PostgreSQL | ${cpuLine(alone.cpu)} |
| CPU used (core-minutes): the Task: workers / this process / PostgreSQL | ${cpuLine(run.cpu)} |
| → the Task on an idle ${workers}-core machine (its CPU ÷ ${workers} cores; a lower bound, and the figure the target is about) | **${minutes(cpuTotal(run.cpu) / workers)}** (retrieval alone: ${minutes(cpuTotal(alone.cpu) / workers)}) |
${count < TARGET ? `| → the same, extrapolated to ${n(TARGET)} problems (×${(TARGET / count).toFixed(1)}; every part is per page) | **${minutes((cpuTotal(run.cpu) * TARGET) / count / workers)}** |\n` : ""}| peak RSS during the Task: this process / each worker process / all together | ${mib(runRss.main)} / ${mib(runRss.worker)} / ${mib(runRss.together)} |
| peak RSS during retrieval alone: this process / each worker / together | ${mib(aloneRss.main)} / ${mib(aloneRss.worker)} / ${mib(aloneRss.together)} |
| disk: contamination_candidates (table + indexes) / problems / whole database | ${gib(Number(sizes.candidates))} / ${gib(Number(sizes.problems))} / ${gib(Number(sizes.database))} |
| setting up (not timed above): generating and inserting the problems | ${minutes(setup.ms)} |

Memory is bounded by what is in flight, not by the set: two pages of ${n(RETRIEVAL_CHUNK)} problems in the workers' hands and one being stored,
plus the benchmark items here and one index per worker.`;
    console.log(md);
    writeBenchmarkSection("decontam-scale", md);
  } finally {
    await throwaway.stop();
  }
}
