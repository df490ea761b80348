// `npm run bench -- io [--rows 1000000] [--per-problem 23] [--keep]`
// Import and export throughput at OpenMathInstruct-2 scale, against plain COPY in the same run,
// on a throwaway embedded PostgreSQL (durable settings, like a user's).
//
// Data: a generated OMI2-style JSONL file with realistic lengths (problems ~300 characters,
// solutions ~1,200, LaTeX with backslashes and newlines) and the release's shape: 23 solutions
// per problem (14M solutions over ~600K problems), consecutive rows of one problem.
// Import: `boxed import`'s own path (Task row, one transaction, problems through INSERT ... ON
//   CONFLICT, solutions by COPY) into a new set, which is how a release is loaded: the set's own
//   table is COPY'd FREEZE, indexed once and attached before COMMIT. Then the set's search index,
//   built afterwards as the background job does; and, for comparison, an import into an existing
//   set (rows through `samples`, every index kept up row by row).
//   Baseline: the same file read and JSON-parsed the same way, COPY'd into a bare 4-column table
//   with no index, key or constraint. A second reference, the fastest plain load we know: binary
//   COPY FREEZE into a bare table created in the same transaction (what the import does for its
//   own table, without the problems, the keys and the indexes).
// Export: `boxed export --no-filters` to OMI2 JSONL (the COPY fast path: PostgreSQL renders the
//   lines), the same forced through the Node streaming path, and with the recipe filters
//   (correct-only off, since grading is not part of this benchmark), next to `COPY bare_table TO
//   STDOUT` into a file and a plain COPY of the samples-problems join.
// Memory: each measured step runs in its own child process (after an untimed CHECKPOINT, so no
//   step pays for the writes the previous one left behind); RSS is sampled every 50 ms. Import
//   runs at rows/4 and rows, to show memory stays flat as the file grows.
import { once } from "node:events";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { writeBenchmarkSection } from "@/bench/report";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { NO_FILTERS } from "@/lib/datasets/export/export-settings";
import type { CopyColumn } from "@/lib/datasets/import/copy-binary";
import { CopyWriter } from "@/lib/datasets/import/copy-writer";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { measureChildStep, ranAsChild, runChildStep, type StepResult } from "@/bench/support/child-step";
import { createMigratedDatabase, startThrowawayCluster } from "@/bench/support/throwaway-cluster";
import { pool } from "@/lib/db/pool";
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { createRng } from "@/lib/decontamination/eval/prng";

const FULL_RELEASE_ROWS = 13_972_791;

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

const WORDS =
  "the a of and to in is that for number total each more than less sum product find what how many value given if then let integer real positive square root triangle circle area perimeter probability ratio percent price cost apples students pages minutes hours".split(
    " ",
  );

function sentence(random: () => number, chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const r = random();
    const a = Math.floor(random() * 90 + 10);
    const b = Math.floor(random() * 90);
    // Right sums, so the recipe's arithmetic filter keeps the rows as it would real ones.
    const piece =
      r < 0.12 ? `$${a} + ${b} = ${a + b}$` : r < 0.18 ? `\\frac{${Math.floor(random() * 9 + 1)}}{${Math.floor(random() * 9 + 2)}}` : WORDS[Math.floor(random() * WORDS.length)];
    parts.push(piece);
    length += piece.length + 1;
  }
  return parts.join(" ");
}

/** How a generated solution ends, after its body: by default the boxed gold answer. */
export type SolutionEnding = (answer: number, random: () => number) => string;

