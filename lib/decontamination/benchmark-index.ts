// Inverted index over benchmark problems. Everything is flat typed arrays (CSR postings and
// per-problem feature lists) plus one feature dictionary, so 12K problems build in about a second
// and the index can be rebuilt in each worker thread instead of being copied.
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { canonicalAnswer } from "@/lib/decontamination/answer";
import { extractViews, VIEW_COUNT, VIEW_NAMES, type ViewFeatures } from "@/lib/decontamination/views";

// Chosen on the evaluation (docs/decontamination.md): the prior weighs as much as ~4.7 skeleton
// n-grams of the highest IDF. Expressed relative to the corpus so small indexes behave the same.
export const DEFAULT_SKELETON_PRIOR_FEATURES = 4.7;

/** `answer`: the benchmark's gold answer when known; a synthesized problem with the same answer gets credit. */
export type BenchmarkItem = { id: number; setName: string; key: string; text: string; answer?: string };

export type BenchmarkIndexOptions = {
  /**
   * Features shared by more than this fraction of benchmark problems are not used to *find*
   * candidates (they would touch most of the index), only to score the shortlist exactly.
   */
  maxCandidateDfFraction?: number;
  /** How many candidates are rescored exactly after the approximate pass. */
  shortlistSize?: number;
  /**
   * Pseudo-norm added to both skeleton norms (see retrieve.ts), in units of the rarest feature's
   * weight: shrinks matches of short templates.
   */
  skeletonPriorFeatures?: number;
};

export type BenchmarkIndex = {
  items: BenchmarkItem[];
  size: number;
  featureIds: Map<string, number>;
  featureNames: string[];
  /** view index (0 text, 1 skeleton, 2 numbers, 3 question) of each feature */
  featureView: Uint8Array;
  /** 1 for text-view word unigrams (the paraphrase-tolerant part of the text view) */
  featureUnigram: Uint8Array;
  df: Int32Array;
  /** squared IDF: the contribution of a shared feature to a dot product */
  idf2: Float64Array;
  /** squared IDF given to features never seen in the benchmark (they only enlarge the norm) */
  unseenIdf2: number;
  postingStart: Int32Array;
  postingDocs: Int32Array;
  docFeatureStart: Int32Array;
  /** each problem's feature ids, sorted ascending */
  docFeatures: Int32Array;
  /** per problem and view: the norm of its IDF vector (index doc * VIEW_COUNT + view) */
  docNorm: Float64Array;
  /** per problem: squared norm of its text-view word unigrams */
  docUnigramNorm2: Float64Array;
  /** per problem: its gold answer in canonical form ("" when unknown) */
  answers: string[];
  /** recipe exact form -> problem indexes */
  exactVerbatim: Map<string, number[]>;
  /** retrieval-token form (LaTeX, number formats, plurals unified) -> problem indexes */
  exactTokens: Map<string, number[]>;
  maxCandidateDf: number;
  shortlistSize: number;
  /** the pseudo-norm itself (from skeletonPriorFeatures) */
  skeletonPrior: number;
  /** the options it was built with, so a worker thread can rebuild the same index */
  options: BenchmarkIndexOptions;
};

/** Retrieval-token form: equal for two spellings of the same problem (LaTeX, number formats). */
export function tokenSignature(text: string): string {
  return extractViews(text).signature;
}

function pushToMap(map: Map<string, number[]>, key: string, doc: number): void {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(doc);
  else map.set(key, [doc]);
}

export function buildBenchmarkIndex(items: BenchmarkItem[], options: BenchmarkIndexOptions = {}): BenchmarkIndex {
  const featureIds = new Map<string, number>();
  const featureNames: string[] = [];
  const featureViewList: number[] = [];
  const unigramList: number[] = [];
  const dfList: number[] = [];
  const perDoc: Int32Array[] = [];
  const exactVerbatim = new Map<string, number[]>();
  const exactTokens = new Map<string, number[]>();

  items.forEach((item, doc) => {
    const views: ViewFeatures = extractViews(item.text);
    const ids: number[] = [];
    VIEW_NAMES.forEach((view, v) => {
      for (const f of views[view]) {
        let id = featureIds.get(f);
        if (id === undefined) {
          id = featureNames.length;
          featureIds.set(f, id);
          featureNames.push(f);
          featureViewList.push(v);
          unigramList.push(v === 0 && !f.includes(" ") ? 1 : 0);
          dfList.push(0);
        }
        dfList[id]++;
        ids.push(id);
      }
    });
    perDoc.push(Int32Array.from(ids).sort());
    pushToMap(exactVerbatim, normalizeForExactMatch(item.text), doc);
    pushToMap(exactTokens, views.signature, doc);
  });

  const n = items.length;
  const featureCount = featureNames.length;
  const df = Int32Array.from(dfList);
  const idf2 = new Float64Array(featureCount);
  for (let f = 0; f < featureCount; f++) {
    const idf = Math.log(1 + n / df[f]);
    idf2[f] = idf * idf;
  }
  const unseenIdf = Math.log(1 + Math.max(n, 1));

  const postingStart = new Int32Array(featureCount + 1);
  for (let f = 0; f < featureCount; f++) postingStart[f + 1] = postingStart[f] + df[f];
  const postingDocs = new Int32Array(postingStart[featureCount]);
  const fill = postingStart.slice(0, featureCount);
  const docFeatureStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) docFeatureStart[d + 1] = docFeatureStart[d] + perDoc[d].length;
  const docFeatures = new Int32Array(docFeatureStart[n]);
  const docNorm = new Float64Array(n * VIEW_COUNT);
  const featureView = Uint8Array.from(featureViewList);
  const featureUnigram = Uint8Array.from(unigramList);
  const docUnigramNorm2 = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    const ids = perDoc[d];
    docFeatures.set(ids, docFeatureStart[d]);
    for (const f of ids) {
      postingDocs[fill[f]++] = d;
      docNorm[d * VIEW_COUNT + featureView[f]] += idf2[f];
      if (featureUnigram[f]) docUnigramNorm2[d] += idf2[f];
    }
  }
  for (let i = 0; i < docNorm.length; i++) docNorm[i] = Math.sqrt(docNorm[i]);

  return {
    items,
    size: n,
    featureIds,
    featureNames,
    featureView,
    featureUnigram,
    df,
    idf2,
    unseenIdf2: unseenIdf * unseenIdf,
    postingStart,
    postingDocs,
    docFeatureStart,
    docFeatures,
    docNorm,
    docUnigramNorm2,
    answers: items.map((i) => canonicalAnswer(i.answer)),
    exactVerbatim,
    exactTokens,
    maxCandidateDf: Math.max(50, Math.floor((options.maxCandidateDfFraction ?? 0.02) * n)),
    shortlistSize: options.shortlistSize ?? 40,
    skeletonPrior: Math.sqrt(options.skeletonPriorFeatures ?? DEFAULT_SKELETON_PRIOR_FEATURES) * unseenIdf,
    options,
  };
}
