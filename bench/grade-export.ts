// `npm run bench -- grade-export [--rows 1000000] [--per-problem 23] [--keep]`
// Issue #21 at 1M rows: the background grading of a whole imported set (the grade-import job's
// own code: verdicts plus the export filter inputs, two processes), then the export with the
// default recipe filters, which decides every filter in SQL from those inputs.
//
// Data: OMI2-style rows as `bench -- io` makes them (problems ~300 characters, solutions ~1,200,
// LaTeX, 23 per problem), with the share of rows each filter meets in a real release: wrong
// answers, talk after the boxed answer (trimmed), a wrong computation, two boxes, no box.
// Baselines in the same run, on a second copy of the same rows:
//   grading: a plain UPDATE of the same rows writing the same columns with constant values, in
//     the same batches by id and transactions (the database's share of grading, with none of the
//     checking);
//   export: `COPY (samples JOIN problems) TO file` and the export with no filters; and the
//     default export of rows without stored inputs (decided row by row in Node: the way every
//     row was decided before issue #21).
// Each step runs in this process after an untimed CHECKPOINT; the grading job forks its second
// process itself.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { loadavg } from "node:os";
import { join } from "node:path";
import { to as copyTo } from "pg-copy-streams";
import { writeBenchmarkSection } from "@/bench/report";
import { postgresCpuSeconds, selfCpuSeconds } from "@/bench/support/cpu-time";
import { FULL_RELEASE_ROWS, openGradingBench } from "@/bench/support/imported-sets";
import { NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { createTask } from "@/lib/tasks/task-rows";
import { pool } from "@/lib/db/pool";

interface Step {
  name: string;
  rows: number;
  seconds: number;
  detail: string;
  /** CPU seconds of this process (and the grading job's forked one) and of PostgreSQL. */
  nodeCpu: number;
  pgCpu: number;
}

/** The database's share of grading: the same columns written in the same batches, values constant. */
async function plainUpdate(setId: number): Promise<number> {
  let after = 0;
  let total = 0;
  for (;;) {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL synchronous_commit = off");
      const { rows } = await client.query<{ id: number }>(
        "SELECT id FROM samples WHERE set_id = $1 AND verdict = 'ungraded' AND id > $2 ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED",
        [setId, after],
      );
      if (rows.length === 0) {
        await client.query("COMMIT");
        return total;
      }
      const ids = rows.map((r) => r.id);
      await client.query(
        `UPDATE samples SET verdict = 'equal', verdict_rule = 'numeric', verdict_reason = 'equal as numbers', extracted_answer = '1', answer_key = '1',
                token_count = 300, graded_at = now(), boxed_count = 1, trimmed_chars = NULL, trimmed_length = 1200, trimmed_tokens = 300,
                problem_tokens = 80, arithmetic_error = NULL
          FROM unnest($1::int[]) AS g(id) WHERE samples.set_id = $2 AND samples.id = g.id`,
        [ids, setId],
      );
      await client.query("UPDATE problem_sets SET graded_count = graded_count + $2 WHERE id = $1", [setId, ids.length]);
      await client.query("COMMIT");
      after = ids[ids.length - 1];
      total += ids.length;
    } finally {
      client.release();
    }
  }
}

async function copyJoin(out: string, setId: number): Promise<number> {
  const client = await pool().connect();
  try {
    const source = client.query(
      copyTo(`COPY (SELECT p.text, s.text, p.gold_answer, p.source FROM samples s JOIN problems p ON p.id = s.problem_id WHERE s.set_id = ${setId} ORDER BY s.problem_id, s.id) TO STDOUT`),
    );
    const sink = createWriteStream(out);
    source.pipe(sink);
    await once(sink, "finish");
    return Number((await client.query("SELECT sample_count FROM problem_sets WHERE id = $1", [setId])).rows[0].sample_count);
  } finally {
    client.release();
  }
}

