// How much reviewers agree on the items they both (or all) reviewed. Two reviewers: Cohen's kappa,
// agreement corrected for what their own label frequencies would give by chance
// (kappa = (observed - expected) / (1 - expected)). Three or more: the share of items on which
// every reviewer gave the same label (kappa has no single pairwise meaning there).
export interface KappaResult {
  /** null when it is undefined: no shared items, or both used one and the same label throughout. */
  kappa: number | null;
  observed: number | null;
  expected: number | null;
  items: number;
}

export function cohensKappa(pairs: readonly (readonly [string, string])[]): KappaResult {
  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: null, expected: null, items: 0 };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [label, count] of first) expected += (count / n) * ((second.get(label) ?? 0) / n);
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, items: n };
}

export interface UnanimityResult {
  /** Items with at least two labels. */
  items: number;
  unanimous: number;
  share: number | null;
}

export function unanimousShare(labelsPerItem: readonly (readonly string[])[]): UnanimityResult {
  let items = 0;
  let unanimous = 0;
  for (const labels of labelsPerItem) {
    if (labels.length < 2) continue;
    items++;
    if (labels.every((label) => label === labels[0])) unanimous++;
  }
  return { items, unanimous, share: items ? unanimous / items : null };
}

export interface QueueAgreement {
  reviewers: number;
  unanimity: UnanimityResult;
  /** Only when exactly two reviewers labelled items of the queue. */
  kappa: KappaResult | null;
}

/** labels: one map per item, reviewer id → that reviewer's standing label. */
export function summarizeAgreement(labels: readonly ReadonlyMap<number, string>[]): QueueAgreement {
  const reviewers = new Set<number>();
  for (const item of labels) for (const id of item.keys()) reviewers.add(id);
  const unanimity = unanimousShare(labels.map((item) => [...item.values()]));
  if (reviewers.size !== 2) return { reviewers: reviewers.size, unanimity, kappa: null };
  const [a, b] = [...reviewers].sort((x, y) => x - y);
  const pairs: [string, string][] = [];
  for (const item of labels) {
    const la = item.get(a);
    const lb = item.get(b);
    if (la !== undefined && lb !== undefined) pairs.push([la, lb]);
  }
  return { reviewers: 2, unanimity, kappa: cohensKappa(pairs) };
}
