// What an export kept and removed, filter by filter, for the manifest ("what the filters removed
// and why"). Each removed row is counted once, under the first filter that removed it, in the
// order of FILTER_ORDER.

export const FILTER_ORDER = [
  "no-gold-answer",
  "contaminated",
  "not-correct",
  "multi-boxed",
  "solution-too-short",
  "solution-too-long",
  "problem-too-long",
  "arithmetic",
  "duplicate",
  "downsampled",
] as const;
export type FilterName = (typeof FILTER_ORDER)[number];

export const FILTER_WHY: Record<FilterName, string> = {
  "no-gold-answer": "the problem has no gold answer (no label, or no answer to vote on), so the row would go out with an empty expected_answer",
  contaminated: "the problem is marked contaminated or flagged by decontamination",
  "not-correct": "our verdict is not 'equal' (wrong, no answer, undecided or not graded yet)",
  "multi-boxed": "the solution has more than one \\boxed{}",
  "solution-too-short": "the solution (after trimming) is shorter than the minimum characters",
  "solution-too-long": "the solution (after trimming) has more than the maximum tokens (approximate)",
  "problem-too-long": "the problem has more than the maximum tokens (approximate)",
  arithmetic: "a simple 'a op b = c' step of the solution is wrong",
  duplicate: "an exact duplicate of an earlier (problem, solution) pair",
  downsampled: "left out by fair downsampling to the row limit",
};

const MAX_EXAMPLES = 5;

export interface RemovedCount {
  count: number;
  why: string;
  examples: { sampleId: number; reason: string }[];
}

export class ExportStats {
  scanned = 0;
  kept = 0;
  trimmed = 0;
  readonly removed = new Map<FilterName, RemovedCount>();
  readonly perSource = new Map<string, number>();

  remove(filter: FilterName, sampleId: number, reason: string | null, count = 1): void {
    let entry = this.removed.get(filter);
    if (!entry) {
      entry = { count: 0, why: FILTER_WHY[filter], examples: [] };
      this.removed.set(filter, entry);
    }
    entry.count += count;
    if (reason && entry.examples.length < MAX_EXAMPLES) entry.examples.push({ sampleId, reason });
  }

  keep(source: string): void {
    this.kept++;
    this.perSource.set(source, (this.perSource.get(source) ?? 0) + 1);
  }

  /** After fair downsampling: the rows actually written, per source. */
  setPicked(perSource: [string, number][]): void {
    this.perSource.clear();
    this.kept = 0;
    for (const [source, n] of perSource) {
      this.perSource.set(source, n);
      this.kept += n;
    }
  }

  removedJson(): Record<string, RemovedCount> {
    const out: Record<string, RemovedCount> = {};
    for (const name of FILTER_ORDER) {
      const entry = this.removed.get(name);
      if (entry) out[name] = entry;
    }
    return out;
  }

  perSourceJson(): Record<string, number> {
    return Object.fromEntries([...this.perSource.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]));
  }
}
