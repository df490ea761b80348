// How per-view cosines become one 0..1 score. Kept separate so the evaluation can show why each
// term exists.
//
// - text alone is what a lexical/embedding search sees: near-copies score close to 1.
// - skeleton near 1 means "same template": same words in the same order once numbers, names and
//   objects are masked. With the same numbers too it is almost surely the same problem; with other
//   numbers it is the "same template, changed numbers" case the recipe's embedding search misses,
//   which we want the judge to see, but below a verbatim copy.
// - numbers rescue heavy rewordings that keep every number.
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
