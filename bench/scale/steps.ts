// The measured steps of `bench -- scale` that run inside a child process of their own (so the peak
// memory reported is the step's alone), each through the product's own entry point: the import
// as `boxed import` runs it, the exports as `boxed export` writes them, retrieval as its job runs
// it. Each prints one RESULT line the parent reads.
import { once } from "node:events";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { runRetrievalAsWorker } from "@/lib/decontamination/pipeline/retrieval-task";
import { closePool } from "@/lib/db/pool";
import { disconnectPrisma } from "@/lib/db/prisma";
import { cpuSeconds, peakRssMiB } from "@/bench/scale/process-stats";

export interface ChildResult {
  rows: number;
  seconds: number;
  peakRssMiB: number;
  /** CPU seconds of the step's process (its threads and the children it waited for). */
  cpuSeconds?: number;
  /** CPU seconds of the PostgreSQL cluster during the step (the parent measures it). */
  postgresCpuSeconds?: number;
  detail?: string;
  /** Ids the later steps need (the import's tasks). */
  ids?: Record<string, number>;
}

type Step = (params: string[]) => Promise<Omit<ChildResult, "seconds" | "peakRssMiB" | "cpuSeconds">>;

const client = async () => {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  return c;
};

/** COPY a CSV file (written by DuckDB from the release) into a bare 4-column table: the baseline. */
const baselineImport: Step = async ([csv]) => {
  const db = await client();
  try {
    await db.query("DROP TABLE IF EXISTS bare_release");
    await db.query("CREATE TABLE bare_release (problem text, generated_solution text, expected_answer text, problem_source text) WITH (autovacuum_enabled = off)");
    const sink = db.query(copyFrom("COPY bare_release FROM STDIN (FORMAT csv)"));
    createReadStream(csv, { highWaterMark: 1 << 20 }).pipe(sink);
    await once(sink, "finish");
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM bare_release");
    return { rows: rows[0].n };
  } finally {
    await db.end();
  }
};

const importRelease: Step = async ([file, setName]) => {
  const payload = { paths: [file], setName, role: "synthetic" as const, via: "cli" as const };
  const taskId = await createImportTask(payload, null, statSync(file).size, "running");
  // As a user's import: its grading is queued (and the search index after it); the worker the
  // next step starts takes them.
  const summary = await runImportTask(taskId);
  if (!summary.ok) throw new Error(summary.errors[0]?.message ?? "the import failed");
  return {
    rows: summary.rows,
    detail: `${summary.problemsInserted.toLocaleString("en-US")} problems, ${summary.solutionsInserted.toLocaleString("en-US")} solutions, ${summary.loadPath}`,
    ids: {
      importTask: taskId,
      gradingTask: summary.grading?.taskId ?? 0,
      searchIndexTask: summary.searchIndexTaskId ?? 0,
      set: summary.set?.id ?? 0,
    },
  };
};

const exportRelease = (filtered: boolean): Step => async ([out, setName]) => {
  const settings = filtered ? { format: "omi2-jsonl" as const, sets: [setName] } : { format: "omi2-jsonl" as const, sets: [setName], ...NO_FILTERS };
  const manifest = await exportToFile(settings, out, { user: null, via: "cli" });
  return { rows: manifest.scanned ?? manifest.rows, detail: `${manifest.rows.toLocaleString("en-US")} rows written (${manifest.path} path), ${(statSync(out).size / 2 ** 30).toFixed(1)} GiB` };
};

/** The least any export reads and writes: the samples-problems join, COPY'd by PostgreSQL to a file.
 * In no order: ordered as a whole, 14M wide rows are sorted on disk (another copy of the data in
 * temporary files), which the export avoids by reading problem pages through the index. */
const baselineExport: Step = async ([out, setId]) => {
  const db = await client();
  try {
    // The problems' hash in memory: with the default 4 MB it is split into batches, and so is every
    // solution row, written to temporary files on the way (another ~20 GB at 14M).
    await db.query("SET work_mem = '1GB'");
    const source = db.query(
      copyTo(`COPY (SELECT p.text, s.text, p.gold_answer, p.source FROM samples s JOIN problems p ON p.id = s.problem_id WHERE s.set_id = ${Number(setId)}) TO STDOUT`),
    );
    const sink = createWriteStream(out, { highWaterMark: 8 << 20 });
    source.pipe(sink);
    await once(sink, "finish");
    return { rows: Number((source as unknown as { rowCount: number }).rowCount ?? 0), detail: `${(statSync(out).size / 2 ** 30).toFixed(1)} GiB` };
  } finally {
    await db.end();
  }
};

/** The set's search index, as the background job builds it (its Task row shows the progress). */
const searchIndex: Step = async ([setId, taskId, rows]) => {
  const outcome = await buildSearchIndex(Number(setId), Number(taskId) ? { taskId: Number(taskId) } : {});
  return { rows: Number(rows), detail: outcome };
};

const retrieval: Step = async ([problemSet, benchmarkSet]) => {
  // The job's own handler, as the worker runs it for a studio start; forced, so a second run of
  // this step retrieves every problem again instead of only the new ones.
  const { summary } = await runRetrievalAsWorker({ problemSet, against: [benchmarkSet], force: true });
  return {
    rows: summary.checked,
    detail: `${summary.pairs.toLocaleString("en-US")} candidate pairs stored (${summary.exact.toLocaleString("en-US")} exact, ${summary.near.toLocaleString("en-US")} near) against ${summary.indexSize.toLocaleString("en-US")} benchmark problems`,
  };
};

export const CHILD_STEPS: Record<string, Step> = {
  "baseline-import": baselineImport,
  import: importRelease,
  export: exportRelease(false),
  "export-filtered": exportRelease(true),
  "baseline-export": baselineExport,
  retrieval,
  "search-index": searchIndex,
};

export async function runChildStep(name: string, params: string[]): Promise<void> {
  const step = CHILD_STEPS[name];
  if (!step) throw new Error(`bench scale: no child step "${name}"`);
  const started = performance.now();
  const result = await step(params);
  const seconds = (performance.now() - started) / 1000;
  await disconnectPrisma();
  await closePool();
  const out: ChildResult = { ...result, seconds, peakRssMiB: peakRssMiB() ?? 0, cpuSeconds: cpuSeconds() };
  process.stdout.write(`\nRESULT ${JSON.stringify(out)}\n`, () => {
    // The import's enqueue started a pg-boss client, whose timers would keep the process alive.
    process.exit(0);
  });
}
