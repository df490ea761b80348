// The separation evaluation (issue #20): per rewrite family, does the score put the source
// benchmark problem first (recall@1, @5), and does the top-1 score separate rewrites from
// unrelated same-topic problems (AUC), compared with plain word uni+bigram TF-IDF cosine computed
// in the same run. Negatives are matched to the sources: a GSM8K train problem for a GSM8K test
// source, a MATH train problem of the same subject and level for a MATH test source.
import type { BenchmarkIndex, BenchmarkItem } from "@/lib/decontamination/benchmark-index";
import type { TrainProblem } from "@/lib/decontamination/eval/load-benchmarks";
import { createRng, seedFor } from "@/lib/decontamination/eval/prng";
import { type RewriteFamily, rewrite } from "@/lib/decontamination/eval/rewrite-rules";
import { type TfidfIndex, tfidfTop } from "@/lib/decontamination/eval/tfidf-baseline";
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { rankPairs } from "@/lib/decontamination/retrieve";
import type { PairFeatures, ScoreModel } from "@/lib/decontamination/scoring";

export type MethodStats = {
  recallAt1: number;
  recallAt5: number;
  /** AUC of the top-1 score: rewrites (positive) vs matched unrelated problems (negative) */
  auc: number;
  /** share of negatives whose top-1 score reaches the flag threshold (score only) */
  falseCandidateRate: number;
  /** share of rewrites whose source scores at or above the flag threshold (score only) */
  recallAtThreshold: number;
  /** share of negatives above the threshold that keeps 95% of the rewrites: comparable across methods */
  fprAtRecall95: number;
};

export type SeparationResult = {
  family: RewriteFamily;
  evaluated: number;
  unchanged: number;
  negatives: number;
  score: MethodStats;
  tfidf: MethodStats;
  /** the score's top-1 score of every rewrite (for calibration tables) */
  top1: number[];
};

/** AUC by the rank-sum (Mann-Whitney) statistic; ties count one half. */
export function auc(positives: number[], negatives: number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].s === all[i].s) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k].p) rankSum += midRank;
    i = j;
  }
  const np = positives.length;
  return (rankSum - (np * (np + 1)) / 2) / (np * negatives.length);
}

/** Share of negatives strictly above the score that 95% of positives reach. */
export function fprAtRecall(positives: number[], negatives: number[], recall = 0.95): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const sorted = [...positives].sort((a, b) => b - a);
  const cut = sorted[Math.min(sorted.length - 1, Math.ceil(recall * sorted.length) - 1)];
  return negatives.filter((s) => s >= cut).length / negatives.length;
}

/** One matched negative per source, seeded per source key. */
export function matchNegatives(
  sources: BenchmarkItem[],
  gsmTrain: TrainProblem[],
  mathTrain: TrainProblem[],
  mathMeta: Map<string, { type: string; level: string }>,
): Map<number, TrainProblem> {
  const byTypeLevel = new Map<string, TrainProblem[]>();
  for (const p of mathTrain) {
    const k = `${p.type}|${p.level}`;
    const list = byTypeLevel.get(k) ?? [];
    list.push(p);
    byTypeLevel.set(k, list);
  }
  const out = new Map<number, TrainProblem>();
  for (const s of sources) {
    const rng = createRng(seedFor(5, `${s.setName}:${s.key}`));
    const meta = mathMeta.get(s.key);
    const pool = s.setName === "math" && meta ? (byTypeLevel.get(`${meta.type}|${meta.level}`) ?? mathTrain) : gsmTrain;
    out.set(s.id, pool[Math.floor(rng() * pool.length)]);
  }
  return out;
}

export type SeparationSetup = {
  index: BenchmarkIndex;
  /** built from index.items' texts in the same order */
  tfidf: TfidfIndex;
  model?: ScoreModel;
  /** overrides the model: e.g. the previous score, for a before/after comparison */
  scorer?: (f: PairFeatures) => number;
  threshold: number;
};

type Scored = { top1: number; rank: number; exact: boolean };

function classes(index: BenchmarkIndex): string[] {
  return index.items.map((i) => normalizeForExactMatch(i.text));
}

const classCache = new WeakMap<BenchmarkIndex, string[]>();
function classOfDoc(index: BenchmarkIndex): string[] {
  let c = classCache.get(index);
  if (!c) {
    c = classes(index);
    classCache.set(index, c);
  }
  return c;
}

