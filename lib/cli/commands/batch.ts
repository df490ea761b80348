// `boxed batch create|status|list|pause|resume|cancel|retry-failed|export|import`.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { CLI_ACTOR } from "@/lib/audit/actor";
import { type CliCommand, CliError, type CliIo } from "@/lib/cli/command";
import { listCommand } from "@/lib/cli/list-command";
import { commandOptions, flagOptions, valueOptions } from "@/lib/cli/options";
import { printWithDatabase, withDatabase } from "@/lib/cli/with-database";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { BATCH_KINDS } from "@/lib/generation/batches/batch-launch-input";
import { exportBatchRequests, importBatchResults } from "@/lib/generation/batches/batch-api-transfer";
import { type BatchProgress, getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { type BatchControl, controlBatch } from "@/lib/generation/batches/control-batch";
import { listBatches } from "@/lib/generation/batches/find-batches";
import { formatProgressLine } from "@/lib/generation/batches/format-progress";
import { launchBatch } from "@/lib/generation/batches/launch-batch";
import { previewBatch } from "@/lib/generation/batches/plan-requests";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";

function batchId(value: string | undefined): number {
  const id = Number(value);
  if (!value || !Number.isInteger(id) || id <= 0) throw new CliError(`give the batch id (a number), got "${value ?? ""}"; see npx boxed batch list`);
  return id;
}

function numberFlag(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new CliError(`${flag} must be a ${integer ? "whole " : ""}number, got "${value}"`);
  return n;
}

export const batchCreateCommand: CliCommand = {
  path: ["batch", "create"],
  summary: "plan a generation batch and start it on the workers (prints its id)",
  usage: `usage: npx boxed batch create --kind solutions|problems|label|judge --set NAME --endpoint NAME
         [--template NAME] [--n N] [--limit PROBLEMS] [--temperature T] [--top-p P] [--max-tokens M]
         [--seed-base S] [--target-set NAME] [--threshold T] [--embedding-threshold E] [--name NAME]
         [--offline] [--dry-run] [--json]

kinds:  solutions  N solutions per problem with a known answer, graded as they land
        problems   N new problems per seed problem, into --target-set (synthetic; default <set>-augmented)
        label      N solutions per synthetic problem, then the majority answer becomes its label
        judge      the decontamination judge on the synthetic set's close retrieval pairs (score T or more,
                   default ${DEFAULT_FLAG_THRESHOLD}, or embedding cosine E or more, default ${DEFAULT_EMBEDDING_THRESHOLD}; not exact, not yet
                   answered in both orders), in both orders; the same batch as \`decontam judge --background\`:
                   the workers settle the problems' contamination statuses as answers land
Defaults are the recipe's: temperature 1.0, top_p 0.95, max 2048 tokens (judge: 0, 1, 32), seed = seed-base + sample index.
--limit     at most this many problems (the first by id; judge: of those with pairs to ask)
--dry-run   print the number of requests and the token estimate, create nothing
--offline   create the batch paused, for \`batch export\` (OpenAI Batch API) and \`batch import\`
Prints the batch id on stdout (details on stderr), or a JSON object with --json.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: commandOptions(
        ["kind", "set", "endpoint", "template", "n", "limit", "temperature", "top-p", "max-tokens", "seed-base", "target-set", "threshold", "embedding-threshold", "name"],
        ["offline", "dry-run", "json"],
      ),
    });
    if (!values.kind || !(BATCH_KINDS as readonly string[]).includes(values.kind)) throw new CliError(`--kind must be one of ${BATCH_KINDS.join(", ")}`);
    if (!values.set) throw new CliError("--set NAME is required");
    if (!values.endpoint) throw new CliError("--endpoint NAME is required (npx boxed endpoint list)");
    const input = {
      kind: values.kind as (typeof BATCH_KINDS)[number],
      set: values.set,
      endpoint: values.endpoint,
      ...(values.template ? { template: values.template } : {}),
      samplesPerProblem: numberFlag("--n", values.n, true),
      limit: numberFlag("--limit", values.limit, true),
      temperature: numberFlag("--temperature", values.temperature, false),
      topP: numberFlag("--top-p", values["top-p"], false),
      maxTokens: numberFlag("--max-tokens", values["max-tokens"], true),
      seedBase: numberFlag("--seed-base", values["seed-base"], true),
      threshold: numberFlag("--threshold", values.threshold, false),
      embeddingThreshold: numberFlag("--embedding-threshold", values["embedding-threshold"], false),
      ...(values["target-set"] ? { targetSet: values["target-set"] } : {}),
      ...(values.name ? { name: values.name } : {}),
    };
    return withDatabase(io, async () => {
      if (values["dry-run"]) {
        const preview = await previewBatch(await resolveBatchPlan(input));
        io.stdout.write(values.json ? `${JSON.stringify(preview)}\n` : `${preview.requests.toLocaleString("en-US")} requests for ${preview.problems.toLocaleString("en-US")} problems; ~${preview.promptTokensEstimate.toLocaleString("en-US")} prompt tokens, at most ${preview.completionTokensUpperBound.toLocaleString("en-US")} completion tokens\n(${preview.method})\n`);
        return 0;
      }
      const created = await launchBatch(input, CLI_ACTOR, { offline: values.offline });
      if (values.json) io.stdout.write(`${JSON.stringify(created)}\n`);
      else {
        io.stdout.write(`${created.id}\n`);
        io.stderr.write(`created batch ${created.id} "${created.name}": ${created.requestCount.toLocaleString("en-US")} requests for ${created.problemCount.toLocaleString("en-US")} problems${values.offline ? " (paused for an offline run)" : "; workers pick it up"}. Watch: npx boxed batch status ${created.id} --watch\n`);
      }
      return 0;
    });
  },
};

const TERMINAL = new Set(["completed", "cancelled", "failed"]);

async function watch(io: CliIo, id: number): Promise<BatchProgress> {
  let previous: { at: number; done: number } | null = null;
  let rate = 0;
  for (;;) {
    const progress = await getBatchProgress(id);
    if (!progress) throw new CliError(`batch ${id} was not found`);
    const now = Date.now();
    const settled = progress.doneCount + progress.failedCount;
    if (previous && now > previous.at) {
      const instant = ((settled - previous.done) * 1000) / (now - previous.at);
      rate = rate === 0 ? instant : 0.7 * rate + 0.3 * instant;
    } else rate = progress.ratePerSecond;
    previous = { at: now, done: settled };
    const line = formatProgressLine(progress, rate);
    io.stdout.write(io.stdout.isTTY ? `\r\x1b[2K${line}` : `${line}\n`);
    if (TERMINAL.has(progress.state) || progress.state === "paused") {
      if (io.stdout.isTTY) io.stdout.write("\n");
      return progress;
    }
    await new Promise((resolve) => setTimeout(resolve, io.stdout.isTTY ? 1000 : 5000));
  }
}

export const batchStatusCommand: CliCommand = {
  path: ["batch", "status"],
  summary: "show a batch's progress (done, failed, pending, rate, ETA); --watch follows it",
  usage: "usage: npx boxed batch status ID [--json] [--watch]",
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: flagOptions("json", "watch") });
    const id = batchId(positionals[0]);
    return withDatabase(io, async () => {
      if (values.watch && !values.json) {
        const final = await watch(io, id);
        for (const error of final.errors) io.stdout.write(`  ${error.kind}: ${error.count} attempts failed (${error.failedForGood} for good); latest: ${error.message}\n`);
        return final.state === "completed" ? 0 : 1;
      }
      const progress = await getBatchProgress(id);
      if (!progress) throw new CliError(`batch ${id} was not found`);
      if (values.json) io.stdout.write(`${JSON.stringify(progress, null, 2)}\n`);
      else {
        io.stdout.write(`${progress.name}\n${formatProgressLine(progress)}\n`);
        if (progress.pausedReason) io.stdout.write(`  paused: ${progress.pausedReason}\n`);
        if (progress.latencyP50Ms !== null) io.stdout.write(`  latency p50 ${progress.latencyP50Ms} ms · p95 ${progress.latencyP95Ms} ms (latest ${Math.min(200, progress.doneCount)} requests)\n`);
        for (const error of progress.errors) io.stdout.write(`  ${error.kind}: ${error.count} attempts failed (${error.failedForGood} for good); latest: ${error.message}\n`);
      }
      return 0;
    });
  },
};

export const batchListCommand = listCommand({
  path: ["batch", "list"],
  summary: "list batches, newest first",
  usage: "usage: npx boxed batch list [--json] [--limit N]",
  stringFlags: ["limit"],
  load: async (flags) => (await listBatches({ limit: numberFlag("--limit", flags.limit as string | undefined, true) ?? 50 })).items,
  empty: "no batches yet: npx boxed batch create --help",
  line: (b) => `${String(b.id).padEnd(5)}${b.state.padEnd(10)}${b.kind.padEnd(10)}${`${b.doneCount}/${b.requestCount}`.padEnd(16)}${b.failedCount ? `${b.failedCount} failed  ` : ""}${b.name}`,
});

function controlCommand(control: BatchControl, summary: string): CliCommand {
  return {
    path: ["batch", control],
    summary,
    usage: `usage: npx boxed batch ${control} ID`,
    async run(args, io) {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      const id = batchId(positionals[0]);
      return printWithDatabase(io, async () => {
        const result = await controlBatch(id, control, CLI_ACTOR);
        return [result.message];
      });
    },
  };
}

export const batchPauseCommand = controlCommand("pause", "pause a batch (workers stop claiming; in-flight requests finish)");
export const batchResumeCommand = controlCommand("resume", "resume a paused batch");
export const batchCancelCommand = controlCommand("cancel", "cancel a batch (pending requests are cancelled)");
export const batchRetryFailedCommand = controlCommand("retry-failed", "queue a batch's failed requests again");

export const batchExportCommand: CliCommand = {
  path: ["batch", "export"],
  summary: "write a paused batch's pending requests as an OpenAI Batch API input file (JSONL)",
  usage: "usage: npx boxed batch export ID --out FILE.jsonl\n\ncustom_id is the request id; import the output file with `npx boxed batch import ID FILE`.",
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: valueOptions("out") });
    const id = batchId(positionals[0]);
    if (!values.out) throw new CliError("--out FILE is required");
    const out = values.out;
    return printWithDatabase(io, async () => {
      const file = createWriteStream(out);
      const count = await exportBatchRequests(
        id,
        async (text) => {
          if (!file.write(text)) await once(file, "drain");
        },
        CLI_ACTOR,
      );
      file.end();
      await once(file, "finish");
      return [`wrote ${count.toLocaleString("en-US")} requests to ${out}`];
    });
  },
};

export const batchImportCommand: CliCommand = {
  path: ["batch", "import"],
  summary: "read an OpenAI Batch API output file back into its batch (all lines or none)",
  usage: "usage: npx boxed batch import ID FILE.jsonl",
  async run(args, io) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const id = batchId(positionals[0]);
    const path = positionals[1];
    if (!path) throw new CliError("give the output file to import");
    return printWithDatabase(io, async () => {
      const report = await importBatchResults(id, path, CLI_ACTOR);
      return [`${report.lines} lines: ${report.stored} stored, ${report.failed} failed for good, ${report.retryLater} to retry, ${report.skipped} already stored`];
    });
  },
};
