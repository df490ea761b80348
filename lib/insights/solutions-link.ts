// The one place that turns a chart's bar into a link to the filtered solutions table. It speaks the
// solutions browser's own URL format (lib/solutions/solution-view.ts: set, source, batch, model,
// verdict, contam, len=min-max, tok=min-max, agree=min-max, problem, answer), so a change there
// changes every chart link at once. Pure.
import { DEFAULT_SORT, emptyFilter, solutionViewParams, type ContaminationName, type VerdictName } from "@/lib/solutions/solution-view";

export interface SolutionsLinkFilter {
  setIds?: readonly number[];
  sources?: readonly string[];
  /** Batch 0 (imported samples) cannot be filtered on and is left out. */
  batchIds?: readonly number[];
  /** "" stands for samples without a model. */
  models?: readonly string[];
  verdicts?: readonly VerdictName[];
  contamination?: readonly ContaminationName[];
  length?: { min: number | null; max: number | null };
  /** Token ranges start at 0: "not counted" (-1) cannot be filtered on and is left out. */
  tokens?: { min: number | null; max: number | null };
  agreement?: { min: number | null; max: number | null };
  problemId?: number;
  answerKey?: string;
  /** Charts count generated solutions: their links say so, or the table would mix references in. */
  provenances?: readonly ("generated" | "reference")[];
}

export const SOLUTIONS_PATH = "/solutions";

export function solutionsLink(f: SolutionsLinkFilter): string {
  const filter = emptyFilter();
  filter.setIds = [...(f.setIds ?? [])];
  filter.sources = [...(f.sources ?? [])];
  filter.batchIds = (f.batchIds ?? []).filter((id) => id > 0);
  filter.models = [...(f.models ?? [])];
  filter.verdicts = [...(f.verdicts ?? [])];
  filter.contamination = [...(f.contamination ?? [])];
  if (f.length) filter.length = { ...f.length };
  if (f.tokens && (f.tokens.min ?? 0) >= 0) filter.tokens = { ...f.tokens };
  if (f.agreement) filter.agreement = { ...f.agreement };
  if (f.problemId !== undefined) filter.problemId = f.problemId;
  if (f.answerKey !== undefined) filter.answerKey = f.answerKey;
  filter.provenances = [...(f.provenances ?? [])];
  const query = solutionViewParams({ filter, sort: DEFAULT_SORT, columns: null }).toString();
  return query ? `${SOLUTIONS_PATH}?${query}` : SOLUTIONS_PATH;
}

/** The review page of one problem (built by the review work; one click from "suspect gold"). */
export function problemLink(problemId: number): string {
  return `/problems/${problemId}`;
}

/** The provenance filter of every chart over generated solutions. */
export const GENERATED = ["generated"] as const;
