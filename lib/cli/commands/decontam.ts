// `boxed decontam retrieve|judge|report|clusters`: the decontamination pipeline from the terminal
// (docs/decontamination.md). Retrieval and the judge run in this process with a progress bar,
// through the same Task and batch machinery the studio uses; the report prints or writes the
// funnel counts.
import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { type CliCommand, CliError, type CliIo } from "@/lib/cli/command";
import { commandOptions, valueOptions } from "@/lib/cli/options";
import { createProgressBar, formatCount } from "@/lib/cli/progress-bar";
import { withDatabase } from "@/lib/cli/with-database";
import { pool } from "@/lib/db/pool";
import { startJudgeBatch } from "@/lib/decontamination/pipeline/create-judge-batch";
import { launchJudgeBatch } from "@/lib/decontamination/pipeline/launch-judge-batch";
import { runRetrievalHere } from "@/lib/decontamination/pipeline/retrieval-task";
import { DEFAULT_EMBEDDING_THRESHOLD, type RetrievalLine } from "@/lib/decontamination/pipeline/run-retrieval";
import { settleJudgeBatchStep } from "@/lib/decontamination/pipeline/settle-judge-batch";
import { clusterProblemSet } from "@/lib/decontamination/diversity/cluster-set";
import { DEFAULT_DUPLICATE_JACCARD, keepOnePerCluster } from "@/lib/decontamination/diversity/near-duplicates";
import { buildDecontamReport } from "@/lib/decontamination/report/build-decontam-report";
import { reportToMarkdown } from "@/lib/decontamination/report/decontam-report";
import { DEFAULT_FLAG_THRESHOLD, DEFAULT_TOP_K } from "@/lib/decontamination/retrieve";
import { BatchRunner } from "@/lib/generation/worker/batch-runner";

function number(name: string, text: string | undefined, fallback: number, check: (n: number) => boolean, rule: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || !check(n)) throw new CliError(`--${name} must be ${rule} (got ${text})`);
  return n;
}

const unit = (n: number) => n >= 0 && n <= 1;

const retrieveUsage = `usage: npx boxed decontam retrieve --problems SET --against SET[,SET...] [--top-k K] [--out FILE]
                                  [--threshold T] [--embeddings ENDPOINT] [--embedding-threshold E] [--force]

For every problem of the set SET (any set: synthesized, a seed set such as GSM8K train, or another
benchmark; never one of the --against sets): the top-K (default ${DEFAULT_TOP_K}) most similar problems of
the benchmark sets, stored as candidates with their score and evidence. An exact match (after
trim + lowercase + whitespace) flags the problem at once, without a judge; a pair scoring T or more
(default ${DEFAULT_FLAG_THRESHOLD}) makes the problem a candidate for the LLM judge; the others become clean.
--out FILE writes JSONL, one line per problem:
  {"problem": KEY, "candidates": [{"benchmark": SET, "key": KEY, "score": S}, ...]} (score order).
--embeddings ENDPOINT adds the cosine of an embeddings endpoint (purpose "embeddings") beside the
lexical score; pairs with cosine E or more (default ${DEFAULT_EMBEDDING_THRESHOLD}) are candidates too.
Incremental: when SET was retrieved before against the same sets with the same settings (and the
benchmark sets did not change), only the problems added since are retrieved (and written to --out);
--force retrieves every problem again.`;

