// `boxed import`: loads dataset files into a problem set, one transaction per file (a bad row
// anywhere leaves the database as it was), with a progress bar; grading is queued as a
// background job unless --grade-now grades here.
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type CliCommand, CliError, type CliIo } from "@/lib/cli/command";
import { commandOptions } from "@/lib/cli/options";
import { createProgressBar, formatCount } from "@/lib/cli/progress-bar";
import { withDatabase } from "@/lib/cli/with-database";
import { DATASET_FORMATS, type DatasetFormat, datasetFormatFromName } from "@/lib/datasets/formats/dataset-format";
import { groupNemoRuns, isNemoOutputName, nemoRunKey } from "@/lib/datasets/formats/nemo-skills-file-name";
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { isSetRole } from "@/lib/datasets/import/ensure-problem-set";
import { INLINE_SEARCH_INDEX_MAX } from "@/lib/datasets/import/samples-partition";
import { buildSearchIndex } from "@/lib/datasets/search-index/build-search-index";
import { nemoSkillsSummaryLines } from "@/lib/datasets/import/nemo-skills-summary-lines";
import { parseImportMapping } from "@/lib/datasets/import/parse-import-mapping";
import type { ImportSummary } from "@/lib/datasets/import/import-summary";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";
import { createTask } from "@/lib/tasks/task-rows";
import { readTaskStatus } from "@/lib/tasks/task-status";

const usage = `usage: npx boxed import --set NAME --role seed|benchmark|synthetic [--format F]
                         [--mapping problem=col,answer=col,solution=col,id=col,source=col]
                         [--source S] [--full-generation] [--id-field COLUMN] [--grade-now] FILE...

Imports each FILE into the problem set NAME (created with the role when missing; an existing set
must have that role). Formats (detected unless --format): ${DATASET_FORMATS.join(", ")}
(omi2-jsonl and omi2-parquet, the export's names, are accepted for omi2). Each row keeps its own id
as its key: the --id-field column (every row must have it), else id, unique_id or problem_id,
else "<file>:<line>".
NeMo-Skills outputs (output-rs<seed>.jsonl, output-rs<seed>_chunk_<k>.jsonl) are grouped into runs:
the files of one folder (and one chunk) are read together in lockstep, each run is its own import.
Other files are imported one by one, each in ONE transaction: a file imports completely or not at all.

--source S         problem_source for rows that name none (default: the set name); the release uses
                   gsm8k, math, augmented_gsm8k, augmented_math. With augmented_*, NeMo-Skills lines
                   not voted on yet carry their seed problem's expected_answer, which is not taken.
--full-generation  NeMo-Skills reasoning outputs: import _full_generation (thinking included)
                   instead of generation. Lines whose thinking never finished are skipped either way.
Problems already in the set (same normalised text) are reported as duplicates, not inserted
twice; their solutions attach to the stored problem.

Into a new set, solutions load into the set's own table, which is indexed after the load and
attached before the import commits (the fast path for a large release such as OpenMathInstruct-2);
into an existing set, they go through the indexes row by row. Over ${INLINE_SEARCH_INDEX_MAX.toLocaleString("en-US")} solutions into a new set,
the substring-search index of its solutions is built in the background after grading.

Solutions are graded by a background job (run \`npm start\` or \`npx boxed worker\`);
--grade-now grades them here instead, after the import (and then builds a deferred search index here too).`;

/** Files of one NeMo-Skills run (one folder, one chunk) go together; any other file is its own import. */
export function groupImportFiles(files: string[], format: DatasetFormat | undefined): string[][] {
  if (format === "nemo-skills") return groupNemoRuns(files);
  if (format) return files.map((f) => [f]);
  const runs = new Map(groupNemoRuns(files.filter((f) => isNemoOutputName(f))).map((run) => [nemoRunKey(run[0] as string), run]));
  const groups: string[][] = [];
  // Each run where its first file was named, other files one by one, in the order given.
  for (const file of files) {
    if (!isNemoOutputName(file)) groups.push([file]);
    else {
      const key = nemoRunKey(file);
      const run = runs.get(key);
      if (run) groups.push(run);
      runs.delete(key);
    }
  }
  return groups;
}

