// `npm run bench -- decontam-diversity [--n 600000]`
// Near-duplicate clustering of a synthesized set (lib/decontamination/diversity): time and memory
// for --n problems (default the 600,000 target), one thread. The problems are streamed (generated
// one at a time from GSM8K/MATH train problems by the evaluation's rewrite families, so the set is
// full of renamed / re-numbered / reworded copies, like a real synthesized set); only signatures
// are kept. Baseline in the same run: exact-copy grouping (a hash map over normalised texts),
// which finds verbatim copies only.
import { writeBenchmarkSection } from "@/bench/report";
import { keepOnePerCluster, NearDuplicateClusterer } from "@/lib/decontamination/diversity/near-duplicates";
import { loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { REWRITE_FAMILY_NAMES, rewrite } from "@/lib/decontamination/eval/rewrite-rules";
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { sharedDataPath } from "@/tests/support/shared-data";

function textHash(text: string): number {
  let a = 2166136261;
  let b = 5381;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b, 33) ^ c;
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) % 2 ** 21);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const fmt = (ms: number) => (ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(1)} s`);

export async function main(args: string[]): Promise<void> {
  const i = args.indexOf("--n");
  const n = i >= 0 ? Number(args[i + 1]) : 600_000;
  const dir = sharedDataPath();
  const seeds = [...loadTrainProblems(dir, "gsm8k"), ...loadTrainProblems(dir, "math")];
  // Each seed gets many synthesized problems; a quarter of them are verbatim copies of an earlier one.
  const problemAt = (k: number): { text: string; seed: number } => {
    const seed = k % seeds.length;
    const round = Math.floor(k / seeds.length);
    const family = REWRITE_FAMILY_NAMES[(round + seed) % REWRITE_FAMILY_NAMES.length];
    if (round % 4 === 3) return { text: seeds[seed].text, seed };
    return { text: rewrite(seeds[seed].text, family, `${seeds[seed].key}:${round}`), seed };
  };

  const rssBefore = process.memoryUsage().rss;
  const clusterer = new NearDuplicateClusterer();
  // Keyed by a 53-bit hash of the normalised text, so the baseline does not hold 600K texts and
  // the RSS below is the clusterer's.
  const exact = new Map<number, number>();
  let addMs = 0;
  let exactMs = 0;
  let peakRss = rssBefore;
  const started = performance.now();
  for (let k = 0; k < n; k++) {
    const p = problemAt(k);
    let t = performance.now();
    clusterer.add(k, p.text, p.seed);
    addMs += performance.now() - t;
    t = performance.now();
    const key = textHash(normalizeForExactMatch(p.text));
    if (!exact.has(key)) exact.set(key, k);
    exactMs += performance.now() - t;
    if (k % 50_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const generatedMs = performance.now() - started - addMs - exactMs;
  let t = performance.now();
  const result = clusterer.finish();
  const finishMs = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  t = performance.now();
  const { keep } = keepOnePerCluster(result);
  const keepMs = performance.now() - t;
  const seedsWithCopies = [...result.perSeed.values()];
  const meanDistinct = seedsWithCopies.reduce((a, s) => a + s.distinct, 0) / seedsWithCopies.length;
  const meanProblems = seedsWithCopies.reduce((a, s) => a + s.problems, 0) / seedsWithCopies.length;
  const sizes = Array.from(result.clusterSize).filter((_, j) => result.representative[j] === j).sort((a, b) => b - a);

  const lines = [
    `Workload: ${n.toLocaleString("en-US")} synthesized problems streamed from ${seeds.length.toLocaleString("en-US")} seeds (GSM8K + MATH train, rewritten by the evaluation's families; every 4th round a verbatim copy). One thread.`,
    "",
    "| measure | value |",
    "|---|---|",
    `| signatures (tokenise + skeleton 3-grams + 32 MinHashes), all problems | ${fmt(addMs)} (${((addMs / n) * 1000).toFixed(0)} µs/problem) |`,
    `| banding + verification + union-find | ${fmt(finishMs)} |`,
    `| keep one per cluster | ${keepMs.toFixed(0)} ms |`,
    `| **clustering total** (target <= 10 min on 2 cores) | **${fmt(addMs + finishMs + keepMs)}** |`,
    `| baseline, same run: exact-copy grouping (normalised text hash map) | ${fmt(exactMs)}; ${exact.size.toLocaleString("en-US")} distinct texts |`,
    `| clusters (near-duplicate) / kept by "keep one per cluster" | ${result.clusters.toLocaleString("en-US")} / ${keep.length.toLocaleString("en-US")} |`,
    `| largest clusters | ${sizes.slice(0, 5).join(", ")} |`,
    `| per seed: problems / distinct (mean) | ${meanProblems.toFixed(1)} / ${meanDistinct.toFixed(1)} |`,
    `| memory: RSS before / peak (signatures ${mib(n * 32 * 4)} + ids + seeds + the baseline's hash map; texts are not kept) | ${mib(rssBefore)} / ${mib(peakRss)} |`,
    `| generating the problems (not part of clustering) | ${fmt(generatedMs)} |`,
  ];
  const markdown = lines.join("\n");
  console.log(markdown);
  writeBenchmarkSection("decontam-diversity", markdown);
}
