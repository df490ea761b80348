// `npm run bench -- grade-bulk [--rows 500000] [--per-problem 23] [--paths update,bulk] [--keep]`
// Issue #21, "the real scale": the background grading of a freshly imported set, on its two paths,
// on the same rows in the same run. The same generated OMI2-style file (bench/grade-export.ts's
// rows: 70% clean and correct, the rest meeting the export filters) is imported twice into new
// sets; one is graded by the UPDATE path (batches of 1,000 updated in place, the aggregate triggers
// firing), the other by the bulk path (grades COPY'd into an unlogged staging table, then the
// set's table rebuilt once and swapped in); both through gradeImport, the grade-import job's own
// code, with two processes. Reported: seconds, Node CPU (this process and the forked grader) and
// PostgreSQL CPU per row, the bulk path's two phases, the disk the rebuild needs, and the ratios.
// A check that both sets ended equal (verdict counts, counters) guards the comparison.
import { loadavg } from "node:os";
import { writeBenchmarkSection } from "@/bench/report";
import { postgresCpuSeconds, selfCpuSeconds } from "@/bench/support/cpu-time";
import { FULL_RELEASE_ROWS, openGradingBench, optionValue } from "@/bench/support/imported-sets";
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import type { GradingPath } from "@/lib/datasets/grading-job/grading-path";
import { pool } from "@/lib/db/pool";
import { createTask } from "@/lib/tasks/task-rows";

interface Run {
  path: GradingPath;
  rows: number;
  seconds: number;
  nodeCpu: number;
  pgCpu: number;
  /** Bulk: seconds staging, then each step of the rebuild (copy, indexes, aggregates, swap). */
  phases: string;
}

const partitionBytes = async (setId: number) =>
  Number((await pool().query<{ n: string }>("SELECT pg_total_relation_size(to_regclass(boxed_samples_partition_name($1))) AS n", [setId])).rows[0].n);

/** What both paths must agree on (the integration test compares every column; this guards the bench). */
const outcome = async (setId: number) =>
  JSON.stringify(
    (
      await pool().query(
        `SELECT (SELECT json_agg(v ORDER BY v) FROM (SELECT verdict::text || ':' || count(*) AS v FROM samples WHERE set_id = $1 GROUP BY verdict) x) AS verdicts,
                (SELECT json_build_array(graded_count, correct_count) FROM problem_sets WHERE id = $1) AS counters,
                (SELECT sum(correct_count) FROM problems WHERE set_id = $1) AS problem_correct,
                (SELECT sum(samples) FILTER (WHERE verdict = 'ungraded') FROM sample_stats WHERE set_id = $1) AS ungraded_stats`,
        [setId],
      )
    ).rows[0],
  );