export function checkImportSource(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const trimmed = source.trim();
  if (trimmed === "" || trimmed.length > 200 || [...trimmed].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    throw new CliError(`--source must be a name of 1-200 printable characters (got ${JSON.stringify(source)})`);
  }
  return trimmed;
}

function printSummary(io: CliIo, summary: ImportSummary): void {
  const out = (line: string) => io.stdout.write(`${line}\n`);
  const names = summary.files.join(", ");
  if (!summary.ok) {
    io.stderr.write(`import of ${names} refused: nothing was imported.\n`);
    for (const error of summary.errors.slice(0, 20)) io.stderr.write(`  ${error.message}\n`);
    if (summary.errors.length > 20 || summary.errorsTruncated) io.stderr.write(`  … and more (run again after fixing these)\n`);
    return;
  }
  out(`imported ${names} (${summary.format}) into ${summary.set?.role} set "${summary.set?.name}"${summary.set?.created ? " (new)" : ""}`);
  out(`  rows read            ${formatCount(summary.rows)}`);
  out(`  problems inserted    ${formatCount(summary.problemsInserted)}`);
  out(`  duplicates           ${formatCount(summary.duplicates)}${summary.duplicatesWithOtherAnswer ? ` (${formatCount(summary.duplicatesWithOtherAnswer)} with another gold answer)` : ""}`);
  out(`  rejected             ${formatCount(summary.rejected)}`);
  out(`  solutions inserted   ${formatCount(summary.solutionsInserted)}${summary.solutionsOnDuplicates ? ` (${formatCount(summary.solutionsOnDuplicates)} attached to existing problems)` : ""}`);
  if (summary.solutionsWithFileVerdict) out(`  with file verdicts   ${formatCount(summary.solutionsWithFileVerdict)}`);
  if (summary.problemsWithoutGold) out(`  without gold answer  ${formatCount(summary.problemsWithoutGold)}`);
  for (const [label, value] of nemoSkillsSummaryLines(summary)) out(`  ${label.toLowerCase().padEnd(20)} ${value}`);
  out(`  time                 ${(summary.durationMs / 1000).toFixed(1)} s (${formatCount(summary.rowsPerSecond)} rows/s)`);
  if (summary.loadPath === "new-set") out("  loaded               into the new set's own table, indexed after the load");
  if (summary.searchIndex === "deferred") out("  search index         deferred: built after grading (substring search reads every row until then)");
  for (const d of summary.duplicateExamples.slice(0, 5)) out(`  duplicate: ${d.where} (${d.sourceKey}) = problem ${d.existingProblemId}${d.answerDiffers ? ", other gold answer" : ""}`);
}

