// `boxed export`: writes a training file (and its manifest) from the database, with the recipe's
// filters on by default, streaming with constant memory, with a progress bar.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CliCommand, CliError } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { createProgressBar, formatCount } from "@/lib/cli/progress-bar";
import { withDatabase } from "@/lib/cli/with-database";
import { manifestPathFor } from "@/lib/datasets/export/export-manifest";
import { EXPORT_FORMATS, type ExportFormat, type ExportSettingsInput, NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { exportToFile } from "@/lib/datasets/export/export-to-file";

const usage = `usage: npx boxed export --out FILE [--format ${EXPORT_FORMATS.join("|")}]
                         [--set NAME,...] [--source S,...] [--batch ID,...] [--include-references]
                         [--no-correct-only] [--include-contaminated] [--keep-multi-boxed] [--keep-unboxed]
                         [--max-problem-tokens N|none] [--min-solution-chars N|none]
                         [--max-solution-tokens N|none] [--no-trim] [--no-arithmetic-check]
                         [--no-dedup] [--max-rows N] [--no-filters]
                         [--keep-without-gold] [--drop-near-duplicates] [--python-json]

Writes FILE and FILE.manifest.json (counts per source, what each filter removed and why, the
settings, time). The format defaults to omi2, written as Parquet for a .parquet FILE, else JSONL;
omi2-jsonl and omi2-parquet name the container outright (${EXPORT_FORMATS.join(", ")} are accepted).
Without --set: every seed and synthetic set (benchmark sets only when named).

Generated solutions only (batch outputs, imported OMI2 / NeMo-Skills rows). Reference solutions
(GSM8K answers, MATH solutions that came with a problem file) stay out unless --include-references
(also with --no-filters); the manifest counts the ones left out.

Filters, on by default with the published OpenMathInstruct-2 values:
  correct only (our verdict 'equal'), contaminated/flagged problems excluded, a \\boxed{} answer
  required (--keep-unboxed to keep solutions without one), one \\boxed{} at most,
  problem <= 1024 tokens, solution >= 200 characters and <= 1024 tokens (approximate tokenizer),
  trim after the line holding the boxed answer, simple arithmetic checked, exact duplicates dropped.
--max-rows N: fair downsampling (the k-th solution of every problem before any (k+1)-th).
--no-filters: every row in scope, unchanged (turns all of the above off, --keep-without-gold too).
--keep-without-gold: keep rows whose problem has no gold answer (no label, no vote), written with
  expected_answer null; by default they are left out and counted (never written as "").
--drop-near-duplicates: leave out problems that "keep one per cluster" marked as near-duplicates
  (/decontamination/clusters; off by default), counted in the manifest as near-duplicate.
--python-json: JSONL written as Python's json.dumps writes it (for nemo-sft, the key order of
  NeMo-Skills' prepare_sft_data: expected_answer, input, output), so the file byte-compares with
  a manifest NeMo-Skills built. The manifest notes sources that are not the release's four.`;

function list(text: string | undefined): string[] {
  return text ? text.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

function bound(name: string, text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === "none" || text === "off") return null;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number or "none" (got ${text})`);
  return n;
}

export function exportSettingsFromArgs(args: string[]): { out: string; settings: ExportSettingsInput } {
  const { values } = parseArgs({
    args,
    options: commandOptions(
      ["out", "format", "set", "source", "batch", "max-problem-tokens", "min-solution-chars", "max-solution-tokens", "max-rows"],
      ["no-correct-only", "include-contaminated", "keep-multi-boxed", "keep-unboxed", "include-references", "no-trim", "no-arithmetic-check", "no-dedup", "no-filters", "keep-without-gold", "drop-near-duplicates", "python-json"],
    ),
  });
  if (!values.out) throw new CliError("--out FILE is required");
  const out = resolve(values.out);
  // "omi2" (the import's name for the same rows) picks the container from the file name, as the default does.
  const named = values.format === "omi2" ? undefined : values.format;
  const format = (named ?? (out.endsWith(".parquet") ? "omi2-parquet" : "omi2-jsonl")) as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(", ")} (got ${values.format})`);
  const batches = list(values.batch).map((b) => {
    const n = Number(b);
    if (!Number.isInteger(n) || n <= 0) throw new CliError(`--batch takes batch ids (got ${b})`);
    return n;
  });
  let maxRows: number | null = null;
  if (values["max-rows"] !== undefined) {
    maxRows = Number(values["max-rows"]);
    if (!Number.isInteger(maxRows) || maxRows <= 0) throw new CliError(`--max-rows must be a positive whole number (got ${values["max-rows"]})`);
  }
  const settings: ExportSettingsInput = {
    format,
    sets: list(values.set),
    sources: list(values.source),
    batches,
    ...(values["no-filters"] ? NO_FILTERS : {}),
    // References are their own explicit choice, --no-filters or not.
    includeReferences: values["include-references"],
    ...(values["no-correct-only"] ? { correctOnly: false } : {}),
    ...(values["include-contaminated"] ? { excludeContaminated: false } : {}),
    ...(values["keep-multi-boxed"] ? { dropMultiBoxed: false } : {}),
    ...(values["keep-unboxed"] ? { requireBoxed: false } : {}),
    ...(values["no-trim"] ? { trimAfterBoxed: false } : {}),
    ...(values["no-arithmetic-check"] ? { arithmeticCheck: false } : {}),
    ...(values["no-dedup"] ? { dedup: false } : {}),
    ...(values["keep-without-gold"] ? { dropWithoutGold: false } : {}),
    ...(values["drop-near-duplicates"] ? { dropNearDuplicates: true } : {}),
    ...(values["python-json"] ? { pythonJson: true } : {}),
  };
  const bounds = {
    maxProblemTokens: bound("max-problem-tokens", values["max-problem-tokens"]),
    minSolutionChars: bound("min-solution-chars", values["min-solution-chars"]),
    maxSolutionTokens: bound("max-solution-tokens", values["max-solution-tokens"]),
  };
  for (const [key, value] of Object.entries(bounds)) if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
  if (maxRows !== null) settings.maxRows = maxRows;
  return { out, settings };
}