function scoreOurs(setup: SeparationSetup, text: string, target: string | null): Scored {
  const pairs = rankPairs(setup.index, text, { model: setup.model, scorer: setup.scorer });
  const cls = classOfDoc(setup.index);
  const rank = target === null ? -1 : pairs.slice(0, 5).findIndex((p) => cls[p.doc] === target);
  return { top1: pairs[0]?.score ?? 0, rank, exact: pairs[0]?.exactKind !== undefined };
}

function scoreTfidf(setup: SeparationSetup, text: string, target: string | null): Scored {
  const top = tfidfTop(setup.tfidf, text, 5);
  const cls = classOfDoc(setup.index);
  const rank = target === null ? -1 : top.findIndex((p) => cls[p.doc] === target);
  return { top1: top[0]?.score ?? 0, rank, exact: false };
}

/** Top-1 scores of the negatives, by method; negatives whose top candidate is an exact copy are real duplicates and left out. */
export function scoreNegatives(setup: SeparationSetup, negatives: Map<number, TrainProblem>) {
  const out = new Map<number, { score: number; tfidf: number }>();
  const memo = new Map<string, { score: number; tfidf: number } | null>();
  for (const [sourceId, p] of negatives) {
    let r = memo.get(p.key);
    if (r === undefined) {
      const ours = scoreOurs(setup, p.text, null);
      r = ours.exact ? null : { score: ours.top1, tfidf: scoreTfidf(setup, p.text, null).top1 };
      memo.set(p.key, r);
    }
    if (r) out.set(sourceId, r);
  }
  return out;
}

function stats(ranks: number[], pos: number[], neg: number[], sourceScores: number[], threshold: number): MethodStats {
  const n = ranks.length;
  return {
    recallAt1: n ? ranks.filter((r) => r === 0).length / n : Number.NaN,
    recallAt5: n ? ranks.filter((r) => r >= 0).length / n : Number.NaN,
    auc: auc(pos, neg),
    falseCandidateRate: neg.length ? neg.filter((s) => s >= threshold).length / neg.length : Number.NaN,
    recallAtThreshold: n ? sourceScores.filter((s) => s >= threshold).length / n : Number.NaN,
    fprAtRecall95: fprAtRecall(pos, neg),
  };
}

export function evaluateSeparation(
  setup: SeparationSetup,
  sources: BenchmarkItem[],
  family: RewriteFamily,
  negativeScores: Map<number, { score: number; tfidf: number }>,
  seed?: number,
): SeparationResult {
  const cls = classOfDoc(setup.index);
  const docOfId = new Map(setup.index.items.map((it, d) => [it.id, d]));
  let unchanged = 0;
  const ours = { ranks: [] as number[], top1: [] as number[], source: [] as number[], neg: [] as number[] };
  const base = { ranks: [] as number[], top1: [] as number[], neg: [] as number[] };
  for (const source of sources) {
    const text = rewrite(source.text, family, `${source.setName}:${source.key}`, seed);
    if (text === source.text) {
      unchanged++;
      continue;
    }
    const target = cls[docOfId.get(source.id) ?? -1] ?? null;
    const pairs = rankPairs(setup.index, text, { model: setup.model, scorer: setup.scorer });
    const rank = pairs.slice(0, 5).findIndex((p) => cls[p.doc] === target);
    const sourcePair = pairs.find((p) => cls[p.doc] === target);
    ours.ranks.push(rank);
    ours.top1.push(pairs[0]?.score ?? 0);
    ours.source.push(sourcePair?.score ?? 0);
    const t = scoreTfidf(setup, text, target);
    base.ranks.push(t.rank);
    base.top1.push(t.top1);
    const neg = negativeScores.get(source.id);
    if (neg) {
      ours.neg.push(neg.score);
      base.neg.push(neg.tfidf);
    }
  }
  return {
    family,
    evaluated: ours.ranks.length,
    unchanged,
    negatives: ours.neg.length,
    score: stats(ours.ranks, ours.top1, ours.neg, ours.source, setup.threshold),
    tfidf: stats(base.ranks, base.top1, base.neg, [], Number.POSITIVE_INFINITY),
    top1: ours.top1,
  };
}