export async function main(args: string[]): Promise<void> {
  const { throwaway, rows, perProblem, loadAtStart, log, pgdata, bytes, sets } = await openGradingBench("grade-export", args, 1_000_000, ["graded", "baseline"]);
  const { home } = throwaway;
  const steps: Step[] = [];
  try {
    const gradedTask = sets[0].taskId;
    const setIds = Object.fromEntries((await pool().query<{ id: number; name: string }>("SELECT id, name FROM problem_sets")).rows.map((r) => [r.name, r.id]));

    const step = async (name: string, run: () => Promise<{ rows: number; detail?: string }>) => {
      await pool().query("CHECKPOINT");
      log(`${name}…`);
      const started = performance.now();
      const [node0, pg0] = [selfCpuSeconds(), postgresCpuSeconds(pgdata)];
      const result = await run();
      const seconds = (performance.now() - started) / 1000;
      const [nodeCpu, pgCpu] = [selfCpuSeconds() - node0, postgresCpuSeconds(pgdata) - pg0];
      steps.push({ name, rows: result.rows, seconds, detail: result.detail ?? "", nodeCpu, pgCpu });
      log(`${name}: ${result.rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s = ${Math.round(result.rows / seconds).toLocaleString("en-US")} rows/s ${result.detail ?? ""}`);
    };
    const exportStep = (name: string, set: string, settings: object, path: "auto" | "general" = "auto") =>
      step(name, async () => {
        const m = await exportToFile({ format: "omi2-jsonl", sets: [set], ...settings }, join(home, `${name.replaceAll(/\W+/g, "-")}.jsonl`), { user: null, via: "cli", path });
        return { rows: m.scanned, detail: `(${m.rows.toLocaleString("en-US")} rows written, ${m.path} path)` };
      });

    await step("baseline: plain UPDATE of the same rows, same columns, same batches", async () => ({ rows: await plainUpdate(setIds.baseline) }));
    await step("grading job (grade-import: verdicts + export filter inputs, 2 processes)", async () => {
      const summary = await gradeImport(gradedTask, await createTask({ kind: "grade-import", label: "bench" }));
      return { rows: summary.graded, detail: `(${summary.equal.toLocaleString("en-US")} equal)` };
    });
    await step("baseline: COPY (samples JOIN problems) TO file", async () => ({ rows: await copyJoin(join(home, "join.tsv"), setIds.graded) }));
    await exportStep("export, no filters", "graded", NO_FILTERS);
    await exportStep("export, default recipe filters", "graded", {});
    await exportStep("export, default recipe filters, forced through the Node streaming path", "graded", {}, "general");
    // Half the rows (one of the two sources): deciding every row in Node is slow.
    await exportStep("export, default recipe filters, rows without stored inputs (decided row by row, as before)", "baseline", { sources: ["augmented_math"] });

    const by = (prefix: string) => steps.find((s) => s.name.startsWith(prefix)) as Step;
    const rate = (s: Step) => s.rows / s.seconds;
    const minutes = (s: Step) => `${(FULL_RELEASE_ROWS / rate(s) / 60).toFixed(1)} min`;
    const n = (x: number) => Math.round(x).toLocaleString("en-US");
    const update = by("baseline: plain UPDATE");
    const grading = by("grading job");
    const join_ = by("baseline: COPY");
    const unfiltered = by("export, no filters");
    const filtered = by("export, default recipe filters");
    const old = by("export, default recipe filters, rows without");
    const us = (cpu: number, s: Step) => ((cpu / s.rows) * 1e6).toFixed(0);
    const table = steps
      .map((s) => `| ${s.name} | ${n(s.rows)} | ${s.seconds.toFixed(1)} | ${n(rate(s))} | ${minutes(s)} | ${us(s.nodeCpu, s)} | ${us(s.pgCpu, s)} | ${s.detail} |`)
      .join("\n");
    // On two otherwise idle cores a step takes at least its CPU (Node's and PostgreSQL's) over two.
    const idleMinutes = (s: Step) => (((s.nodeCpu + s.pgCpu) / 2 / s.rows) * FULL_RELEASE_ROWS) / 60;
    const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
    const md = `
${n(rows)} generated OMI2-style rows (${(bytes / 2 ** 20).toFixed(0)} MiB, ${perProblem} solutions per problem, 70% clean and correct, the rest
meeting the filters), imported twice into new sets. Embedded PostgreSQL 18, durable settings. 1-minute load average at the start:
${loadAtStart.toFixed(1)} (at the end: ${loadavg()[0].toFixed(1)}); the machine is shared, so ratios are what count.

| step | rows | seconds | rows/s | at 13,972,791 rows | Node CPU µs/row | PostgreSQL CPU µs/row | |
|---|---|---|---|---|---|---|---|
${table}

- Grading every row (the background job, the filter inputs included): ${n(rate(grading))} rows/s, ${(update.seconds / grading.seconds).toFixed(2)} x the plain UPDATE of the same
  rows (${n(rate(update))} rows/s); at the release's size ${minutes(grading)} (target <= 30 min: ${verdict(FULL_RELEASE_ROWS / rate(grading) <= 1800)}).
  In CPU, which the machine's load does not change: grading costs ${us(grading.nodeCpu, grading)} µs of Node and ${us(grading.pgCpu, grading)} µs of PostgreSQL per row; the plain UPDATE
  alone ${us(update.pgCpu, update)} µs of PostgreSQL. On two otherwise idle cores the grading of the release would take at least
  ${idleMinutes(grading).toFixed(0)} min (its CPU over two cores), of which the database's writing ${((update.pgCpu / update.rows) * FULL_RELEASE_ROWS / 2 / 60).toFixed(0)} min at best.
- Export with the default recipe filters: ${n(rate(filtered))} rows/s scanned (${filtered.detail.replace(/[()]/g, "")}), ${(rate(filtered) / rate(unfiltered)).toFixed(2)} x the export with no filters
  and ${(rate(filtered) / rate(join_)).toFixed(2)} x a plain COPY of the samples-problems join; at the release's size ${minutes(filtered)} (target <= 8 min: ${verdict(FULL_RELEASE_ROWS / rate(filtered) <= 480)}).
  The same rows decided row by row in Node (no stored inputs, as every row was before): ${n(rate(old))} rows/s, so storing the inputs at grading makes the default export
  ${(rate(filtered) / rate(old)).toFixed(1)} x faster.
- Export with no filters: ${n(rate(unfiltered))} rows/s (${(rate(unfiltered) / rate(join_)).toFixed(2)} x the plain COPY of the join).
`;
    console.log(md);
    writeBenchmarkSection("grade-export", md);
  } finally {
    await throwaway.stop({ keep: args.includes("--keep") });
  }
}
