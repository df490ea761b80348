// `boxed grade`: checks JSONL pairs {"gold", "pred", "config"?} and writes one verdict line per
// input line, in order. Streams line by line (constant memory in input size), never aborts on a
// bad line, and prints a summary on stderr.
import { createReadStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { CliCommand, CliIo } from "@/lib/cli/command";
import { CliError } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { checkAnswer } from "@/lib/grading/check";
import type { CheckOptions } from "@/lib/grading/check";
import { CheckConfigSchema, checkOptionsFromConfig } from "@/lib/grading/check-options-from-config";

const usage = `usage: boxed grade [--in FILE] [--strict] [--tolerance X] [--no-percent-rule] [--time-budget MS]

Reads JSONL lines {"gold": ..., "pred": ..., "config": {...}?} from FILE (or stdin) and writes one
JSONL verdict per line to stdout, in order:
  {"line": N, "equal": true|false|null, "rule": ..., "reason": ..., "gold_norm": ..., "pred_norm": ...}
"equal": null means undecided (timeout or parse failure; the reason says which). gold and pred may
be strings or numbers; pred may be a bare answer, a formula with or without $...$, or a whole
solution. A malformed line yields {"line": N, "error": "line N: ..."} and the run goes on.
Blank lines are skipped. A summary goes to stderr. Exit code 0, or 1 when some line was malformed.

options:
  --in FILE            read FILE instead of stdin
  --strict             formatting-only normalisation (keep units, "x =" prefixes)
  --tolerance X        relative tolerance for numbers (default 1e-4)
  --no-percent-rule    "10%" equals 10 only, not 0.1
  --time-budget MS     budget per check in milliseconds (default 250)
Per-line "config" overrides these (our option names, or Math-Verify's match_types/precision).`;

const answerField = z.union([z.string(), z.number()], { error: "must be a string or a number" });

const LineSchema = z.object({
  gold: answerField,
  pred: answerField,
  config: CheckConfigSchema.optional(),
});

export const gradeCommand: CliCommand = {
  path: ["grade"],
  summary: "check predicted answers against gold answers (JSONL in, JSONL verdicts out)",
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const base = parseOptions(args);
    if (base === "help") {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const { input, options } = base;
    const started = performance.now();
    const counts = { equal: 0, notEqual: 0, undecided: 0, errors: 0 };
    const source = input ? createReadStream(input, { encoding: "utf8" }) : io.stdin;
    if (input) {
      await new Promise<void>((resolve, reject) => {
        (source as NodeJS.ReadableStream).once("open", () => resolve());
        (source as NodeJS.ReadableStream).once("error", (e: Error) => reject(new CliError(`grade: cannot read ${input}: ${e.message}`)));
      });
    }
    const lines = createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const raw of lines) {
      lineNumber++;
      if (raw.trim() === "") continue;
      const out = gradeLine(raw, lineNumber, options);
      if ("error" in out) counts.errors++;
      else if (out.equal === true) counts.equal++;
      else if (out.equal === false) counts.notEqual++;
      else counts.undecided++;
      // Respect back-pressure so a slow consumer never makes us buffer the whole output.
      if (!io.stdout.write(`${JSON.stringify(out)}\n`)) await once(io.stdout, "drain");
    }
    const total = counts.equal + counts.notEqual + counts.undecided + counts.errors;
    const seconds = (performance.now() - started) / 1000;
    io.stderr.write(
      `grade: ${total} lines in ${seconds.toFixed(2)} s: ${counts.equal} equal, ${counts.notEqual} not equal, ${counts.undecided} undecided, ${counts.errors} malformed\n`,
    );
    return counts.errors > 0 ? 1 : 0;
  },
};

type GradeOutput =
  | { line: number; equal: boolean | null; rule: string; reason: string; gold_norm: string; pred_norm: string }
  | { line: number; error: string };

export function gradeLine(raw: string, lineNumber: number, base: CheckOptions): GradeOutput {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { line: lineNumber, error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` };
  }
  const parsed = LineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join(".")}"` : "the line";
    return { line: lineNumber, error: `line ${lineNumber}: ${where}: ${issue?.message ?? "invalid"} (expected {"gold": string|number, "pred": string|number, "config"?: object})` };
  }
  const { gold, pred, config } = parsed.data;
  const verdict = checkAnswer(gold, pred, checkOptionsFromConfig(config, base));
  return {
    line: lineNumber,
    equal: verdict.outcome === "equal" ? true : verdict.outcome === "not-equal" ? false : null,
    rule: verdict.rule,
    reason: verdict.reason,
    gold_norm: verdict.goldNormalized,
    pred_norm: verdict.predictedNormalized,
  };
}

function parseOptions(args: string[]): { input: string | undefined; options: CheckOptions } | "help" {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(args).values;
  } catch (error) {
    throw new CliError(`grade: ${(error as Error).message}; see boxed grade --help`, 2);
  }
  if (values.help) return "help";
  const options: CheckOptions = {};
  if (values.strict) options.strict = true;
  if (values["no-percent-rule"]) options.percentRule = false;
  if (values.tolerance !== undefined) options.relativeTolerance = positiveNumber(values.tolerance, "--tolerance");
  if (values["time-budget"] !== undefined) options.timeBudgetMs = positiveNumber(values["time-budget"], "--time-budget");
  return { input: values.in, options };
}

function parse(args: string[]) {
  const options = { ...commandOptions(["in", "tolerance", "time-budget"], ["strict", "no-percent-rule"]), help: { type: "boolean", short: "h" } } as const;
  return parseArgs({ args, allowPositionals: false, options });
}

function positiveNumber(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`grade: ${flag} must be a positive number, got "${text}"`, 2);
  return n;
}
