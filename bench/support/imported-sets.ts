// The start of the benchmarks that grade a freshly imported set (grade-export, grade-bulk): a
// migrated database in a throwaway cluster, a generated OMI2-style file, imported into new sets;
// and what both read from the command line.
import { statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { type SolutionEnding, writeOmi2File } from "@/bench/io";
import { createMigratedDatabase, startThrowawayCluster, type ThrowawayCluster } from "@/bench/support/throwaway-cluster";
import { createImportTask, runImportTask } from "@/lib/datasets/import/run-import-task";

/** Rows of the OpenMathInstruct-2 release: what these benchmarks extrapolate to. */
export const FULL_RELEASE_ROWS = 13_972_791;

/** The value after `--name` on the command line. */
export function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Per solution: 70% right and clean, then a wrong answer, talk after the answer, a wrong sum, two boxes, no box. */
const ending: SolutionEnding = (answer, random) => {
  const r = random();
  if (r < 0.7) return `The answer is $\\boxed{${answer}}$.`;
  if (r < 0.8) return `The answer is $\\boxed{${answer + 1}}$.`;
  if (r < 0.88) return `The answer is $\\boxed{${answer}}$.\nI hope it is correct.`;
  if (r < 0.93) return `So $12 + 30 = 43$ and the answer is $\\boxed{${answer}}$.`;
  if (r < 0.96) return `First $\\boxed{${answer + 2}}$, then $\\boxed{${answer}}$.`;
  return `The answer is ${answer}.`;
};

export interface ImportedSet {
  taskId: number;
  setId: number;
}

async function importSet(file: string, setName: string): Promise<ImportedSet> {
  const payload = { paths: [file], setName, role: "synthetic" as const, via: "cli" as const };
  const taskId = await createImportTask(payload, null, statSync(file).size, "running");
  const summary = await runImportTask(taskId, { queueGrading: false });
  if (!summary.ok || !summary.set) throw new Error(summary.errors[0]?.message ?? "the import failed");
  return { taskId, setId: summary.set.id };
}

/** `rows` generated rows (`perProblem` solutions per problem) imported once into each new set of `names`, in order. */
async function importGeneratedSets(
  throwaway: ThrowawayCluster,
  options: { rows: number; perProblem: number; names: string[]; log: (line: string) => void },
): Promise<{ pgdata: string; bytes: number; sets: ImportedSet[] }> {
  // The grading job's forked process finds the database here.
  process.env.DATABASE_URL = await createMigratedDatabase(throwaway.cluster);
  const file = join(throwaway.home, "rows.jsonl");
  options.log(`generating ${options.rows.toLocaleString("en-US")} rows`);
  const bytes = await writeOmi2File(file, options.rows, options.perProblem, ending);
  options.log(`importing ${options.names.length} times (${(bytes / 2 ** 20).toFixed(0)} MiB)`);
  const sets: ImportedSet[] = [];
  for (const name of options.names) sets.push(await importSet(file, name));
  return { pgdata: join(throwaway.home, "pgdata"), bytes, sets };
}

export interface GradingBench {
  throwaway: ThrowawayCluster;
  rows: number;
  perProblem: number;
  /** The 1-minute load average when the benchmark started (the machine is shared). */
  loadAtStart: number;
  log: (line: string) => void;
  pgdata: string;
  bytes: number;
  sets: ImportedSet[];
}

/**
 * Benchmark `name`'s start: `--rows` (default `defaultRows`) and `--per-problem` (23) read, a
 * throwaway cluster started (stopped again if the start fails; else the caller stops it), the
 * rows generated and imported into each new set of `names`.
 */
export async function openGradingBench(name: string, args: string[], defaultRows: number, names: string[]): Promise<GradingBench> {
  const rows = Number(optionValue(args, "rows") ?? defaultRows);
  const perProblem = Number(optionValue(args, "per-problem") ?? 23);
  const loadAtStart = loadavg()[0];
  const log = (line: string) => console.log(`[${name}] ${line}`);
  const throwaway = await startThrowawayCluster(name);
  try {
    return { throwaway, rows, perProblem, loadAtStart, log, ...(await importGeneratedSets(throwaway, { rows, perProblem, names, log })) };
  } catch (error) {
    await throwaway.stop();
    throw error;
  }
}