/** `rows` OMI2 rows: problems (~300 chars) with `perProblem` solutions (~1,200 chars) each. */
export async function writeOmi2File(path: string, rows: number, perProblem = 4, ending: SolutionEnding = (answer) => `The answer is $\\boxed{${answer}}$.`): Promise<number> {
  const random = createRng(rows);
  const out = createWriteStream(path);
  let buffer = "";
  for (let i = 0; i < rows; i += perProblem) {
    const index = i / perProblem;
    const problem = `Problem ${index}: ${sentence(random, 280)}?`;
    const answer = Math.floor(random() * 1000);
    for (let k = 0; k < perProblem && i + k < rows; k++) {
      const solution = `${sentence(random, 500)}\n\\[\n${sentence(random, 60)}\n\\]\n${sentence(random, 560)}\n${ending(answer, random)}`;
      buffer += `${JSON.stringify({ problem, generated_solution: solution, expected_answer: String(answer), problem_source: index % 2 === 0 ? "augmented_math" : "augmented_gsm8k" })}\n`;
    }
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  return statSync(path).size;
}

// ---------------------------------------------------------------------------------------------
// Child steps (one per process, so RSS belongs to the step alone)
// ---------------------------------------------------------------------------------------------

/** COPY's default text format, as a hand-written loader would send it: four escapes per value. */
function textLine(values: readonly string[]): string {
  const field = (v: string) => v.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll("\t", "\\t").replaceAll("\r", "\\r");
  return `${values.map(field).join("\t")}\n`;
}

/**
 * The baseline: the file read and JSON-parsed like an import, COPY'd (default text format) into a
 * bare 4-column table. `fastest`: what we know makes a bulk load fastest, all of which the new-set
 * import uses: the table created in the COPY's transaction and loaded FREEZE (no WAL under
 * wal_level=minimal), rows in the binary format (no escapes, no parsing on the server).
 */
const BARE_COLUMNS: CopyColumn[] = ["problem", "generated_solution", "expected_answer", "problem_source"].map((name) => ({ name, type: "text" }));

export async function baselineImport(file: string, databaseUrl = process.env.DATABASE_URL, { fastest = false } = {}): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS bare_omi2");
  if (fastest) await client.query("BEGIN");
  // Autovacuum off for this throwaway table: after a 1.5 GB COPY it would vacuum the table (every
  // page, hint bits and freezing) during the import measured next, which is not the import's cost.
  await client.query("CREATE TABLE bare_omi2 (problem text, generated_solution text, expected_answer text, problem_source text) WITH (autovacuum_enabled = off)");
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  const rowsOf = async function* () {
    for await (const line of lines) {
      if (!line) continue;
      const r = JSON.parse(line);
      yield [r.problem, r.generated_solution, r.expected_answer, r.problem_source] as string[];
    }
  };
  let rows = 0;
  if (fastest) {
    // The import's own writer, into a table of its transaction.
    const copy = new CopyWriter(client, { table: "bare_omi2", columns: BARE_COLUMNS, freeze: true });
    for await (const values of rowsOf()) {
      const full = copy.write(values);
      if (full) await full;
    }
    rows = await copy.end();
    await client.query("COMMIT");
  } else {
    const stream = client.query(copyFrom("COPY bare_omi2 FROM STDIN"));
    const done = once(stream, "finish");
    let parts: string[] = [];
    let size = 0;
    for await (const values of rowsOf()) {
      const text = textLine(values);
      parts.push(text);
      size += text.length;
      rows++;
      if (size > 1 << 18) {
        if (!stream.write(Buffer.from(parts.join("")))) await once(stream, "drain");
        parts = [];
        size = 0;
      }
    }
    stream.end(Buffer.from(parts.join("")));
    await done;
  }
  await client.end();
  return rows;
}

async function baselineExport(out: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const source = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  const sink = createWriteStream(out);
  source.pipe(sink);
  await once(sink, "finish");
  const { rows } = await client.query("SELECT count(*)::int AS n FROM bare_omi2");
  await client.end();
  return rows[0].n;
}