export const exportCommand: CliCommand = {
  path: ["export"],
  summary: "export a training file (OMI2 JSONL/Parquet, NeMo-Skills SFT, chat messages) with the recipe's filters",
  usage,
  async run(args, io) {
    const { out, settings } = exportSettingsFromArgs(args);
    return withDatabase(io, async () => {
      const bar = createProgressBar(io.stderr, "export", "rows");
      const manifest = await exportToFile(settings, out, { user: null, via: "cli", onProgress: (p) => bar.update(p.scanned, p.total) });
      bar.finish();
      io.stdout.write(`wrote ${formatCount(manifest.rows)} rows (${formatCount(manifest.bytes)} bytes) to ${out}\n`);
      io.stdout.write(`manifest: ${manifestPathFor(out)}\n`);
      io.stdout.write(`  read ${formatCount(manifest.scanned)} rows from ${manifest.sets.map((s) => s.name).join(", ") || "no set"}\n`);
      if (!manifest.references.included) {
        io.stdout.write(`  left out ${formatCount(manifest.references.leftOut)} reference solutions (--include-references to export them)\n`);
      }
      io.stdout.write(`  wrote ${formatCount(manifest.perProvenance.generated)} generated, ${formatCount(manifest.perProvenance.reference)} reference solutions\n`);
      for (const [name, removed] of Object.entries(manifest.removed)) io.stdout.write(`  removed ${formatCount(removed.count)} ${name}: ${removed.why}\n`);
      if (manifest.trimmed) io.stdout.write(`  trimmed ${formatCount(manifest.trimmed)} solutions after their boxed line\n`);
      for (const [source, n] of Object.entries(manifest.perSource)) io.stdout.write(`  ${source}: ${formatCount(n)}\n`);
      if (manifest.sourcesOutsideRelease) io.stdout.write(`  note: ${Object.keys(manifest.sourcesOutsideRelease.rows).join(", ")}: ${manifest.sourcesOutsideRelease.note}\n`);
      return 0;
    });
  },
};
