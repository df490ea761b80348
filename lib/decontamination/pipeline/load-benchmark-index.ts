// Builds the retrieval index over the benchmark sets of a run. The benchmark side is the only
// thing a run holds in memory (~12K problems for all public test sets: ~190 MiB, ~2.5 s); the
// synthesized side is streamed.
import { type BenchmarkIndex, type BenchmarkItem, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { problemPages } from "@/lib/decontamination/pipeline/problem-pages";
import type { DecontamSet } from "@/lib/decontamination/pipeline/resolve-decontam-sets";

export async function loadBenchmarkItems(sets: DecontamSet[]): Promise<BenchmarkItem[]> {
  const items: BenchmarkItem[] = [];
  for (const set of sets) {
    // gold_answer: the benchmark's answer, for the score's "same answer" signal.
    for await (const rows of problemPages<{ id: number; source_key: string; text: string; gold_answer: string | null }>(set.id, "id, source_key, text, gold_answer")) {
      for (const r of rows) {
        items.push({ id: r.id, setName: set.name, key: r.source_key, text: r.text, ...(r.gold_answer ? { answer: r.gold_answer } : {}) });
      }
    }
  }
  return items;
}

export async function loadBenchmarkIndex(sets: DecontamSet[]): Promise<BenchmarkIndex> {
  return buildBenchmarkIndex(await loadBenchmarkItems(sets));
}