export const decontamRetrieveCommand: CliCommand = {
  path: ["decontam", "retrieve"],
  summary: "find each problem's nearest benchmark problems (stage 1 of decontamination)",
  usage: retrieveUsage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["problems", "against", "top-k", "out", "threshold", "embeddings", "embedding-threshold"], ["force"]) });
    if (!values.problems) throw new CliError("--problems SET is required (the set to check: synthesized, seed or benchmark)");
    const against = (values.against ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    if (against.length === 0) throw new CliError("--against SET[,SET...] is required (the benchmark sets)");
    const topK = number("top-k", values["top-k"], DEFAULT_TOP_K, (n) => Number.isInteger(n) && n >= 1 && n <= 100, "a whole number from 1 to 100");
    const threshold = number("threshold", values.threshold, DEFAULT_FLAG_THRESHOLD, unit, "a number from 0 to 1");
    const embeddingThreshold = number("embedding-threshold", values["embedding-threshold"], DEFAULT_EMBEDDING_THRESHOLD, (n) => n >= -1 && n <= 1, "a number from -1 to 1");
    const outPath = values.out ? resolve(values.out) : null;
    return withDatabase(io, async () => {
      const out = outPath ? createWriteStream(outPath) : null;
      const outFailed = out ? once(out, "error").then(([e]) => e as Error) : null;
      const bar = createProgressBar(io.stderr, "retrieve", "problems");
      let writeError: Error | null = null;
      outFailed?.then((e) => {
        writeError = e;
      });
      try {
        const { taskId, summary } = await runRetrievalHere(
          { problemSet: values.problems as string, against, topK, threshold, embeddingEndpoint: values.embeddings ?? null, embeddingThreshold, ...(values.force ? { force: true } : {}) },
          null,
          {
            log: (line) => io.stderr.write(`${line}\n`),
            onProgress: (p) => bar.update(p.done, p.total),
            onLine: out ? (line: RetrievalLine) => void out.write(`${JSON.stringify(line)}\n`) : undefined,
            shouldStop: async () => writeError !== null,
          },
        );
        bar.finish();
        if (out) {
          out.end();
          await Promise.race([once(out, "finish"), outFailed]);
        }
        if (writeError) throw new CliError(`cannot write ${outPath}: ${(writeError as Error).message}`);
        io.stdout.write(`task #${taskId}: ${formatCount(summary.checked)} problems of "${summary.problemSet}" checked against ${summary.against.join(", ")} (${formatCount(summary.indexSize)} benchmark problems) in ${summary.seconds.toFixed(1)} s\n`);
        if (summary.continuedFrom) {
          io.stdout.write(`  retrieved now (added since task #${summary.continuedFrom.taskId})  ${formatCount(summary.retrieved)}; --force retrieves every problem again\n`);
        }
        io.stdout.write(`  flagged (exact match, no judge)   ${formatCount(summary.exact)}\n`);
        io.stdout.write(`  candidates (score >= ${summary.threshold})     ${formatCount(summary.near)}\n`);
        io.stdout.write(`  clean                             ${formatCount(summary.clean)}\n`);
        if (summary.kept) io.stdout.write(`  left as a person decided          ${formatCount(summary.kept)}\n`);
        io.stdout.write(`  pairs stored                      ${formatCount(summary.pairs)}\n`);
        if (outPath) io.stdout.write(`wrote ${outPath}\n`);
        if (summary.near > 0) io.stdout.write(`next: npx boxed decontam judge --problems ${summary.problemSet} --endpoint NAME\n`);
        return 0;
      } finally {
        if (out && !out.closed) out.destroy();
      }
    });
  },
};

const judgeUsage = `usage: npx boxed decontam judge --problems SET --endpoint NAME [--threshold T] [--template NAME] [--background]

Asks the LLM judge about every retrieval pair of the synthetic set SET scoring T or more (default
${DEFAULT_FLAG_THRESHOLD}), in both orders, with the judge template (default "contamination-judge", the recipe's
question; edit it on the Templates page). Exact matches are not asked (already flagged); pairs
already answered True/False in both orders are not asked again. Any "True" flags the problem; a
reply that is not a bare True/False, an error or a timeout makes it "judge failed" (for a person,
never clean). Runs the batch here with a progress bar; --background leaves it to the workers
(npm start, or npx boxed worker).`;

