// A synthetic "synthesized set" for the speed benchmark: mostly problems unrelated to the
// benchmarks (rewritten training problems) with a share of disguised benchmark problems, the way a
// real synthesized set is mostly clean with some contamination.
import type { BenchmarkItem } from "@/lib/decontamination/benchmark-index";
import { REWRITE_FAMILY_NAMES, rewrite } from "@/lib/decontamination/eval/rewrite-rules";

export type SyntheticProblem = { id: number; text: string; sourceId?: number };

export function buildSyntheticSet(
  benchmark: BenchmarkItem[],
  unrelated: { key: string; text: string }[],
  count: number,
  contaminatedShare = 0.1,
  /** The first id: a large set can be built slice by slice (ids start..start+count-1, the same problems). */
  start = 0,
): SyntheticProblem[] {
  const out: SyntheticProblem[] = [];
  const every = Math.max(1, Math.round(1 / contaminatedShare));
  for (let i = start; i < start + count; i++) {
    const family = REWRITE_FAMILY_NAMES[i % REWRITE_FAMILY_NAMES.length];
    if (i % every === 0) {
      const source = benchmark[(i / every) % benchmark.length];
      out.push({ id: i, text: rewrite(source.text, family, `${source.key}:${i}`), sourceId: source.id });
    } else {
      const source = unrelated[i % unrelated.length];
      out.push({ id: i, text: rewrite(source.text, family, `${source.key}:${i}`) });
    }
  }
  return out;
}
