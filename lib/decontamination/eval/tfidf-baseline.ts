// The baseline the score must beat: plain word uni+bigram TF-IDF cosine, as scikit-learn's
// TfidfVectorizer(ngram_range=(1, 2)) computes it by default (lowercase, tokens of 2+ word
// characters, raw term counts, smooth idf = ln((1+n)/(1+df)) + 1, L2-normalised; terms the index
// never saw are ignored). Exact cosine against every indexed problem through an inverted index.
export type TfidfIndex = {
  size: number;
  termIds: Map<string, number>;
  idf: Float64Array;
  postingStart: Int32Array;
  postingDocs: Int32Array;
  /** the document's normalised weight of the term at the same posting */
  postingWeights: Float64Array;
};

function terms(text: string): string[] {
  const words = text.toLowerCase().match(/\b\w\w+\b/g) ?? [];
  const out = [...words];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

export function buildTfidfIndex(texts: string[]): TfidfIndex {
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const docs = texts.map((t) => {
    const c = counts(terms(t));
    for (const term of c.keys()) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = df.length;
        termIds.set(term, id);
        df.push(0);
      }
      df[id]++;
    }
    return c;
  });
  const n = texts.length;
  const idf = Float64Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  const postingStart = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) postingStart[t + 1] = postingStart[t] + df[t];
  const postingDocs = new Int32Array(postingStart[df.length]);
  const postingWeights = new Float64Array(postingStart[df.length]);
  const fill = postingStart.slice(0, df.length);
  docs.forEach((c, d) => {
    let norm = 0;
    for (const [term, tf] of c) norm += (tf * idf[termIds.get(term)!]) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (const [term, tf] of c) {
      const id = termIds.get(term)!;
      postingDocs[fill[id]] = d;
      postingWeights[fill[id]++] = (tf * idf[id]) / norm;
    }
  });
  return { size: n, termIds, idf, postingStart, postingDocs, postingWeights };
}

/** The top-k indexed problems by cosine, best first. */
export function tfidfTop(index: TfidfIndex, text: string, topK = 5): { doc: number; score: number }[] {
  const q = new Map<number, number>();
  for (const [term, tf] of counts(terms(text))) {
    const id = index.termIds.get(term);
    if (id !== undefined) q.set(id, tf * index.idf[id]);
  }
  let norm = 0;
  for (const w of q.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return [];
  const acc = new Float64Array(index.size);
  for (const [id, w] of q) {
    const qw = w / norm;
    for (let p = index.postingStart[id]; p < index.postingStart[id + 1]; p++) acc[index.postingDocs[p]] += qw * index.postingWeights[p];
  }
  const top: { doc: number; score: number }[] = [];
  for (let d = 0; d < acc.length; d++) {
    const s = acc[d];
    if (s <= 0 || (top.length === topK && s <= top[topK - 1].score)) continue;
    top.push({ doc: d, score: Math.min(1, s) });
    top.sort((a, b) => b.score - a.score || a.doc - b.doc);
    if (top.length > topK) top.pop();
  }
  return top;
}
