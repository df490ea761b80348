// The decontamination benchmarks' workload: every shared test set padded to 12,000 benchmark
// problems with GSM8K train problems, and the train problems left over (MATH train + the rest of
// GSM8K train) as the unrelated sources of synthesized problems (buildSyntheticSet).
import type { BenchmarkItem } from "@/lib/decontamination/benchmark-index";
import { loadBenchmarkItems, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";

export const BENCHMARK_SIZE = 12_000;

export function decontamWorkload(dataDir: string): { tests: BenchmarkItem[]; benchmark: BenchmarkItem[]; unrelated: { key: string; text: string }[] } {
  const tests = loadBenchmarkItems(dataDir);
  const gsmTrain = loadTrainProblems(dataDir, "gsm8k");
  const pad = gsmTrain.slice(0, Math.max(0, BENCHMARK_SIZE - tests.length));
  const benchmark: BenchmarkItem[] = [...tests, ...pad.map((p, i) => ({ id: tests.length + 1 + i, setName: "gsm8k_train_pad", key: p.key, text: p.text }))];
  const unrelated = [...loadTrainProblems(dataDir, "math"), ...gsmTrain.slice(pad.length)];
  return { tests, benchmark, unrelated };
}