async function childStep(step: string, params: string[]): Promise<void> {
  const measure = measureChildStep();
  const started = performance.now();
  let rows = 0;
  let detail: string | undefined;
  if (step === "import") {
    const [file, set] = params;
    const payload = { paths: [file], setName: set, role: "synthetic" as const, via: "cli" as const };
    const taskId = await createImportTask(payload, null, statSync(file).size, "running");
    const summary = await runImportTask(taskId, { queueGrading: false });
    if (!summary.ok) throw new Error(summary.errors[0]?.message);
    rows = summary.rows;
    detail = `${summary.problemsInserted} problems, ${summary.solutionsInserted} solutions, ${summary.loadPath}, search index ${summary.searchIndex}`;
  } else if (step === "search-index") {
    const { rows: found } = await pool().query<{ id: number; n: number }>("SELECT id, sample_count AS n FROM problem_sets WHERE name = $1", [params[0]]);
    await buildSearchIndex(found[0].id);
    rows = found[0].n;
  } else if (step === "baseline-import" || step === "baseline-import-fastest") {
    rows = await baselineImport(params[0], process.env.DATABASE_URL, { fastest: step === "baseline-import-fastest" });
  } else if (step === "export" || step === "export-general" || step === "export-filters") {
    const [out, set] = params;
    const filters = step === "export-filters" ? { correctOnly: false } : NO_FILTERS;
    const manifest = await exportToFile({ format: "omi2-jsonl", sets: [set], ...filters }, out, { user: null, via: "cli", path: step === "export-general" ? "general" : "auto" });
    rows = step === "export-filters" ? manifest.scanned : manifest.rows;
    detail = `${manifest.rows} rows written, ${manifest.path} path`;
  } else if (step === "baseline-export") {
    rows = await baselineExport(params[0], "SELECT * FROM bare_omi2");
  } else if (step === "baseline-export-join") {
    rows = await baselineExport(
      params[0],
      `SELECT p.text, s.text, p.gold_answer, p.source FROM samples s JOIN problems p ON p.id = s.problem_id
        WHERE s.set_id = (SELECT id FROM problem_sets WHERE name = '${params[1]}') ORDER BY s.problem_id, s.id`,
    );
  }
  await measure.finish(rows, (performance.now() - started) / 1000, detail);
}

