// Runner for the separation evaluation: `node --import tsx lib/decontamination/eval/run-separation.ts [--per-set N]`
// Sources: the evaluation half of GSM8K test and MATH test (the half the score was NOT fitted on,
// see fit-score.ts), N per set (default: all of the half). Index: every shared test set. Prints the
// per-family markdown table recorded in docs/decontamination.md and used by `npm run bench -- decontam`.
import { pathToFileURL } from "node:url";
import { buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { isFitSource } from "@/lib/decontamination/eval/fit-score";
import { loadBenchmarkItems, loadMathTestMeta, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { sampleItems } from "@/lib/decontamination/eval/recall-eval";
import { FAMILY_IMITATES, HELD_OUT_FAMILIES, REWRITE_FAMILY_NAMES } from "@/lib/decontamination/eval/rewrite-rules";
import { evaluateSeparation, matchNegatives, type SeparationResult, scoreNegatives } from "@/lib/decontamination/eval/separation-eval";
import { buildTfidfIndex } from "@/lib/decontamination/eval/tfidf-baseline";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { combineScores, type PairFeatures, type ScoreModel } from "@/lib/decontamination/scoring";
import { sharedDataPath } from "@/tests/support/shared-data";

const pct = (x: number) => (Number.isNaN(x) ? "n/a" : `${(100 * x).toFixed(1)}%`);
const f3 = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(3));

/**
 * What a score means: for each threshold, the share of rewrites (all families pooled, each family
 * weighted equally) and of unrelated problems whose top-1 score reaches it, and the precision that
 * implies when 50% / 10% / 1% of the checked problems are rephrasings.
 */
function calibrationTable(results: SeparationResult[], negatives: number[]): string[] {
  const out = [
    "| top-1 score >= | rewrites reaching it (mean over families) | unrelated reaching it | precision if 50% are rephrasings | if 10% | if 1% |",
    "|---|---|---|---|---|---|",
  ];
  for (const t of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const tpr = results.reduce((a, r) => a + r.top1.filter((s) => s >= t).length / Math.max(1, r.top1.length), 0) / results.length;
    const fpr = negatives.filter((s) => s >= t).length / Math.max(1, negatives.length);
    const precision = (prior: number) => (tpr * prior === 0 ? Number.NaN : (tpr * prior) / (tpr * prior + fpr * (1 - prior)));
    out.push(`| ${t} | ${pct(tpr)} | ${pct(fpr)} | ${pct(precision(0.5))} | ${pct(precision(0.1))} | ${pct(precision(0.01))} |`);
  }
  return out;
}

export async function runSeparation(options: { perSet?: number; model?: ScoreModel; threshold?: number; legacy?: boolean } = {}) {
  const dir = sharedDataPath();
  const items = loadBenchmarkItems(dir);
  const index = buildBenchmarkIndex(items);
  const tfidf = buildTfidfIndex(items.map((i) => i.text));
  const threshold = options.threshold ?? DEFAULT_FLAG_THRESHOLD;
  const evalItems = items.filter((i) => (i.setName === "gsm8k" || i.setName === "math") && !isFitSource(i));
  const perSet = options.perSet ?? 100_000;
  const sources = sampleItems(evalItems, { gsm8k: perSet, math: perSet });
  const negatives = matchNegatives(sources, loadTrainProblems(dir, "gsm8k"), loadTrainProblems(dir, "math"), loadMathTestMeta(dir));
  // --legacy: the view blend that ranked candidates before issue #20, for a before/after figure.
  const scorer = options.legacy ? (f: PairFeatures) => combineScores(f.text, f.skeleton, f.numbers) : undefined;
  const setup = { index, tfidf, model: options.model, scorer, threshold };
  const started = performance.now();
  const negativeScores = scoreNegatives(setup, negatives);
  const results: SeparationResult[] = [];
  for (const family of REWRITE_FAMILY_NAMES) {
    results.push(evaluateSeparation(setup, sources, family, negativeScores));
  }
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `Sources: ${sources.length} (GSM8K test ${sources.filter((s) => s.setName === "gsm8k").length}, MATH test ${sources.filter((s) => s.setName === "math").length}; the half not used to fit the score). Index: ${items.length} problems of all shared test sets. Negatives: one matched unrelated problem per source (GSM8K train; MATH train of the same subject and level), ${negativeScores.size} after leaving out ${negatives.size - negativeScores.size} exact duplicates of test problems. Flag threshold ${threshold}. Baseline: word uni+bigram TF-IDF cosine (scikit-learn defaults) over the same index, same run. ${seconds.toFixed(0)} s.`,
    "",
    "| family (imitates) | rewrites | recall@1 score / TF-IDF | recall@5 score / TF-IDF | AUC top-1 score / TF-IDF | false candidates at threshold | source >= threshold | false candidates at 95% recall: score / TF-IDF |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const held = HELD_OUT_FAMILIES.includes(r.family) ? " **(held out)**" : "";
    lines.push(
      `| ${r.family}${held} (${FAMILY_IMITATES[r.family]}) | ${r.evaluated} | ${pct(r.score.recallAt1)} / ${pct(r.tfidf.recallAt1)} | ${pct(r.score.recallAt5)} / ${pct(r.tfidf.recallAt5)} | **${f3(r.score.auc)}** / ${f3(r.tfidf.auc)} | ${pct(r.score.falseCandidateRate)} | ${pct(r.score.recallAtThreshold)} | ${pct(r.score.fprAtRecall95)} / ${pct(r.tfidf.fprAtRecall95)} |`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  lines.push(
    `| **mean** | | ${pct(mean(results.map((r) => r.score.recallAt1)))} / ${pct(mean(results.map((r) => r.tfidf.recallAt1)))} | ${pct(mean(results.map((r) => r.score.recallAt5)))} / ${pct(mean(results.map((r) => r.tfidf.recallAt5)))} | **${f3(mean(results.map((r) => r.score.auc)))}** / ${f3(mean(results.map((r) => r.tfidf.auc)))} | | | |`,
  );
  lines.push("", ...calibrationTable(results, [...negativeScores.values()].map((n) => n.score)));
  return { markdown: lines.join("\n"), results, negativeScores, sources };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--per-set");
  const j = process.argv.indexOf("--model");
  const model = j >= 0 ? (JSON.parse(process.argv[j + 1]) as ScoreModel) : undefined;
  const t = process.argv.indexOf("--threshold");
  const r = await runSeparation({ perSet: i >= 0 ? Number(process.argv[i + 1]) : undefined, model, threshold: t >= 0 ? Number(process.argv[t + 1]) : undefined, legacy: process.argv.includes("--legacy") });
  console.log(r.markdown);
}