export const importCommand: CliCommand = {
  path: ["import"],
  summary: "import dataset files (GSM8K, MATH, OMI2, NeMo-Skills, CSV/JSONL) into a problem set",
  usage,
  async run(args, io) {
    const options = commandOptions(["set", "role", "format", "mapping", "source", "id-field"], ["full-generation", "grade-now"]);
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
    if (!values.set) throw new CliError("--set NAME is required");
    if (!isSetRole(values.role)) throw new CliError(`--role must be seed, benchmark or synthetic (got ${values.role ?? "nothing"})`);
    const format = values.format === undefined ? undefined : datasetFormatFromName(values.format);
    if (format === null) throw new CliError(`--format must be one of ${DATASET_FORMATS.join(", ")} (got ${values.format})`);
    const idField = values["id-field"]?.trim() || undefined;
    if (positionals.length === 0) throw new CliError("name at least one FILE to import");
    const files = positionals.map((f) => resolve(f));
    for (const file of files) {
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new CliError(`cannot read ${file}: no such file`);
    }
    const mapping = parseImportMapping(values.mapping);
    const source = checkImportSource(values.source);
    const fullGeneration = values["full-generation"] === true;
    const setName = values.set;
    const role = values.role;
    return withDatabase(io, async () => {
      let failed = 0;
      for (const group of groupImportFiles(files, format)) {
        let bytes = 0;
        for (const f of group) bytes += (await stat(f)).size;
        const taskId = await createImportTask(
          { paths: group, setName, role, format, mapping, ...(source !== undefined && { source }), ...(fullGeneration && { fullGeneration }), ...(idField && { idField }), via: "cli" },
          null,
          bytes,
          "running",
        );
        const bar = createProgressBar(io.stderr, `import ${group.map((f) => basename(f)).join(", ")}`, "rows");
        // An import into a new set has a second phase; its bar appears when the first index is built.
        const phase: { indexBar?: ReturnType<typeof createProgressBar> } = {};
        const summary = await runImportTask(taskId, {
          queueGrading: !values["grade-now"],
          // Rows are what people count; the total is extrapolated from the bytes read so far.
          onProgress: (p) => bar.update(p.rows, p.fraction > 0.01 ? Math.max(p.rows, Math.round(p.rows / p.fraction)) : null),
          onIndexBuilt: (built, total) => {
            if (!phase.indexBar) {
              bar.finish();
              phase.indexBar = createProgressBar(io.stderr, "index the new set's solutions", "indexes");
            }
            phase.indexBar.update(built, total);
          },
        });
        (phase.indexBar ?? bar).finish();
        printSummary(io, summary);
        if (!summary.ok) {
          failed++;
          continue;
        }
        if (summary.solutionsInserted === 0) continue;
        if (values["grade-now"]) {
          const gradingTaskId = await createTask({ kind: "grade-import", label: `Grade import #${taskId}`, unit: "solutions", total: summary.solutionsInserted });
          const gradeBar = createProgressBar(io.stderr, "grade", "solutions");
          const timer = setInterval(() => {
            readTaskStatus(gradingTaskId, ["grade-import"])
              .then((t) => t && gradeBar.update(t.done, t.total ?? 0))
              .catch(() => {});
          }, 1000);
          const grading = await gradeImport(taskId, gradingTaskId).finally(() => clearInterval(timer));
          gradeBar.finish();
          io.stdout.write(
            `  graded ${formatCount(grading.graded)}: ${formatCount(grading.equal)} equal, ${formatCount(grading.notEqual)} not equal, ${formatCount(grading.noAnswer)} no answer, ${formatCount(grading.undecided)} undecided\n`,
          );
          if (grading.withFileVerdict) {
            io.stdout.write(
              `  against the file's verdicts (${formatCount(grading.withFileVerdict)}): file correct/ours not ${formatCount(grading.fileCorrectWeWrong)}, file wrong/ours equal ${formatCount(grading.fileWrongWeCorrect)}, ours undecided ${formatCount(grading.fileVerdictWeUndecided)}\n`,
            );
          }
          if (summary.searchIndex === "deferred" && summary.set) {
            const searchBar = createProgressBar(io.stderr, "search index", "blocks");
            await buildSearchIndex(summary.set.id, { taskId: summary.searchIndexTaskId ?? undefined, onProgress: (p) => searchBar.update(p.done, p.total) });
            searchBar.finish();
            io.stdout.write("  search index built\n");
          }
        } else if (summary.grading) {
          io.stdout.write(`  grading queued as task #${summary.grading.taskId}: a worker grades in the background (npm start, or npx boxed worker)\n`);
          if (summary.searchIndex === "deferred") io.stdout.write(`  search index queued as task #${summary.searchIndexTaskId}: built by a worker after grading\n`);
        }
      }
      return failed > 0 ? 1 : 0;
    });
  },
};
