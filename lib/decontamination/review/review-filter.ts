// What the decontamination review queue shows, read from the URL (so a funnel stage can link to
// its slice of the queue and a view can be shared). Pure: no database, no Next.js.
//
// The queue walks statuses in priority order (flagged first: a machine said "contaminated"; then
// judge failures; then candidates), by id within a status, one problem at a time.
import { CONTAMINATION_STATUSES, type ContaminationName } from "@/lib/solutions/solution-view";
import { parseDbId } from "@/lib/http/parse-id";

export const QUEUE_ORDER: readonly ContaminationName[] = ["flagged", "judge_failed", "candidate", "unsure", "contaminated", "cleared", "clean", "unchecked"];
/** The default queue: problems a person still has to look at. */
export const UNDECIDED: readonly ContaminationName[] = ["flagged", "judge_failed", "candidate"];
/** Problems that had a close pair, decided or not (clean/unchecked ones never have one). */
export const WITH_CLOSE_PAIRS: readonly ContaminationName[] = ["flagged", "judge_failed", "candidate", "unsure", "contaminated", "cleared"];

/**
 * Pair conditions, each on at least one of the problem's pairs (scoped to a benchmark set or item
 * when given): any pair; close (exact, or score/embedding at or above the thresholds); answered in
 * both orders; a failed answer; flagged by a machine (exact or a "True"); and, for the whole
 * problem, judged clean (it has close pairs and every one got False in both orders).
 */
export const PAIR_FILTERS = ["any", "close", "judged", "judge_failed", "machine_flagged", "judged_clean"] as const;
export type PairFilter = (typeof PAIR_FILTERS)[number];

export interface ReviewFilter {
  statuses: ContaminationName[];
  pair: PairFilter;
  /** Synthetic set id. */
  set: number | null;
  /** Benchmark set id: only pairs against it count. */
  benchmarkSet: number | null;
  /** Benchmark problem id: only pairs with it count. */
  benchmark: number | null;
}

export const DEFAULT_REVIEW_FILTER: ReviewFilter = { statuses: [...UNDECIDED], pair: "any", set: null, benchmarkSet: null, benchmark: null };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const positiveInt = (v: string | undefined) => parseDbId(v);

export function parseReviewFilter(params: Params): ReviewFilter {
  const statusText = first(params.status);
  let statuses = [...UNDECIDED];
  if (statusText === "all") statuses = [...QUEUE_ORDER];
  else if (statusText) {
    const picked = statusText.split(",").filter((s): s is ContaminationName => (CONTAMINATION_STATUSES as readonly string[]).includes(s));
    if (picked.length) statuses = picked;
  }
  const pairText = first(params.pair);
  const pair = (PAIR_FILTERS as readonly string[]).includes(pairText ?? "") ? (pairText as PairFilter) : "any";
  return {
    // Queue order, whatever order the URL gave.
    statuses: QUEUE_ORDER.filter((s) => statuses.includes(s)),
    pair,
    set: positiveInt(first(params.set)),
    benchmarkSet: positiveInt(first(params.benchmarkSet)),
    benchmark: positiveInt(first(params.benchmark)),
  };
}

/** The URL query of a filter (defaults left out), plus extra keys such as the current problem. */
export function reviewFilterQuery(filter: Partial<ReviewFilter>, extra: Record<string, string | number> = {}): string {
  const f = { ...DEFAULT_REVIEW_FILTER, ...filter };
  const q = new URLSearchParams();
  const sameAsDefault = f.statuses.length === UNDECIDED.length && f.statuses.every((s) => UNDECIDED.includes(s));
  if (!sameAsDefault) q.set("status", f.statuses.length === QUEUE_ORDER.length ? "all" : f.statuses.join(","));
  if (f.pair !== "any") q.set("pair", f.pair);
  if (f.set) q.set("set", String(f.set));
  if (f.benchmarkSet) q.set("benchmarkSet", String(f.benchmarkSet));
  if (f.benchmark) q.set("benchmark", String(f.benchmark));
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  // Commas are legal in a query string; keeping them makes shared addresses readable.
  const text = q.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}

export function describeReviewFilter(filter: ReviewFilter, names: { set?: string; benchmarkSet?: string } = {}): string {
  const parts: string[] = [filter.statuses.length === QUEUE_ORDER.length ? "every status" : filter.statuses.join(", ").replaceAll("_", " ")];
  const pair: Record<PairFilter, string> = {
    any: "",
    close: "with a close pair",
    judged: "with a pair the judge answered in both orders",
    judge_failed: "with a failed judge answer",
    machine_flagged: "flagged by an exact match or a True",
    judged_clean: "judged clean (False in both orders on every close pair)",
  };
  if (pair[filter.pair]) parts.push(pair[filter.pair]);
  if (filter.benchmarkSet) parts.push(`against ${names.benchmarkSet ?? `benchmark set #${filter.benchmarkSet}`}`);
  if (filter.benchmark) parts.push(`near benchmark problem #${filter.benchmark}`);
  if (filter.set) parts.push(`in ${names.set ?? `set #${filter.set}`}`);
  return parts.join(" · ");
}
