// How a (synthesized problem, benchmark problem) pair becomes one 0..1 score.
//
// Two scores, for two jobs:
// - combineScores: the cheap blend of per-view cosines used to FIND candidates (the approximate
//   pass over every touched benchmark problem). Its job is recall, not separation.
// - pairScore: the calibrated score of a shortlisted pair, from what a rephrasing keeps and a
//   same-topic look-alike does not (see PairFeatures). A logistic model whose weights were fitted
//   by `lib/decontamination/eval/fit-score.ts` on rewrites of half the GSM8K/MATH test problems
//   against matched GSM8K/MATH train problems; docs/decontamination.md states what a score means
//   (estimated precision at that score on the evaluation).
export type ViewScores = { text: number; skeleton: number; numbers: number };

export function combineViewScores(v: ViewScores): number {
  return combineScores(v.text, v.skeleton, v.numbers);
}

/** Same as combineViewScores without the object, for the hot loop over every touched problem. */
export function combineScores(text: number, skeleton: number, numbers: number): number {
  const template = skeleton * (0.8 + 0.2 * numbers);
  const lexical = text * (0.85 + 0.15 * numbers);
  const best = Math.max(template, lexical);
  // A blend term so that two weaker signals that agree outrank one moderate signal.
  const blend = 0.45 * text + 0.4 * skeleton + 0.15 * numbers;
  return Math.min(1, Math.max(best, 0.5 * best + 0.5 * blend));
}

/** Every signal of a pair, each 0..1. All IDF-weighted over the benchmark index. */
export type PairFeatures = {
  /** cosine of content words + word/number/operator 2- and 3-grams: near-copies */
  text: number;
  /** cosine of content-word unigrams only: survives synonym swaps and reordered clauses */
  words: number;
  /** share of the benchmark problem's content words (IDF mass) present in the synthesized one:
   * survives added distractor sentences and filler, which only lower the cosine */
  coverage: number;
  /** cosine of n-grams with numbers, names and objects masked: same template */
  skeleton: number;
  /** cosine of the number sets (0.5 when neither has numbers) */
  numbers: number;
  /** share of the benchmark problem's numbers (IDF mass) present: a rephrasing keeps them all */
  numberCoverage: number;
  /** cosine of the content words of the asking sentence: the target quantity */
  question: number;
  /** how much rare evidence is shared at all: 1 - exp(-shared rare words / 8) */
  evidence: number;
  /** 1 when both answers are known and equal */
  answer: number;
};

export const FEATURE_NAMES = [
  "text",
  "words",
  "coverage",
  "skeleton",
  "numbers",
  "numberCoverage",
  "question",
  "evidence",
  "skeleton*numberCoverage",
  "words*numberCoverage",
  "coverage*question",
  "skeleton^4",
  "text^4",
] as const;

/** The model's inputs (without the answer, which is a separate fitted bonus). */
export function featureVector(f: PairFeatures): number[] {
  return [
    f.text,
    f.words,
    f.coverage,
    f.skeleton,
    f.numbers,
    f.numberCoverage,
    f.question,
    f.evidence,
    f.skeleton * f.numberCoverage,
    f.words * f.numberCoverage,
    f.coverage * f.question,
    // Sharp terms: only a near-complete match of the template / wording counts much here, which is
    // what tells "the same problem with other numbers" from a sibling of the same textbook type.
    f.skeleton ** 4,
    f.text ** 4,
  ];
}

export type ScoreModel = { bias: number; weights: number[]; answerBonus: number };

// Fitted by lib/decontamination/eval/fit-score.ts (see docs/decontamination.md, "The score").
export const SCORE_MODEL: ScoreModel = {
  bias: -5.521,
  // text, words, coverage, skeleton, numbers, numberCoverage, question, evidence,
  // skeleton*numberCoverage, words*numberCoverage, coverage*question, skeleton^4, text^4
  weights: [2.778, -0.359, 0.968, 4.067, 2.538, -0.252, 1.551, 2.792, 0.942, 1.073, 0.192, 1.533, 0.119],
  answerBonus: 3.997,
};

/** Same terms as featureVector, without allocating it: this runs for every shortlisted pair. */
export function pairLogit(f: PairFeatures, model: ScoreModel = SCORE_MODEL): number {
  const w = model.weights;
  return (
    model.bias +
    w[0] * f.text +
    w[1] * f.words +
    w[2] * f.coverage +
    w[3] * f.skeleton +
    w[4] * f.numbers +
    w[5] * f.numberCoverage +
    w[6] * f.question +
    w[7] * f.evidence +
    w[8] * f.skeleton * f.numberCoverage +
    w[9] * f.words * f.numberCoverage +
    w[10] * f.coverage * f.question +
    w[11] * f.skeleton ** 4 +
    w[12] * f.text ** 4 +
    model.answerBonus * f.answer
  );
}

export function pairScore(f: PairFeatures, model: ScoreModel = SCORE_MODEL): number {
  return 1 / (1 + Math.exp(-pairLogit(f, model)));
}
