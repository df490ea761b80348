// `npm run bench -- decontam [--quality 300] [--n 100000] [--workers 2] [--baseline 300]`
// (1) Quality: the separation evaluation per rewrite family (recall@1/@5, AUC of the top-1 score,
// false candidates at the flag threshold) next to word uni+bigram TF-IDF cosine computed in the
// same run, on --quality sources per set (GSM8K test, MATH test; the half the score was not fitted
// on; 0 skips it). (2) Speed: retrieval of the synthesized set against a 12,000-problem benchmark
// index, next to an exhaustive-cosine baseline on a sample in the same run. The target workload is
// 600,000 problems; a smaller --n is extrapolated linearly (retrieval is independent per problem).
import { availableParallelism } from "node:os";
import { percentile, writeBenchmarkSection } from "@/bench/report";
import { type BenchmarkIndex, type BenchmarkItem, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { loadBenchmarkItems, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { runSeparation } from "@/lib/decontamination/eval/run-separation";
import { buildSyntheticSet, type SyntheticProblem } from "@/lib/decontamination/eval/synthetic-set";
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { DEFAULT_FLAG_THRESHOLD, retrieveCandidates } from "@/lib/decontamination/retrieve";
import { retrieveMany } from "@/lib/decontamination/retrieve-many";
import { extractViews } from "@/lib/decontamination/views";
import { sharedDataPath } from "@/tests/support/shared-data";

const TARGET_PROBLEMS = 600_000;
const BENCHMARK_SIZE = 12_000;

function arg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const fmt = (ms: number) => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);

/**
 * Baseline: exhaustive TF-IDF cosine of the query against every benchmark problem (all pairs, no
 * index), over the full feature set. What a brute-force embedding-style search costs.
 */
function bruteForceTop(index: BenchmarkIndex, text: string, topK: number): number[] {
  const views = extractViews(text);
  const ids: number[] = [];
  let qNorm = 0;
  for (const set of [views.text, views.skeleton, views.numbers]) {
    for (const f of set) {
      const id = index.featureIds.get(f);
      qNorm += id === undefined ? index.unseenIdf2 : index.idf2[id];
      if (id !== undefined) ids.push(id);
    }
  }
  const q = Int32Array.from(ids).sort();
  const scores = new Float64Array(index.size);
  for (let d = 0; d < index.size; d++) {
    let dot = 0;
    let dNorm = 0;
    let i = 0;
    for (let j = index.docFeatureStart[d]; j < index.docFeatureStart[d + 1]; j++) {
      const f = index.docFeatures[j];
      dNorm += index.idf2[f];
      while (i < q.length && q[i] < f) i++;
      if (i < q.length && q[i] === f) dot += index.idf2[f];
    }
    scores[d] = qNorm > 0 && dNorm > 0 ? dot / Math.sqrt(qNorm * dNorm) : 0;
  }
  return Array.from(scores.keys())
    .sort((a, b) => scores[b] - scores[a])
    .slice(0, topK);
}

export async function main(args: string[]): Promise<void> {
  const n = arg(args, "n", 100_000);
  const workers = arg(args, "workers", availableParallelism());
  const baselineSample = arg(args, "baseline", 300);
  const qualityPerSet = arg(args, "quality", 300);
  const dataDir = sharedDataPath();

  let quality = "";
  if (qualityPerSet > 0) {
    const q = await runSeparation({ perSet: qualityPerSet });
    quality = `### Quality per family (score vs TF-IDF, same run)\n\n${q.markdown}\n\n### Speed\n\n`;
    console.log(quality);
  }

  // Benchmark side: every shared test set, padded to 12,000 with GSM8K train problems.
  const tests = loadBenchmarkItems(dataDir);
  const gsmTrain = loadTrainProblems(dataDir, "gsm8k");
  const pad = gsmTrain.slice(0, Math.max(0, BENCHMARK_SIZE - tests.length));
  const items: BenchmarkItem[] = [
    ...tests,
    ...pad.map((p, i) => ({ id: tests.length + 1 + i, setName: "gsm8k_train_pad", key: p.key, text: p.text })),
  ];

  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const index = buildBenchmarkIndex(items);
  const buildMs = performance.now() - t;
  const indexHeap = process.memoryUsage().heapUsed - heapBefore;

  // Synthesized side: rewritten training problems (unrelated) + 10% disguised test problems.
  const unrelated = [...loadTrainProblems(dataDir, "math"), ...gsmTrain.slice(pad.length)];
  t = performance.now();
  const synthetic: SyntheticProblem[] = buildSyntheticSet(tests, unrelated, n);
  const generateMs = performance.now() - t;

  // Single-thread latency on a sample, for percentiles.
  const latencies: number[] = [];
  for (const p of synthetic.slice(0, 3000)) {
    const s = performance.now();
    retrieveCandidates(index, p.text);
    latencies.push(performance.now() - s);
  }
  latencies.sort((a, b) => a - b);
  const singleMsPerProblem = latencies.reduce((a, b) => a + b, 0) / latencies.length;

  // The measured bulk run.
  let flagged = 0;
  let exact = 0;
  let contaminatedFound = 0;
  const sourceOf = new Map(synthetic.map((p) => [p.id, p.sourceId]));
  const classOf = new Map(items.map((i) => [i.id, normalizeForExactMatch(i.text)]));
  let peakRss = process.memoryUsage().rss;
  t = performance.now();
  await retrieveMany(
    index,
    synthetic.map((p) => ({ id: p.id, text: p.text })),
    {
      workers,
      onBatch: (batch) => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        for (const r of batch) {
          const best = r.candidates[0];
          if (best && best.score >= DEFAULT_FLAG_THRESHOLD) flagged++;
          if (best?.exact) exact++;
          const source = sourceOf.get(r.id);
          if (source !== undefined && r.candidates.some((c) => classOf.get(c.benchmarkId) === classOf.get(source))) contaminatedFound++;
        }
      },
    },
  );
  const bulkMs = performance.now() - t;
  const contaminated = synthetic.filter((p) => p.sourceId !== undefined).length;
  const extrapolatedMs = (bulkMs * TARGET_PROBLEMS) / n;

  // Baseline on a sample: exhaustive cosine over all pairs, same features, single thread.
  const sample = synthetic.filter((_, i) => i % Math.max(1, Math.floor(n / baselineSample)) === 0).slice(0, baselineSample);
  t = performance.now();
  let bruteHits = 0;
  let bruteTotal = 0;
  for (const p of sample) {
    const top = bruteForceTop(index, p.text, 5);
    if (p.sourceId !== undefined) {
      bruteTotal++;
      if (top.some((d) => classOf.get(index.items[d].id) === classOf.get(p.sourceId!))) bruteHits++;
    }
  }
  const bruteMsPerProblem = (performance.now() - t) / sample.length;
  let indexedHits = 0;
  for (const p of sample) {
    if (p.sourceId === undefined) continue;
    const top = retrieveCandidates(index, p.text);
    if (top.some((c) => classOf.get(c.benchmarkId) === classOf.get(p.sourceId!))) indexedHits++;
  }
  const bruteExtrapolatedMs = (bruteMsPerProblem * TARGET_PROBLEMS) / Math.max(1, workers);

  const rss = process.memoryUsage().rss;
  const lines = [
    `Workload: ${n.toLocaleString("en-US")} synthesized problems (${contaminated.toLocaleString("en-US")} disguised benchmark problems, the rest rewritten MATH/GSM8K train problems) against ${index.size.toLocaleString("en-US")} benchmark problems (all shared test sets + GSM8K train padding); target workload ${TARGET_PROBLEMS.toLocaleString("en-US")}, extrapolated linearly.`,
    "",
    "| measure | value |",
    "|---|---|",
    `| index build (12K problems, ${index.featureNames.length.toLocaleString("en-US")} features) | ${fmt(buildMs)} |`,
    `| index heap | ${mib(indexHeap)} |`,
    `| generating the synthesized set (rewrite rules) | ${fmt(generateMs)} |`,
    `| single-thread latency per problem: mean / p50 / p95 / p99 | ${singleMsPerProblem.toFixed(2)} / ${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 95).toFixed(2)} / ${percentile(latencies, 99).toFixed(2)} ms |`,
    `| bulk retrieval, ${workers} worker process(es), top-5 with evidence | ${fmt(bulkMs)} for ${n.toLocaleString("en-US")} (${((n / bulkMs) * 1000).toFixed(0)} problems/s) |`,
    `| **extrapolated to ${TARGET_PROBLEMS.toLocaleString("en-US")}** (target < 10 min) | **${fmt(extrapolatedMs)}** |`,
    `| baseline: exhaustive cosine over all 12K pairs, per problem (sample of ${sample.length}) | ${bruteMsPerProblem.toFixed(1)} ms (${(bruteMsPerProblem / singleMsPerProblem).toFixed(0)}x the index) |`,
    `| baseline extrapolated to ${TARGET_PROBLEMS.toLocaleString("en-US")} on ${workers} cores | ${fmt(bruteExtrapolatedMs)} |`,
    `| disguised problems whose source is in the top 5: index / exhaustive baseline (sample) | ${indexedHits}/${bruteTotal} / ${bruteHits}/${bruteTotal} |`,
    `| disguised problems found in the full run (top 5) | ${contaminatedFound}/${contaminated} (${((100 * contaminatedFound) / contaminated).toFixed(1)}%) |`,
    `| problems with best score >= flag threshold ${DEFAULT_FLAG_THRESHOLD} / exact matches | ${flagged.toLocaleString("en-US")} / ${exact.toLocaleString("en-US")} |`,
    `| memory: main process RSS (peak during run / end) | ${mib(peakRss)} / ${mib(rss)} |`,
    `| memory: each worker process | one index rebuild, about the index heap above + ~60 MiB Node baseline |`,
  ];
  console.log(lines.join("\n"));
  writeBenchmarkSection("decontam", quality + lines.join("\n"));
}
