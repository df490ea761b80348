// Stage 1 of decontamination: for one synthesized problem, the top-k most similar benchmark
// problems with a 0..1 score and the evidence a reviewer (or the LLM judge) needs.
//
// Two passes: (1) accumulate IDF-weighted overlaps through the postings of the problem's rarer
// features, which touches only benchmark problems that share something distinctive; (2) rescore a
// shortlist exactly by merging sorted feature lists, which adds back the common features.
import type { BenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { canonicalAnswer, sameAnswer } from "@/lib/decontamination/answer";
import { combineScores, type PairFeatures, pairScore, type ScoreModel, SCORE_MODEL } from "@/lib/decontamination/scoring";
import { extractViews, VIEW_COUNT, VIEW_NAMES, type ViewFeatures } from "@/lib/decontamination/views";

/**
 * Pairs scoring at or above this go to the LLM judge. The score is a fitted probability of "this
 * pair is a rephrasing" at a 1:1 prior (scoring.ts), so 0.5 is even odds there; on the separation
 * evaluation (docs/decontamination.md) it keeps 96-100% of the rewrites of every family but the
 * free paraphrases while ~10% of same-topic unrelated problems reach it.
 */
export const DEFAULT_FLAG_THRESHOLD = 0.5;
export const DEFAULT_TOP_K = 5;

export type Candidate = {
  benchmarkId: number;
  setName: string;
  key: string;
  /** 0..1; 1 for exact matches */
  score: number;
  /** same text after the recipe's normalisation (or identical retrieval tokens): flag without a judge */
  exact: boolean;
  exactKind?: "verbatim" | "normalized";
  evidence: {
    /** shared word n-grams of the text view, most distinctive first */
    sharedNgrams: string[];
    sharedNumbers: string[];
    /** the score's signals (PairFeatures): text, skeleton, numbers, words, coverage, numberCoverage, question, evidence, answer */
    views: Record<string, number>;
  };
};

/**
 * `answer`: the synthesized problem's answer when known (the majority label of its solutions, or a
 * reference solution's gold); a benchmark problem with the same gold answer gets the answer bonus.
 */
export type RetrieveOptions = { topK?: number; maxEvidence?: number; answer?: string };

type Scratch = { acc: Float64Array; stamp: Int32Array; touched: Int32Array; generation: number };
const scratchByIndex = new WeakMap<BenchmarkIndex, Scratch>();

function scratchFor(index: BenchmarkIndex): Scratch {
  let s = scratchByIndex.get(index);
  if (!s) {
    s = {
      acc: new Float64Array(index.size * VIEW_COUNT),
      stamp: new Int32Array(index.size),
      touched: new Int32Array(index.size),
      generation: 0,
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

type Query = { ids: Int32Array; norm: Float64Array; unigramNorm: number; answer: string };

function prepareQuery(index: BenchmarkIndex, views: ViewFeatures, answer = ""): Query {
  const ids: number[] = [];
  const norm2 = new Float64Array(VIEW_COUNT);
  let unigram2 = 0;
  VIEW_NAMES.forEach((view, v) => {
    for (const f of views[view]) {
      const id = index.featureIds.get(f);
      const w = id === undefined ? index.unseenIdf2 : index.idf2[id];
      norm2[v] += w;
      if (v === 0 && !f.includes(" ")) unigram2 += w;
      if (id !== undefined) ids.push(id);
    }
  });
  return { ids: Int32Array.from(ids).sort(), norm: norm2.map(Math.sqrt), unigramNorm: Math.sqrt(unigram2), answer };
}

function cosine(dot: number, a: number, b: number): number {
  return a > 0 && b > 0 ? Math.min(1, dot / (a * b)) : 0;
}

/** Share of `own` squared norm matched by `dot` (containment of one side in the other). */
function coverageOf(dot: number, own2: number, neutral: number): number {
  return own2 > 0 ? Math.min(1, dot / own2) : neutral;
}

/**
 * Every signal of the pair (see PairFeatures). `dots` per view plus the unigram part of the text
 * view's dot product.
 */
function pairFeatures(index: BenchmarkIndex, q: Query, doc: number, dots: ArrayLike<number>, unigramDot: number): PairFeatures {
  const base = doc * VIEW_COUNT;
  const docNumbers2 = index.docNorm[base + 2] ** 2;
  return {
    text: cosine(dots[0], q.norm[0], index.docNorm[base]),
    // A prior on the skeleton norms: a short skeleton ("compute # ^ # in your head") matching is
    // weak evidence of the same problem, so short templates are shrunk towards 0.
    skeleton: cosine(dots[1], Math.hypot(q.norm[1], index.skeletonPrior), Math.hypot(index.docNorm[base + 1], index.skeletonPrior)),
    // Neither side has numbers: the numbers view is neutral rather than a mismatch.
    numbers: q.norm[2] === 0 && index.docNorm[base + 2] === 0 ? 0.5 : cosine(dots[2], q.norm[2], index.docNorm[base + 2]),
    words: cosine(unigramDot, q.unigramNorm, Math.sqrt(index.docUnigramNorm2[doc])),
    coverage: coverageOf(unigramDot, index.docUnigramNorm2[doc], 0),
    // A benchmark problem without numbers: neutral, unless the synthesized one brings numbers.
    numberCoverage: coverageOf(dots[2], docNumbers2, q.norm[2] === 0 ? 0.5 : 0.25),
    question: cosine(dots[3], q.norm[3], index.docNorm[base + 3]),
    evidence: 1 - Math.exp(-unigramDot / (8 * index.unseenIdf2)),
    answer: sameAnswer(q.answer, index.answers[doc]),
  };
}

/** Approximate pass: benchmark problems sharing distinctive features, best first. */
function shortlist(index: BenchmarkIndex, q: Query, size: number): number[] {
  const s = scratchFor(index);
  s.generation++;
  let touchedCount = 0;
  // The question view only rescores the shortlist (it repeats words of the text view); finding
  // candidates through its postings would only cost time.
  const order = Array.from(q.ids)
    .filter((f) => index.featureView[f] !== 3)
    .sort((a, b) => index.df[a] - index.df[b]);
  // Always use at least a few features, so a short problem made only of common words still finds
  // its candidates.
  const minFeatures = 12;
  for (let i = 0; i < order.length; i++) {
    const f = order[i];
    if (index.df[f] > index.maxCandidateDf && i >= minFeatures) break;
    const w = index.idf2[f];
    const v = index.featureView[f];
    for (let p = index.postingStart[f]; p < index.postingStart[f + 1]; p++) {
      const d = index.postingDocs[p];
      if (s.stamp[d] !== s.generation) {
        s.stamp[d] = s.generation;
        s.touched[touchedCount++] = d;
        // Four views (VIEW_COUNT): unrolled, this runs for every touched benchmark problem.
        const b = d * VIEW_COUNT;
        s.acc[b] = 0;
        s.acc[b + 1] = 0;
        s.acc[b + 2] = 0;
        s.acc[b + 3] = 0;
      }
      s.acc[d * VIEW_COUNT + v] += w;
    }
  }
  const scored: { doc: number; score: number }[] = [];
  let floor = -1;
  // viewScores() inlined: this loop runs for every touched benchmark problem.
  const qt = q.norm[0];
  const qs = Math.hypot(q.norm[1], index.skeletonPrior);
  const qn = q.norm[2];
  const prior = index.skeletonPrior;
  for (let i = 0; i < touchedCount; i++) {
    const d = s.touched[i];
    const base = d * VIEW_COUNT;
    const dn = index.docNorm[base + 2];
    const score = combineScores(
      cosine(s.acc[base], qt, index.docNorm[base]),
      cosine(s.acc[base + 1], qs, Math.hypot(index.docNorm[base + 1], prior)),
      qn === 0 && dn === 0 ? 0.5 : cosine(s.acc[base + 2], qn, dn),
    );
    if (scored.length >= size && score <= floor) continue;
    scored.push({ doc: d, score });
    // Keep the list bounded: trim to `size` whenever it doubles.
    if (scored.length >= size * 2) {
      scored.sort((a, b) => b.score - a.score);
      scored.length = size;
      floor = scored[size - 1].score;
    }
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, size).map((x) => x.doc);
}

/** Exact pass: merge the sorted feature lists, per view (dot products only; `dots` is reused). */
function rescore(index: BenchmarkIndex, q: Query, doc: number, scorer: (f: PairFeatures) => number, dots: Float64Array) {
  dots.fill(0);
  let unigramDot = 0;
  let i = 0;
  let j = index.docFeatureStart[doc];
  const end = index.docFeatureStart[doc + 1];
  while (i < q.ids.length && j < end) {
    const a = q.ids[i];
    const b = index.docFeatures[j];
    if (a === b) {
      dots[index.featureView[a]] += index.idf2[a];
      if (index.featureUnigram[a]) unigramDot += index.idf2[a];
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  const features = pairFeatures(index, q, doc, dots, unigramDot);
  return { doc, features, score: scorer(features) };
}

/** The features a pair shares (for the evidence of the pairs actually returned). */
function sharedFeatures(index: BenchmarkIndex, ids: Int32Array, doc: number): number[] {
  const shared: number[] = [];
  let i = 0;
  let j = index.docFeatureStart[doc];
  const end = index.docFeatureStart[doc + 1];
  while (i < ids.length && j < end) {
    const a = ids[i];
    const b = index.docFeatures[j];
    if (a === b) {
      shared.push(a);
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return shared;
}

function evidenceFrom(index: BenchmarkIndex, shared: number[], maxEvidence: number) {
  const ngrams = shared
    .filter((f) => index.featureView[f] === 0 && index.featureNames[f].includes(" "))
    .sort((a, b) => index.idf2[b] - index.idf2[a] || index.featureNames[b].length - index.featureNames[a].length);
  // Prefer trigrams over the bigrams they contain, so the list reads as phrases.
  const picked: string[] = [];
  for (const f of ngrams) {
    const text = index.featureNames[f].slice(2);
    if (picked.some((p) => p.includes(text))) continue;
    picked.push(text);
    if (picked.length >= maxEvidence) break;
  }
  const numbers = shared.filter((f) => index.featureView[f] === 2 && !index.featureNames[f].includes(" ")).map((f) => index.featureNames[f].slice(2));
  return { sharedNgrams: picked, sharedNumbers: numbers };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export type RankedPair = {
  doc: number;
  features: PairFeatures;
  score: number;
  exactKind?: "verbatim" | "normalized";
};

/**
 * The whole shortlist, rescored with every signal and ranked by `model` (exact matches first, at
 * score 1). retrieveCandidates cuts it to top-k; the evaluation and the fitting read it whole.
 */
export function rankPairs(
  index: BenchmarkIndex,
  problemText: string,
  options: { topK?: number; answer?: string; model?: ScoreModel; scorer?: (f: PairFeatures) => number } = {},
): RankedPair[] {
  return rankWithQuery(index, problemText, options).pairs;
}

function rankWithQuery(
  index: BenchmarkIndex,
  problemText: string,
  options: { topK?: number; answer?: string; model?: ScoreModel; scorer?: (f: PairFeatures) => number },
): { pairs: RankedPair[]; ids: Int32Array } {
  if (index.size === 0) return { pairs: [], ids: new Int32Array(0) };
  const topK = options.topK ?? DEFAULT_TOP_K;
  const views = extractViews(problemText);
  const q = prepareQuery(index, views, canonicalAnswer(options.answer));

  const exactKinds = new Map<number, "verbatim" | "normalized">();
  for (const d of index.exactTokens.get(views.signature) ?? []) exactKinds.set(d, "normalized");
  for (const d of index.exactVerbatim.get(normalizeForExactMatch(problemText)) ?? []) exactKinds.set(d, "verbatim");

  const docs = new Set(shortlist(index, q, Math.max(index.shortlistSize, topK * 2)));
  for (const d of exactKinds.keys()) docs.add(d);
  const model = options.model ?? SCORE_MODEL;
  const scorer = options.scorer ?? ((f: PairFeatures) => pairScore(f, model));
  const dots = new Float64Array(VIEW_COUNT);
  const rescored: RankedPair[] = [...docs].map((d) => rescore(index, q, d, scorer, dots));
  for (const r of rescored) {
    const kind = exactKinds.get(r.doc);
    if (kind) {
      r.score = 1;
      r.exactKind = kind;
    }
  }
  rescored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { pairs: rescored, ids: q.ids };
}

export function retrieveCandidates(index: BenchmarkIndex, problemText: string, options: RetrieveOptions = {}): Candidate[] {
  const topK = options.topK ?? DEFAULT_TOP_K;
  const maxEvidence = options.maxEvidence ?? 8;
  if (index.size === 0 || topK <= 0) return [];
  const { pairs: rescored, ids } = rankWithQuery(index, problemText, { topK, answer: options.answer });
  const exactCount = rescored.filter((r) => r.exactKind).length;

  return rescored.slice(0, Math.max(topK, exactCount)).map((r) => {
    const item = index.items[r.doc];
    const exactKind = r.exactKind;
    return {
      benchmarkId: item.id,
      setName: item.setName,
      key: item.key,
      score: round(r.score),
      exact: exactKind !== undefined,
      ...(exactKind ? { exactKind } : {}),
      evidence: {
        ...evidenceFrom(index, sharedFeatures(index, ids, r.doc), maxEvidence),
        views: Object.fromEntries(Object.entries(r.features).map(([k, x]) => [k, round(x)])),
      },
    };
  });
}
