// Builds the retrieval index over the benchmark sets of a run. The benchmark side is the only
// thing a run holds in memory (~12K problems for all public test sets: ~190 MiB, ~2.5 s); the
// synthesized side is streamed.
import { pool } from "@/lib/db/pool";
import { type BenchmarkIndex, type BenchmarkItem, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import type { DecontamSet } from "@/lib/decontamination/pipeline/resolve-decontam-sets";

const PAGE = 5_000;

export async function loadBenchmarkItems(sets: DecontamSet[]): Promise<BenchmarkItem[]> {
  const items: BenchmarkItem[] = [];
  for (const set of sets) {
    let after = 0;
    for (;;) {
      // gold_answer: the benchmark's answer, for the score's "same answer" signal.
      const { rows } = await pool().query<{ id: number; source_key: string; text: string; gold_answer: string | null }>(
        `SELECT id, source_key, text, gold_answer FROM problems WHERE set_id = $1 AND id > $2 ORDER BY id LIMIT ${PAGE}`,
        [set.id, after],
      );
      for (const r of rows) {
        items.push({ id: r.id, setName: set.name, key: r.source_key, text: r.text, ...(r.gold_answer ? { answer: r.gold_answer } : {}) });
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].id;
    }
  }
  return items;
}

export async function loadBenchmarkIndex(sets: DecontamSet[]): Promise<BenchmarkIndex> {
  return buildBenchmarkIndex(await loadBenchmarkItems(sets));
}
