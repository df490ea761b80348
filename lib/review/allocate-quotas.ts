// How many items each stratum contributes to a review queue of a chosen size.
// "equal": every stratum the same share (what per-stratum error estimates need: a small stratum
// still gets enough items), a stratum with fewer solutions gives them all and the rest is shared
// out again among the others; "proportional": shares follow the strata's sizes (largest remainder).
export type Allocation = "equal" | "proportional";

export interface StratumSize {
  stratum: string;
  count: number;
}

export function allocateQuotas(strata: StratumSize[], size: number, allocation: Allocation): Map<string, number> {
  const quotas = new Map<string, number>(strata.map((s) => [s.stratum, 0]));
  const total = strata.reduce((sum, s) => sum + s.count, 0);
  if (size >= total) {
    for (const s of strata) quotas.set(s.stratum, s.count);
    return quotas;
  }
  if (allocation === "proportional") {
    const exact = strata.map((s) => ({ s, share: (s.count / total) * size }));
    let given = 0;
    for (const { s, share } of exact) {
      quotas.set(s.stratum, Math.floor(share));
      given += Math.floor(share);
    }
    // Ties broken by name so the same input always gives the same queue.
    const byRemainder = [...exact].sort((a, b) => b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) || a.s.stratum.localeCompare(b.s.stratum));
    for (const { s } of byRemainder) {
      if (given >= size) break;
      quotas.set(s.stratum, (quotas.get(s.stratum) ?? 0) + 1);
      given++;
    }
    return quotas;
  }
  // Equal shares, water-filling: the smallest strata are exhausted first.
  let left = size;
  const open = [...strata].sort((a, b) => a.count - b.count || a.stratum.localeCompare(b.stratum));
  while (left > 0 && open.length > 0) {
    const share = Math.floor(left / open.length);
    if (share === 0) {
      // Fewer items left than strata: one each to the largest, by name on ties.
      const largest = [...open].sort((a, b) => b.count - (quotas.get(b.stratum) ?? 0) - (a.count - (quotas.get(a.stratum) ?? 0)) || a.stratum.localeCompare(b.stratum));
      for (const s of largest.slice(0, left)) quotas.set(s.stratum, (quotas.get(s.stratum) ?? 0) + 1);
      break;
    }
    const next: StratumSize[] = [];
    let given = 0;
    for (const s of open) {
      const have = quotas.get(s.stratum) ?? 0;
      const take = Math.min(share, s.count - have);
      quotas.set(s.stratum, have + take);
      given += take;
      if (have + take < s.count) next.push(s);
    }
    left -= given;
    open.splice(0, open.length, ...next);
  }
  return quotas;
}
