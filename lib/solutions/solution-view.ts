// What the solutions browser shows: filters, sort and columns. The URL holds all of it, so a view
// can be shared by copying the address; parseSolutionView reads it back and names every value it
// had to ignore. Pure: no database, no Next.js.

import { PROVENANCES, type Provenance } from "@/lib/datasets/formats/dataset-format";

export { PROVENANCES };
export const VERDICTS = ["ungraded", "equal", "not_equal", "undecided", "no_answer"] as const;
export const REVIEW_STATUSES = ["unreviewed", "accepted", "rejected", "unsure"] as const;
export const CONTAMINATION_STATUSES = ["unchecked", "clean", "candidate", "judge_failed", "flagged", "contaminated", "cleared", "unsure"] as const;
export type VerdictName = (typeof VERDICTS)[number];
export type ReviewStatusName = (typeof REVIEW_STATUSES)[number];
export type ContaminationName = (typeof CONTAMINATION_STATUSES)[number];

/** Sorts served by an index on samples (see docs/review.md); nothing else can be sorted on. */
export const SORT_KEYS = ["id", "length", "tokens", "problem", "set", "batch", "model", "answer", "verdict", "review"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/** Every column of the solutions table, in default order: the ones a reviewer decides by first. */
export const COLUMN_IDS = [
  "problem",
  "verdict",
  "answer",
  "gold",
  "review",
  "provenance",
  "set",
  "batch",
  "rule",
  "length",
  "agreement",
  "contamination",
  "reviewer",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Shortest text the substring search accepts: trigram indexes need three characters. */
export const MIN_SEARCH_CHARS = 3;

export interface NumberRange {
  min: number | null;
  max: number | null;
}

export interface SolutionFilter {
  setIds: number[];
  sources: string[];
  batchIds: number[];
  models: string[];
  verdicts: VerdictName[];
  contamination: ContaminationName[];
  reviewStatuses: ReviewStatusName[];
  /** generated (a model wrote it) or reference (came with a problem file). */
  provenances: Provenance[];
  length: NumberRange;
  tokens: NumberRange;
  agreement: NumberRange;
  problemText: string | null;
  solutionText: string | null;
  /** "answer class = X": samples whose normalised answer is X ("" = no answer). */
  answerKey: string | null;
  problemId: number | null;
}

export interface SolutionView {
  filter: SolutionFilter;
  sort: { key: SortKey; direction: SortDirection };
  /** Visible columns in display order; null = the user's saved layout or the default. */
  columns: ColumnId[] | null;
  /** Keyset cursor: the page after or before this row. */
  after: string | null;
  before: string | null;
}

export const emptyRange = (): NumberRange => ({ min: null, max: null });

export function emptyFilter(): SolutionFilter {
  return {
    setIds: [],
    sources: [],
    batchIds: [],
    models: [],
    verdicts: [],
    contamination: [],
    reviewStatuses: [],
    provenances: [],
    length: emptyRange(),
    tokens: emptyRange(),
    agreement: emptyRange(),
    problemText: null,
    solutionText: null,
    answerKey: null,
    problemId: null,
  };
}

export const DEFAULT_SORT: SolutionView["sort"] = { key: "id", direction: "desc" };

/** URL parameter of each list filter (repeated: ?verdict=equal&verdict=not_equal). */
export const LIST_PARAMS = {
  setIds: "set",
  sources: "source",
  batchIds: "batch",
  models: "model",
  verdicts: "verdict",
  contamination: "contam",
  reviewStatuses: "review",
  provenances: "provenance",
} as const satisfies Partial<Record<keyof SolutionFilter, string>>;
export type ListFilterKey = keyof typeof LIST_PARAMS;

/** What people call each list filter: the facet headings of the solutions browser. */
export const FACET_LABELS: Record<ListFilterKey, string> = {
  setIds: "Set",
  sources: "Source",
  batchIds: "Batch",
  models: "Model",
  verdicts: "Verdict",
  contamination: "Contamination",
  reviewStatuses: "Review status",
  provenances: "Provenance",
};

const RANGE_PARAMS = { length: "len", tokens: "tok", agreement: "agree" } as const;
type RangeKey = keyof typeof RANGE_PARAMS;

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

function all(params: SearchParamsInput, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function first(params: SearchParamsInput, name: string): string | null {
  const values = all(params, name);
  return values.length ? values[0] : null;
}

const MAX_LIST_VALUES = 200;
const MAX_TEXT_CHARS = 500;

/** Reads a view from URL parameters. Values it cannot use are listed in `ignored`, never guessed. */
export function parseSolutionView(params: SearchParamsInput): { view: SolutionView; ignored: string[] } {
  const ignored: string[] = [];
  const filter = emptyFilter();
  const ints = (name: string, min: number) =>
    all(params, name).flatMap((raw) => {
      const n = Number(raw);
      if (Number.isInteger(n) && n >= min && n <= 2_147_483_647) return [n];
      ignored.push(`${name}=${raw} (not a whole number)`);
      return [];
    });
  const members = <T extends string>(name: string, allowed: readonly T[]) =>
    all(params, name).flatMap((raw) => {
      if ((allowed as readonly string[]).includes(raw)) return [raw as T];
      ignored.push(`${name}=${raw} (expected one of ${allowed.join(", ")})`);
      return [];
    });
  const texts = (name: string) =>
    all(params, name).flatMap((raw) => {
      if (raw.length > 0 && raw.length <= MAX_TEXT_CHARS) return [raw];
      ignored.push(`${name} (empty or longer than ${MAX_TEXT_CHARS} characters)`);
      return [];
    });
  filter.setIds = ints(LIST_PARAMS.setIds, 1).slice(0, MAX_LIST_VALUES);
  filter.batchIds = ints(LIST_PARAMS.batchIds, 1).slice(0, MAX_LIST_VALUES);
  filter.sources = texts(LIST_PARAMS.sources).slice(0, MAX_LIST_VALUES);
  filter.models = all(params, LIST_PARAMS.models).filter((m) => m.length <= MAX_TEXT_CHARS).slice(0, MAX_LIST_VALUES);
  filter.verdicts = members(LIST_PARAMS.verdicts, VERDICTS);
  filter.contamination = members(LIST_PARAMS.contamination, CONTAMINATION_STATUSES);
  filter.reviewStatuses = members(LIST_PARAMS.reviewStatuses, REVIEW_STATUSES);
  filter.provenances = members(LIST_PARAMS.provenances, PROVENANCES);
  for (const key of Object.keys(RANGE_PARAMS) as RangeKey[]) {
    const raw = first(params, RANGE_PARAMS[key]);
    if (raw === null || raw === "") continue;
    const range = parseRange(raw, key === "agreement");
    if (range) filter[key] = range;
    else ignored.push(`${RANGE_PARAMS[key]}=${raw} (expected min-max, e.g. ${key === "agreement" ? "0.5-1" : "100-2000"}; either side may be empty)`);
  }
  for (const [key, name] of [
    ["problemText", "pq"],
    ["solutionText", "sq"],
  ] as const) {
    const raw = first(params, name)?.trim() ?? "";
    if (raw === "") continue;
    if (raw.length < MIN_SEARCH_CHARS) ignored.push(`${name}=${raw} (search needs at least ${MIN_SEARCH_CHARS} characters)`);
    else if (raw.length > MAX_TEXT_CHARS) ignored.push(`${name} (longer than ${MAX_TEXT_CHARS} characters)`);
    else filter[key] = raw;
  }
  const answer = first(params, "answer");
  if (answer !== null) {
    if (answer.length <= MAX_TEXT_CHARS) filter.answerKey = answer;
    else ignored.push(`answer (longer than ${MAX_TEXT_CHARS} characters)`);
  }
  const problem = ints("problem", 1);
  if (problem.length) filter.problemId = problem[0];

  let sort = DEFAULT_SORT;
  const rawSort = first(params, "sort");
  if (rawSort) {
    const [key, direction] = rawSort.split(".");
    if ((SORT_KEYS as readonly string[]).includes(key) && (direction === "asc" || direction === "desc")) sort = { key: key as SortKey, direction };
    else ignored.push(`sort=${rawSort} (expected <column>.asc or <column>.desc; sortable: ${SORT_KEYS.join(", ")})`);
  }
  let columns: ColumnId[] | null = null;
  const rawColumns = first(params, "cols");
  if (rawColumns !== null) {
    const ids = rawColumns.split(",").filter(Boolean);
    const known = ids.filter((id): id is ColumnId => (COLUMN_IDS as readonly string[]).includes(id));
    if (known.length !== ids.length) ignored.push(`cols: unknown column(s) ${ids.filter((id) => !known.includes(id as ColumnId)).join(", ")}`);
    columns = [...new Set(known)];
  }
  const after = first(params, "after");
  const before = after ? null : first(params, "before");
  return { view: { filter, sort, columns, after, before }, ignored };
}

function parseRange(raw: string, fraction: boolean): NumberRange | null {
  const match = /^\s*([0-9.]*)\s*-\s*([0-9.]*)\s*$/.exec(raw);
  if (!match) return null;
  const read = (s: string) => {
    if (s === "") return null;
    const n = Number(s);
    // Lengths and token counts are integer columns: a bound past 2^31-1 would fail in PostgreSQL.
    if (!Number.isFinite(n) || n < 0 || (!fraction && (!Number.isInteger(n) || n > 2_147_483_647)) || (fraction && n > 1)) return Number.NaN;
    return n;
  };
  const min = read(match[1]);
  const max = read(match[2]);
  if (Number.isNaN(min) || Number.isNaN(max) || (min === null && max === null)) return null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max };
}

function formatRange(range: NumberRange): string | null {
  if (range.min === null && range.max === null) return null;
  return `${range.min ?? ""}-${range.max ?? ""}`;
}

/** The URL parameters of a view; the inverse of parseSolutionView. Cursors are left out unless asked. */
export function solutionViewParams(view: Pick<SolutionView, "filter" | "sort" | "columns"> & Partial<Pick<SolutionView, "after" | "before">>): URLSearchParams {
  const params = new URLSearchParams();
  const { filter } = view;
  for (const [key, name] of Object.entries(LIST_PARAMS) as [ListFilterKey, string][]) {
    for (const value of filter[key]) params.append(name, String(value));
  }
  for (const [key, name] of Object.entries(RANGE_PARAMS) as [RangeKey, string][]) {
    const text = formatRange(filter[key]);
    if (text) params.set(name, text);
  }
  if (filter.problemText) params.set("pq", filter.problemText);
  if (filter.solutionText) params.set("sq", filter.solutionText);
  if (filter.answerKey !== null) params.set("answer", filter.answerKey);
  if (filter.problemId !== null) params.set("problem", String(filter.problemId));
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.direction !== DEFAULT_SORT.direction) params.set("sort", `${view.sort.key}.${view.sort.direction}`);
  if (view.columns) params.set("cols", view.columns.join(","));
  if (view.after) params.set("after", view.after);
  else if (view.before) params.set("before", view.before);
  return params;
}

export function isFilterEmpty(filter: SolutionFilter): boolean {
  return solutionViewParams({ filter, sort: DEFAULT_SORT, columns: null }).toString() === "";
}

/** Only set filters are present (their sample counts are maintained counters). */
export function isSetOnlyFilter(filter: SolutionFilter): boolean {
  return filter.setIds.length > 0 && isFilterEmpty({ ...filter, setIds: [] });
}