export async function main(args: string[]): Promise<void> {
  const { throwaway, rows, perProblem, loadAtStart, log, pgdata, bytes, sets: imported } = await openGradingBench("grade-bulk", args, 500_000, ["update-path", "bulk-path"]);
  try {
    const sets = { update: imported[0], bulk: imported[1] };
    const partition = await partitionBytes(sets.bulk.setId);

    const runs: Run[] = [];
    // One path alone (to study it; the section is then not written): --paths bulk.
    const paths = (optionValue(args, "paths") ?? "update,bulk").split(",") as GradingPath[];
    for (const path of paths) {
      await pool().query("CHECKPOINT");
      log(`grading by the ${path} path…`);
      const started = performance.now();
      // When each part of the bulk path began (wall clock, PostgreSQL CPU): staging, then the rebuild's steps.
      const marks: [step: string, at: number, pgCpu: number][] = [["staging", started, postgresCpuSeconds(pgdata)]];
      const [node0, pg0] = [selfCpuSeconds(), marks[0][2]];
      const summary = await gradeImport(sets[path].taskId, await createTask({ kind: "grade-import", label: `bench ${path}` }), {
        path,
        onBuildStep: (step) => {
          if (marks[marks.length - 1][0] !== step) marks.push([step, performance.now(), postgresCpuSeconds(pgdata)]);
        },
      });
      const ended = performance.now();
      const seconds = (ended - started) / 1000;
      const [nodeCpu, pgCpu] = [selfCpuSeconds() - node0, postgresCpuSeconds(pgdata) - pg0];
      const phases =
        path === "bulk"
          ? marks
              .map(([step, at, cpu], i) => {
                const [nextAt, nextCpu] = marks[i + 1] ? [marks[i + 1][1], marks[i + 1][2]] : [ended, pg0 + pgCpu];
                return `${step} ${((nextAt - at) / 1000).toFixed(1)} s (PostgreSQL ${(nextCpu - cpu).toFixed(1)} s CPU)`;
              })
              .join(", ")
          : "";
      runs.push({ path, rows: summary.graded, seconds, nodeCpu, pgCpu, phases });
      log(`${path}: ${summary.graded.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s (Node CPU ${nodeCpu.toFixed(1)} s, PostgreSQL CPU ${pgCpu.toFixed(1)} s) ${phases}`);
    }
    if (runs.length < 2) return;
    const [update, bulk] = runs;
    const same = (await outcome(sets.update.setId)) === (await outcome(sets.bulk.setId));
    if (!same) throw new Error("the two paths ended differently: the comparison is void (see tests/integration/datasets/grading-paths.int.test.ts)");

    const n = (x: number) => Math.round(x).toLocaleString("en-US");
    const us = (cpu: number, r: Run) => ((cpu / r.rows) * 1e6).toFixed(0);
    const release = (r: Run) => `${((FULL_RELEASE_ROWS / r.rows) * r.seconds / 60).toFixed(1)} min`;
    const idle = (r: Run) => `${((((r.nodeCpu + r.pgCpu) / 2 / r.rows) * FULL_RELEASE_ROWS) / 60).toFixed(0)} min`;
    const table = runs
      .map((r) => `| ${r.path} | ${n(r.rows)} | ${r.seconds.toFixed(1)} | ${n(r.rows / r.seconds)} | ${release(r)} | ${idle(r)} | ${us(r.nodeCpu, r)} | ${us(r.pgCpu, r)} | ${r.phases} |`)
      .join("\n");
    const md = `
${n(rows)} generated OMI2-style rows (${(bytes / 2 ** 20).toFixed(0)} MiB, ${perProblem} solutions per problem, 70% clean and correct), imported twice into
new sets and graded by the grade-import job's code (\`gradeImport\`, two processes), one set by each path. Embedded PostgreSQL 18, durable
settings, \`wal_level=minimal\`. 1-minute load average at the start: ${loadAtStart.toFixed(1)} (at the end: ${loadavg()[0].toFixed(1)}); the machine is shared,
so the CPU columns and the ratios are what count. Both sets ended with the same verdicts and counters (checked).

| path | rows | seconds | rows/s | at 13,972,791 rows (linear) | CPU-bound floor on 2 idle cores | Node CPU µs/row | PostgreSQL CPU µs/row | phases |
|---|---|---|---|---|---|---|---|---|
${table}

- Bulk vs UPDATE, same run: ${(update.seconds / bulk.seconds).toFixed(2)} x faster in time; PostgreSQL CPU per row ${(update.pgCpu / bulk.pgCpu).toFixed(2)} x less
  (${us(update.pgCpu, update)} → ${us(bulk.pgCpu, bulk)} µs); Node CPU per row ${us(update.nodeCpu, update)} → ${us(bulk.nodeCpu, bulk)} µs; both together
  ${us(update.nodeCpu + update.pgCpu, update)} → ${us(bulk.nodeCpu + bulk.pgCpu, bulk)} µs (${((update.nodeCpu + update.pgCpu) / (bulk.nodeCpu + bulk.pgCpu)).toFixed(2)} x less). Time follows the CPU the machine's other work leaves.
- Disk: the rebuild holds a second copy of the set's table and indexes until it commits: ${(partition / 2 ** 30).toFixed(2)} GiB here
  (${((partition / rows) * FULL_RELEASE_ROWS / 2 ** 30).toFixed(0)} GiB at the release's size, linear), plus the staging table; it writes no WAL for the copy
  (a table created in the transaction under \`wal_level=minimal\`), where the UPDATE path writes every new row version to the heap, the indexes and the WAL.
`;
    console.log(md);
    writeBenchmarkSection("grade-bulk", md);
  } finally {
    await throwaway.stop({ keep: args.includes("--keep") });
  }
}