const runChild = (databaseUrl: string, step: string, params: string[]) => runChildStep("io", databaseUrl, step, params);

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export async function main(args: string[]): Promise<void> {
  if (await ranAsChild(args, childStep)) return;
  const rows = Number(arg(args, "rows") ?? 1_000_000);
  const perProblem = Number(arg(args, "per-problem") ?? 23);
  // Shared machines: the figures mean little when other work competes for the cores.
  const loadAtStart = loadavg()[0];
  const small = Math.max(perProblem, Math.round(rows / 4 / perProblem) * perProblem);
  const log = (line: string) => console.log(`[io] ${line}`);
  const throwaway = await startThrowawayCluster("io");
  const { home } = throwaway;
  try {
    const url = await createMigratedDatabase(throwaway.cluster);
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    const { rows: indexCount } = await setup.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_index WHERE indrelid = 'samples'::regclass");
    // An existing set (its table made, empty and fully indexed, when the set was created).
    await setup.query("INSERT INTO problem_sets (name, role) VALUES ('bench-existing', 'synthetic')");
    await setup.end();

    log(`generating ${small.toLocaleString("en-US")} and ${rows.toLocaleString("en-US")} OMI2 rows, ${perProblem} per problem`);
    const smallFile = join(home, "small.jsonl");
    const bigFile = join(home, "big.jsonl");
    const smallBytes = await writeOmi2File(smallFile, small, perProblem);
    const bigBytes = await writeOmi2File(bigFile, rows, perProblem);
    log(`files: ${(smallBytes / 2 ** 20).toFixed(0)} MiB and ${(bigBytes / 2 ** 20).toFixed(0)} MiB`);

    const results: Record<string, StepResult> = {};
    const run = async (name: string, step: string, params: string[], databaseUrl = url) => {
      // Untimed, before every step: what the previous step left for the checkpointer (a plain
      // COPY writes its 1.5 GB through the WAL) is written now, not during the step measured next.
      const checkpoint = new pg.Client({ connectionString: databaseUrl });
      await checkpoint.connect();
      await checkpoint.query("CHECKPOINT");
      await checkpoint.end();
      log(`${name}…`);
      results[name] = await runChild(databaseUrl, step, params);
      const r = results[name];
      log(`${name}: ${r.rows.toLocaleString("en-US")} rows in ${r.seconds.toFixed(1)} s = ${Math.round(r.rows / r.seconds).toLocaleString("en-US")} rows/s, peak RSS ${r.peakRssMiB.toFixed(0)} MiB${r.detail ? ` (${r.detail})` : ""}`);
    };
    const n = (x: number) => x.toLocaleString("en-US");
    const importName = `import ${n(rows)} rows into a new set`;
    const smallName = `import ${n(small)} rows into a new set`;
    const searchName = `search index of that set, built afterwards (the background job; rows = solutions)`;
    const existingName = `import ${n(small)} rows into an existing set (every index kept up row by row)`;
    // The headline ratio is the median of three rounds, baseline and import alternating (these
    // shared 2-core machines swing by 20% between minutes); the table shows the first round.
    const rounds: { copy: number; copyFrozen: number; load: number }[] = [];
    const copyName = "baseline import (COPY into a bare table)";
    const frozenName = "fastest plain load (binary COPY FREEZE into a bare table created in the same transaction)";
    for (let round = 1; round <= 3; round++) {
      const suffix = round === 1 ? "" : ` (round ${round})`;
      await run(`${copyName}${suffix}`, "baseline-import", [bigFile]);
      await run(`${frozenName}${suffix}`, "baseline-import-fastest", [bigFile]);
      await run(`${importName}${suffix}`, "import", [bigFile, round === 1 ? "bench-big" : `bench-big-${round}`]);
      rounds.push({ copy: results[`${copyName}${suffix}`].seconds, copyFrozen: results[`${frozenName}${suffix}`].seconds, load: results[`${importName}${suffix}`].seconds });
    }
    await run(smallName, "import", [smallFile, "bench-small"]);
    await run(searchName, "search-index", ["bench-big"]);
    await run(existingName, "import", [smallFile, "bench-existing"]);
    await run("baseline export (COPY bare table TO file)", "baseline-export", [join(home, "bare-out.tsv")]);
    await run("COPY (join of samples and problems) TO file", "baseline-export-join", [join(home, "join-out.tsv"), "bench-big"]);
    await run("export, no filters", "export", [join(home, "out.jsonl"), "bench-big"]);
    await run("export, no filters, forced through the Node streaming path", "export-general", [join(home, "out-general.jsonl"), "bench-big"]);
    await run("export, recipe filters (correct-only off)", "export-filters", [join(home, "out-filtered.jsonl"), "bench-big"]);

    const rate = (name: string) => results[name].rows / results[name].seconds;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ratios = rounds.map((r) => r.copy / r.load);
    const importRate = rows / median(rounds.map((r) => r.load));
    const copyRate = rows / median(rounds.map((r) => r.copy));
    const importRatio = median(ratios);
    const frozenRatios = rounds.map((r) => r.copyFrozen / r.load);
    const frozenRate = rows / median(rounds.map((r) => r.copyFrozen));
    const exportRate = rate("export, no filters");
    const copyToRate = rate("baseline export (COPY bare table TO file)");
    const existingRate = rate(existingName);
    const searchSeconds = results[searchName].seconds;
    const minutes = (r: number) => `${(FULL_RELEASE_ROWS / r / 60).toFixed(1)} min`;
    const table = Object.entries(results)
      .map(([name, r]) => `| ${name} | ${n(r.rows)} | ${r.seconds.toFixed(1)} | ${n(Math.round(r.rows / r.seconds))} | ${r.peakRssMiB.toFixed(0)} |`)
      .join("\n");
    const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
    const md = `
Generated OMI2-style JSONL: ${n(rows)} rows (${(bigBytes / 2 ** 20).toFixed(0)} MiB; problems ~300 characters, solutions ~1,200, ${perProblem} per
problem as in the release), and ${n(small)} rows for the memory comparison. Embedded PostgreSQL 18 with durable settings (fsync on, wal_level=minimal as npm start runs it).
Each step runs in its own process after an untimed CHECKPOINT; peak RSS is that process's, sampled every 50 ms.
1-minute load average at the start: ${loadAtStart.toFixed(1)} (at the end: ${loadavg()[0].toFixed(1)}).

| step | rows | seconds | rows/s | peak RSS (MiB) |
|---|---|---|---|---|
${table}

- Import into a new set (how a release is loaded), median of 3 rounds: ${n(Math.round(importRate))} rows/s, ${importRatio.toFixed(2)} x plain COPY into a bare table
  in the same round (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}; COPY itself ${n(Math.round(copyRate))} rows/s)
  (target >= 50,000 rows/s: ${verdict(importRate >= 50_000)}; >= 0.5 x COPY: ${verdict(importRatio >= 0.5)}). At COMMIT the rows have their primary and
  unique keys, checked references, all ${indexCount[0].n} indexes of \`samples\` (filters and sorts of the browser) and the insight aggregates.
  Against the fastest plain load we know of the same rows (binary COPY FREEZE into a table created in the same transaction, which writes no WAL
  under the embedded database's wal_level=minimal: all of it what the import does for its own table; ${n(Math.round(frozenRate))} rows/s): ${median(frozenRatios).toFixed(2)} x
  (rounds: ${frozenRatios.map((r) => r.toFixed(2)).join(", ")}).
- The set's substring-search index (trigram GIN over the solution text) is built after the import, in the background once grading ends:
  ${searchSeconds.toFixed(1)} s here, ${(searchSeconds / results[importName].seconds).toFixed(2)} x the import itself. Import and index together:
  ${n(Math.round(rows / (results[importName].seconds + searchSeconds)))} rows/s (${(rows / (results[importName].seconds + searchSeconds) / copyRate).toFixed(2)} x COPY).
- Into an existing set, rows go through \`samples\` with every index, the trigram GIN among them, kept up row by row: ${n(Math.round(existingRate))} rows/s
  (${(existingRate / copyRate).toFixed(2)} x COPY; the new-set load is ${(importRate / existingRate).toFixed(1)} x faster, ${(rows / (results[importName].seconds + searchSeconds) / existingRate).toFixed(1)} x with its search index).
- Export: ${n(Math.round(exportRate))} rows/s = ${(exportRate / copyToRate).toFixed(2)} x plain COPY TO (target >= 100,000 rows/s: ${verdict(exportRate >= 100_000)}; >= 0.5 x COPY TO: ${verdict(exportRate / copyToRate >= 0.5)}),
  ${(exportRate / rate("COPY (join of samples and problems) TO file")).toFixed(2)} x a plain COPY of the samples-problems join (the least any export has to read). Through the Node
  streaming path: ${n(Math.round(rate("export, no filters, forced through the Node streaming path")))} rows/s (${(rate("export, no filters, forced through the Node streaming path") / copyToRate).toFixed(2)} x COPY TO). With the recipe filters, ${n(Math.round(rate("export, recipe filters (correct-only off)")))} rows/s
  scanned (${results["export, recipe filters (correct-only off)"].detail}); the approximate token count of solutions not yet graded dominates it.
- Memory: import peak RSS ${results[smallName].peakRssMiB.toFixed(0)} MiB at ${n(small)} rows and ${results[importName].peakRssMiB.toFixed(0)} MiB at ${n(rows)} rows (file ${(bigBytes / smallBytes).toFixed(1)} x larger).
- Extrapolated to the full release (${n(FULL_RELEASE_ROWS)} rows, linear: the load streams in batches and every index is built in one sorted pass):
  import into a new set about ${minutes(importRate)}, then its search index about ${(((searchSeconds / rows) * FULL_RELEASE_ROWS) / 60).toFixed(1)} min in the background;
  export (no filters) about ${minutes(exportRate)}, export with the recipe filters about ${minutes(rate("export, recipe filters (correct-only off)"))}.
  Grading is a separate background job and is not included.
`;
    console.log(md);
    writeBenchmarkSection("io", md);
  } finally {
    await throwaway.stop({ keep: args.includes("--keep") });
  }
}
