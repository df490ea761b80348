// Runner for the recall evaluation: `node --import tsx lib/decontamination/eval/run-eval.ts [--sample N]`
// Prints the markdown tables recorded in docs/decontamination.md. Default: every GSM8K test and
// MATH test problem as a source, against an index of all shared test sets.
import { pathToFileURL } from "node:url";
import { buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { loadBenchmarkItems, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { evaluateFamily, falseCandidateRate, sampleItems } from "@/lib/decontamination/eval/recall-eval";
import { REWRITE_FAMILY_NAMES } from "@/lib/decontamination/eval/rewrite-rules";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { sharedDataPath } from "@/tests/support/shared-data";

const pct = (x: number) => (Number.isNaN(x) ? "n/a" : `${(100 * x).toFixed(1)}%`);

export async function runEvaluation(perSetSample?: number): Promise<string> {
  const dir = sharedDataPath();
  const items = loadBenchmarkItems(dir);
  const started = performance.now();
  const index = buildBenchmarkIndex(items);
  const buildMs = performance.now() - started;
  const sizes = perSetSample ? { gsm8k: perSetSample, math: perSetSample } : { gsm8k: 1319, math: 5000 };
  const sources = sampleItems(items, sizes);
  const out: string[] = [
    `Index: ${items.length} problems from all shared test sets (built in ${(buildMs / 1000).toFixed(1)} s). Sources: ${sources.length} (GSM8K test ${sources.filter((s) => s.setName === "gsm8k").length}, MATH test ${sources.filter((s) => s.setName === "math").length}). Flag threshold ${DEFAULT_FLAG_THRESHOLD}.`,
    "",
    "| family | rewrites | unchanged (excluded) | recall@1 | recall@5 | source >= threshold | median source score | ms/query |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const family of REWRITE_FAMILY_NAMES) {
    for (const setName of ["gsm8k", "math", "all"]) {
      const subset = setName === "all" ? sources : sources.filter((s) => s.setName === setName);
      const r = evaluateFamily(index, subset, family);
      out.push(
        `| ${family} (${setName}) | ${r.evaluated} | ${r.unchanged} | ${pct(r.recallAt1)} | ${pct(r.recallAt5)} | ${pct(r.recallAtThreshold)} | ${r.medianSourceScore.toFixed(2)} | ${r.msPerQuery.toFixed(2)} |`,
      );
    }
  }
  out.push("", "False candidates: best candidate at or above the threshold for problems that are not rewrites of the index.", "");
  out.push("| problems | threshold | flagged | rate | of which exact duplicates |", "|---|---|---|---|---|");
  for (const [name, which] of [
    ["MATH train (7,500) vs all test sets", "math"],
    ["GSM8K train (7,473) vs all test sets", "gsm8k"],
  ] as const) {
    const problems = loadTrainProblems(dir, which);
    for (const th of [...new Set([0.3, 0.4, DEFAULT_FLAG_THRESHOLD, 0.5, 0.6, 0.7])].sort((a, b) => a - b)) {
      const r = falseCandidateRate(index, problems, th);
      out.push(`| ${name} | ${th} | ${r.flagged} | ${pct(r.rate)} | ${r.exact} |`);
    }
  }
  return out.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--sample");
  console.log(await runEvaluation(i >= 0 ? Number(process.argv[i + 1]) : undefined));
}
