// Fits the score's weights (scoring.ts SCORE_MODEL): `node --import tsx lib/decontamination/eval/fit-score.ts [--per-set N]`
//
// Logistic regression on pairs. Positives: (rewrite, its source) for the FIT families on the fit
// half of the GSM8K/MATH test problems. Negatives: the other shortlisted candidates of those
// rewrites (so the source is ranked first), and the top candidates of matched unrelated problems
// (GSM8K train; MATH train of the same subject and level), the hardest look-alikes the retriever
// finds. Classes are weighted equally, so the fitted probability is P(rephrasing | pair) at a 1:1
// prior. Two rounds: the second re-ranks with the first model, so negatives are the candidates the
// model itself would put on top. The held-out families and the other half of the sources are only
// used by the evaluation. Prints the model to paste into scoring.ts.
import { pathToFileURL } from "node:url";
import { sameAnswer, canonicalAnswer } from "@/lib/decontamination/answer";
import { type BenchmarkItem, buildBenchmarkIndex } from "@/lib/decontamination/benchmark-index";
import { loadBenchmarkItems, loadMathTestMeta, loadTrainProblems } from "@/lib/decontamination/eval/load-benchmarks";
import { seedFor } from "@/lib/decontamination/eval/prng";
import { sampleItems } from "@/lib/decontamination/eval/recall-eval";
import { HELD_OUT_FAMILIES, REWRITE_FAMILY_NAMES, rewrite } from "@/lib/decontamination/eval/rewrite-rules";
import { matchNegatives } from "@/lib/decontamination/eval/separation-eval";
import { normalizeForExactMatch } from "@/lib/decontamination/normalize";
import { rankPairs } from "@/lib/decontamination/retrieve";
import { FEATURE_NAMES, featureVector, SCORE_MODEL, type ScoreModel } from "@/lib/decontamination/scoring";
import { sharedDataPath } from "@/tests/support/shared-data";

/** The fit half: a stable split by key, so the evaluation can use the other half. */
export function isFitSource(item: { setName: string; key: string }): boolean {
  return seedFor(3, `${item.setName}:${item.key}`) % 2 === 0;
}

type Row = { x: number[]; y: number; w: number };

/** Weighted logistic regression by Adam on the full batch, small L2. */
export function fitLogistic(rows: Row[], iterations = 600, l2 = 1e-3): { bias: number; weights: number[] } {
  const k = rows[0]?.x.length ?? 0;
  const theta = new Float64Array(k + 1);
  const m = new Float64Array(k + 1);
  const v = new Float64Array(k + 1);
  const totalW = rows.reduce((a, r) => a + r.w, 0);
  for (let it = 1; it <= iterations; it++) {
    const grad = new Float64Array(k + 1);
    for (const r of rows) {
      let z = theta[0];
      for (let i = 0; i < k; i++) z += theta[i + 1] * r.x[i];
      const err = (1 / (1 + Math.exp(-z)) - r.y) * r.w;
      grad[0] += err;
      for (let i = 0; i < k; i++) grad[i + 1] += err * r.x[i];
    }
    for (let i = 0; i <= k; i++) {
      const g = grad[i] / totalW + (i > 0 ? l2 * theta[i] : 0);
      m[i] = 0.9 * m[i] + 0.1 * g;
      v[i] = 0.999 * v[i] + 0.001 * g * g;
      theta[i] -= (0.05 * (m[i] / (1 - 0.9 ** it))) / (Math.sqrt(v[i] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return { bias: theta[0], weights: Array.from(theta.slice(1)) };
}

export async function fitScore(perSet = 600): Promise<ScoreModel & { answerRate: number }> {
  const dir = sharedDataPath();
  const items = loadBenchmarkItems(dir);
  const index = buildBenchmarkIndex(items);
  const cls = index.items.map((i) => normalizeForExactMatch(i.text));
  const docOfId = new Map(index.items.map((it, d) => [it.id, d]));
  const fitItems = items.filter((i) => (i.setName === "gsm8k" || i.setName === "math") && isFitSource(i));
  const sources: BenchmarkItem[] = sampleItems(fitItems, { gsm8k: perSet, math: perSet });
  const negatives = matchNegatives(sources, loadTrainProblems(dir, "gsm8k"), loadTrainProblems(dir, "math"), loadMathTestMeta(dir));
  const families = REWRITE_FAMILY_NAMES.filter((f) => !HELD_OUT_FAMILIES.includes(f));

  let model: ScoreModel = SCORE_MODEL;
  let answerRate = 0;
  for (let round = 0; round < 2; round++) {
    const pos: Row[] = [];
    const neg: Row[] = [];
    let negPairs = 0;
    let negSameAnswer = 0;
    for (const family of families) {
      for (const s of sources) {
        const text = rewrite(s.text, family, `${s.setName}:${s.key}`);
        if (text === s.text) continue;
        const target = cls[docOfId.get(s.id)!];
        const pairs = rankPairs(index, text, { model }).filter((p) => !p.exactKind);
        const source = pairs.find((p) => cls[p.doc] === target);
        if (source) pos.push({ x: featureVector(source.features), y: 1, w: 1 });
        for (const p of pairs.filter((p) => cls[p.doc] !== target).slice(0, 3)) neg.push({ x: featureVector(p.features), y: 0, w: 0.5 });
      }
    }
    for (const p of new Map([...negatives.values()].map((n) => [n.key, n])).values()) {
      const pairs = rankPairs(index, p.text, { model });
      if (pairs[0]?.exactKind) continue; // a real duplicate between train and test
      for (const q of pairs.slice(0, 5)) {
        neg.push({ x: featureVector(q.features), y: 0, w: 2 });
        negPairs++;
        negSameAnswer += sameAnswer(canonicalAnswer(p.answer), index.answers[q.doc]);
      }
    }
    // Equal total weight per class: the output is a probability at a 1:1 prior.
    const wp = pos.reduce((a, r) => a + r.w, 0);
    const wn = neg.reduce((a, r) => a + r.w, 0);
    for (const r of neg) r.w *= wp / wn;
    const fitted = fitLogistic([...pos, ...neg]);
    answerRate = negPairs ? negSameAnswer / negPairs : 0;
    // Answer bonus: log-likelihood ratio of "same answer" between rephrasings (assumed 0.8: the
    // majority label of a rephrasing's solutions matches the gold most of the time) and the
    // look-alikes the retriever shortlists (measured), under independence from the text signals.
    const answerBonus = Math.log(0.8 / Math.max(answerRate, 0.01));
    model = { ...fitted, answerBonus };
    console.error(`round ${round + 1}: ${pos.length} positive, ${neg.length} negative pairs; same answer among look-alikes ${(100 * answerRate).toFixed(1)}%`);
  }
  return { ...model, answerRate };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const i = process.argv.indexOf("--per-set");
  const m = await fitScore(i >= 0 ? Number(process.argv[i + 1]) : undefined);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  console.log(`// ${FEATURE_NAMES.map((n, j) => `${n}=${r(m.weights[j])}`).join(", ")}`);
  console.log(`export const SCORE_MODEL: ScoreModel = {\n  bias: ${r(m.bias)},\n  weights: [${m.weights.map(r).join(", ")}],\n  answerBonus: ${r(m.answerBonus)},\n};`);
}
