// What an export kept and removed, filter by filter, for the manifest ("what the filters removed
// and why"). Each removed row is counted once, under the first filter that removed it, in the
// order of FILTER_ORDER. Reference solutions left out by default are not a filter's doing: they
// are counted apart (`referencesLeftOut`), before any filter looks at the row.
import type { Provenance } from "@/lib/datasets/formats/dataset-format";

export const FILTER_ORDER = [
  "no-gold-answer",
  "contaminated",
  "near-duplicate",
  "not-correct",
  "no-boxed",
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
  "near-duplicate": "the problem is a near-duplicate of another problem of its cluster, marked by keep one per cluster",
  "not-correct": "our verdict is not 'equal' (wrong, no answer, undecided or not graded yet)",
  "no-boxed": "no boxed answer: the solution has no \\boxed{}",
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
  /** Rows written, by provenance (after downsampling: the rows actually written). */
  readonly perProvenance = { generated: 0, reference: 0 };
  /** Reference solutions in scope that stayed out because references were not asked for. */
  referencesLeftOut = 0;
  readonly referenceExamples: number[] = [];

  leaveOutReference(sampleId: number): void {
    this.referencesLeftOut++;
    if (this.referenceExamples.length < MAX_EXAMPLES) this.referenceExamples.push(sampleId);
  }

  remove(filter: FilterName, sampleId: number, reason: string | null, count = 1): void {
    let entry = this.removed.get(filter);
    if (!entry) {
      entry = { count: 0, why: FILTER_WHY[filter], examples: [] };
      this.removed.set(filter, entry);
    }
    entry.count += count;
    if (reason && entry.examples.length < MAX_EXAMPLES) entry.examples.push({ sampleId, reason });
  }

  keep(source: string, provenance: Provenance): void {
    this.kept++;
    this.perSource.set(source, (this.perSource.get(source) ?? 0) + 1);
    this.perProvenance[provenance]++;
  }

  /** After fair downsampling: the rows actually written, per source. */
  setPicked(picked: { source: string; provenance: Provenance; n: number }[]): void {
    this.perSource.clear();
    this.kept = 0;
    this.perProvenance.generated = 0;
    this.perProvenance.reference = 0;
    for (const { source, provenance, n } of picked) {
      this.perSource.set(source, (this.perSource.get(source) ?? 0) + n);
      this.perProvenance[provenance] += n;
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