async function watchBatch(io: CliIo, batchId: number): Promise<string> {
  const bar = createProgressBar(io.stderr, "judge", "requests");
  const read = async () => {
    const { rows } = await pool().query<{ state: string; done: number; failed: number; total: number }>(
      `SELECT state::text, done_count AS done, failed_count AS failed, request_count AS total FROM generation_batches WHERE id = $1`,
      [batchId],
    );
    return rows[0];
  };
  const timer = setInterval(() => {
    read()
      .then((b) => b && bar.update(b.done + b.failed, b.total))
      .catch(() => {});
  }, 500);
  try {
    for (;;) {
      const runner = new BatchRunner(batchId, {}, (line) => io.stderr.write(`\n${line}\n`));
      const outcome = await runner.run();
      if (outcome.reason !== "slice-over") {
        bar.finish();
        if (outcome.reason === "not-runnable") throw new CliError(`batch ${batchId} cannot run: ${outcome.message ?? outcome.state}`);
        return (await read())?.state ?? outcome.state;
      }
    }
  } finally {
    clearInterval(timer);
  }
}

export const decontamJudgeCommand: CliCommand = {
  path: ["decontam", "judge"],
  summary: "ask the LLM judge about the close retrieval pairs, in both orders (stage 2 of decontamination)",
  usage: judgeUsage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["problems", "endpoint", "threshold", "template"], ["background"]) });
    if (!values.problems) throw new CliError("--problems SET is required (the synthetic set)");
    if (!values.endpoint) throw new CliError("--endpoint NAME is required (a generation endpoint, chat API)");
    const threshold = number("threshold", values.threshold, DEFAULT_FLAG_THRESHOLD, unit, "a number from 0 to 1");
    return withDatabase(io, async () => {
      const batch = await launchJudgeBatch(
        { problemSet: values.problems as string, endpoint: values.endpoint as string, threshold, ...(values.template ? { template: values.template } : {}) },
        CLI_ACTOR,
        { startWorkers: false },
      );
      io.stdout.write(`batch #${batch.batchId} "${batch.name}": ${formatCount(batch.pairs)} pairs of ${formatCount(batch.problems)} problems, ${formatCount(batch.requests)} requests (both orders)\n`);
      if (values.background) {
        await startJudgeBatch(batch.batchId);
        io.stdout.write(`queued: the workers run it (npm start, or npx boxed worker); statuses follow as answers land\n`);
        return 0;
      }
      const state = await watchBatch(io, batch.batchId);
      const settled = await settleJudgeBatchStep(batch.batchId);
      const { rows } = await pool().query<{ stats: { judge?: { true: number; false: number; failed: number } } }>(`SELECT stats FROM generation_batches WHERE id = $1`, [batch.batchId]);
      const judge = rows[0]?.stats?.judge ?? { true: 0, false: 0, failed: 0 };
      io.stdout.write(`batch #${batch.batchId} ${state}: answers True ${formatCount(judge.true)}, False ${formatCount(judge.false)}, failed ${formatCount(judge.failed)}\n`);
      io.stdout.write(`  problems flagged ${formatCount(settled.flagged)}, judge failed ${formatCount(settled.judgeFailed)} (to people: /decontamination/review)\n`);
      return state === "completed" ? 0 : 1;
    });
  },
};

const reportUsage = `usage: npx boxed decontam report [--json|--md] [--out FILE] [--threshold T]

Per benchmark set: problems checked, candidates, judged, judge failures, flagged, confirmed by a
person, cleared. Markdown by default (also for FILE ending in .md); --json for JSON.`;

export const decontamReportCommand: CliCommand = {
  path: ["decontam", "report"],
  summary: "print or write the decontamination funnel per benchmark set (JSON or Markdown)",
  usage: reportUsage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: commandOptions(["out", "threshold"], ["json", "md"]) });
    if (values.json && values.md) throw new CliError("choose one of --json and --md");
    const threshold = number("threshold", values.threshold, DEFAULT_FLAG_THRESHOLD, unit, "a number from 0 to 1");
    const json = values.json || (!values.md && values.out?.endsWith(".json"));
    return withDatabase(io, async () => {
      const report = await buildDecontamReport({ threshold, embeddingThreshold: DEFAULT_EMBEDDING_THRESHOLD });
      const text = json ? `${JSON.stringify(report, null, 2)}\n` : reportToMarkdown(report);
      if (values.out) {
        const path = resolve(values.out);
        await writeFile(path, text).catch((e: Error) => {
          throw new CliError(`cannot write ${path}: ${e.message}`);
        });
        io.stdout.write(`wrote ${path}\n`);
      } else io.stdout.write(text);
      return 0;
    });
  },
};

