// The recall evaluation: rewrite benchmark problems with each family of rules, retrieve against an
// index that holds the originals, and count how often the original comes back at rank 1 / within
// the top k, and how often it scores at or above the flag threshold. Plus the false-candidate rate:
// problems that are NOT rewrites of the index (MATH train against the test sets) whose best
// candidate still reaches the threshold.
import type { BenchmarkIndex, BenchmarkItem } from "@/lib/decontamination/benchmark-index";
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { createRng } from "@/lib/decontamination/eval/prng";
import { type RewriteFamily, rewrite } from "@/lib/decontamination/eval/rewrite-rules";
import { type Candidate, DEFAULT_FLAG_THRESHOLD, retrieveCandidates } from "@/lib/decontamination/retrieve";

export type FamilyResult = {
  family: RewriteFamily;
  /** rewrites that differ from their source and were scored */
  evaluated: number;
  /** sources the family could not change (e.g. no names to rename): left out of the rates */
  unchanged: number;
  recallAt1: number;
  recallAt5: number;
  /** the source is among the candidates at or above the flag threshold */
  recallAtThreshold: number;
  medianSourceScore: number;
  msPerQuery: number;
};

/** A fixed, seeded sample of `n` items from each named set (all of a set if it is smaller). */
export function sampleItems(items: BenchmarkItem[], perSet: Record<string, number>, seed = 11): BenchmarkItem[] {
  const out: BenchmarkItem[] = [];
  for (const [setName, n] of Object.entries(perSet)) {
    const pool = items.filter((i) => i.setName === setName);
    const rng = createRng(seed);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    out.push(...pool.slice(0, n).sort((a, b) => a.id - b.id));
  }
  return out;
}

// Benchmarks overlap (MATH-500 is inside MATH test): any item with the source's exact text counts.
function equivalenceClasses(index: BenchmarkIndex): Map<number, string> {
  return new Map(index.items.map((i) => [i.id, normalizeForExactMatch(i.text)]));
}

function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function evaluateFamily(
  index: BenchmarkIndex,
  sources: BenchmarkItem[],
  family: RewriteFamily,
  options: { topK?: number; threshold?: number; seed?: number } = {},
): FamilyResult & { misses: { source: BenchmarkItem; rewritten: string; top: Candidate | undefined }[] } {
  const topK = options.topK ?? 5;
  const threshold = options.threshold ?? DEFAULT_FLAG_THRESHOLD;
  const classOf = equivalenceClasses(index);
  let evaluated = 0;
  let unchanged = 0;
  let at1 = 0;
  let atK = 0;
  let atThreshold = 0;
  const sourceScores: number[] = [];
  const misses: { source: BenchmarkItem; rewritten: string; top: Candidate | undefined }[] = [];
  const started = performance.now();
  for (const source of sources) {
    const rewritten = rewrite(source.text, family, `${source.setName}:${source.key}`, options.seed);
    if (rewritten === source.text) {
      unchanged++;
      continue;
    }
    evaluated++;
    const target = classOf.get(source.id);
    const candidates = retrieveCandidates(index, rewritten, { topK });
    const rank = candidates.findIndex((c) => classOf.get(c.benchmarkId) === target);
    if (rank === 0) at1++;
    if (rank >= 0) {
      atK++;
      sourceScores.push(candidates[rank].score);
      if (candidates[rank].score >= threshold) atThreshold++;
    } else {
      sourceScores.push(0);
      misses.push({ source, rewritten, top: candidates[0] });
    }
  }
  const elapsed = performance.now() - started;
  return {
    family,
    evaluated,
    unchanged,
    recallAt1: evaluated ? at1 / evaluated : Number.NaN,
    recallAt5: evaluated ? atK / evaluated : Number.NaN,
    recallAtThreshold: evaluated ? atThreshold / evaluated : Number.NaN,
    medianSourceScore: median(sourceScores),
    msPerQuery: evaluated ? elapsed / evaluated : 0,
    misses,
  };
}

export type FalseCandidateResult = {
  problems: number;
  /** problems whose best candidate reaches the threshold */
  flagged: number;
  rate: number;
  /** of those, exact matches: real duplicates between the sets, not false candidates */
  exact: number;
  topScores: number[];
  examples: { text: string; candidate: Candidate }[];
};

export function falseCandidateRate(
  index: BenchmarkIndex,
  problems: { text: string }[],
  threshold = DEFAULT_FLAG_THRESHOLD,
): FalseCandidateResult {
  let flagged = 0;
  let exact = 0;
  const topScores: number[] = [];
  const examples: { text: string; candidate: Candidate }[] = [];
  for (const p of problems) {
    const [best] = retrieveCandidates(index, p.text, { topK: 1 });
    const score = best?.score ?? 0;
    topScores.push(score);
    if (best && score >= threshold) {
      flagged++;
      if (best.exact) exact++;
      examples.push({ text: p.text, candidate: best });
    }
  }
  examples.sort((a, b) => b.candidate.score - a.candidate.score);
  return { problems: problems.length, flagged, rate: problems.length ? flagged / problems.length : 0, exact, topScores, examples };
}