const clustersUsage = `usage: npx boxed decontam clusters --problems SET [--kept SET[,SET...]] [--similarity J] [--out FILE]

Question diversity: clusters of near-duplicate problems in the synthetic set SET (the same problem
with other names or numbers, verbatim copies across seeds), the number of distinct problems per
seed, and which problem to keep per cluster (the earliest). --kept SETS: sets already kept; their
problems count first, so copies of them in SET are found (an incremental check of a new batch).
--similarity J: estimated Jaccard of the masked skeletons at or above which two problems are the
same (default ${DEFAULT_DUPLICATE_JACCARD}). --out FILE writes JSONL, one line per problem of SET:
  {"problem": KEY, "cluster": KEY OF ITS KEPT PROBLEM, "size": N, "keep": true|false}`;

export const decontamClustersCommand: CliCommand = {
  path: ["decontam", "clusters"],
  summary: "cluster near-duplicate synthesized problems and say which one to keep per cluster",
  usage: clustersUsage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: valueOptions("problems", "kept", "similarity", "out") });
    if (!values.problems) throw new CliError("--problems SET is required");
    const threshold = number("similarity", values.similarity, DEFAULT_DUPLICATE_JACCARD, (n) => n > 0 && n <= 1, "a number above 0 and at most 1");
    const kept = values.kept ? values.kept.split(",").map((s) => s.trim()).filter(Boolean) : [];
    return withDatabase(io, async () => {
      const started = performance.now();
      const { result, keys, sets } = await clusterProblemSet(values.problems!, { threshold, kept });
      const seconds = (performance.now() - started) / 1000;
      const { keep } = keepOnePerCluster(result);
      const keepSet = new Set(keep);
      // The checked set's problems come last (after any --kept sets).
      const inTarget = sets.map((s) => s === values.problems || s === sets[sets.length - 1]);
      const targetCount = inTarget.filter(Boolean).length;
      let targetKept = 0;
      for (let i = 0; i < result.problems; i++) if (inTarget[i] && result.representative[i] === i) targetKept++;
      const sizes = new Map<number, number>();
      for (let i = 0; i < result.problems; i++) if (result.representative[i] === i && result.clusterSize[i] > 1) sizes.set(i, result.clusterSize[i]);
      const largest = [...sizes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
      const seeds = [...result.perSeed.entries()].filter(([seed]) => seed >= 0);
      io.stdout.write(
        [
          `${formatCount(targetCount)} problems in ${values.problems}${kept.length ? ` (checked after ${formatCount(result.problems - targetCount)} already kept)` : ""}: ${formatCount(targetKept)} to keep, ${formatCount(targetCount - targetKept)} near-duplicates (${seconds.toFixed(1)} s)`,
          ...(largest.length ? ["largest clusters:", ...largest.map(([i, n]) => `  ${n}  ${keys[i]}`)] : ["no near-duplicates"]),
          ...(seeds.length ? [`seeds: ${formatCount(seeds.length)}, distinct problems per seed: mean ${(seeds.reduce((a, [, s]) => a + s.distinct, 0) / seeds.length).toFixed(2)} of ${(seeds.reduce((a, [, s]) => a + s.problems, 0) / seeds.length).toFixed(2)}`] : []),
          "",
        ].join("\n"),
      );
      if (values.out) {
        const path = resolve(values.out);
        const out = createWriteStream(path);
        const failed = once(out, "error").then(([e]) => {
          throw new CliError(`cannot write ${path}: ${(e as Error).message}`);
        });
        for (let i = 0; i < result.problems; i++) {
          if (!inTarget[i]) continue;
          const line = { problem: keys[i], cluster: keys[result.representative[i]], size: result.clusterSize[i], keep: keepSet.has(result.ids[i]) };
          if (!out.write(`${JSON.stringify(line)}\n`)) await Promise.race([once(out, "drain"), failed]);
        }
        out.end();
        await Promise.race([once(out, "finish"), failed]);
        io.stdout.write(`wrote ${path}\n`);
      }
      return 0;
    });
  },
};
