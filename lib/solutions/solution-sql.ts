// The SQL of the solutions browser, built from a SolutionFilter with numbered parameters (never
// string-spliced values). Every condition is written so an index can serve it:
// samples columns directly ((x, id) btrees), nullable sort columns through COALESCE expression
// indexes, problem attributes through one semi-join on problems, substring search through trigram
// GIN indexes (ILIKE '%...%'). Pure: returns text and values; the caller runs them.
import { SORT_VALUE_KIND, type Cursor } from "@/lib/solutions/solution-cursor";
import type { SolutionFilter, SortDirection, SortKey } from "@/lib/solutions/solution-view";

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Sort key → SQL expression over samples `s`; each has an index on (expression, id). */
export const SORT_EXPRESSIONS: Record<SortKey, string> = {
  id: "s.id",
  length: "s.char_length",
  tokens: "COALESCE(s.token_count, -1)",
  problem: "s.problem_id",
  set: "s.set_id",
  batch: "COALESCE(s.batch_id, 0)",
  model: "COALESCE(s.model, '')",
  answer: "COALESCE(s.answer_key, '')",
  verdict: "s.verdict",
  review: "s.review_status",
};

const VALUE_CAST: Record<(typeof SORT_VALUE_KIND)[SortKey], string> = {
  int: "::int",
  text: "::text",
  verdict: '::"Verdict"',
  review: '::"ReviewStatus"',
};

/** LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE conditions (ANDed) over samples `s` for a filter. */
export function solutionConditions(filter: SolutionFilter, params: SqlParams): string[] {
  const where: string[] = [];
  if (filter.problemId !== null) where.push(`s.problem_id = ${params.add(filter.problemId)}`);
  if (filter.setIds.length) where.push(`s.set_id = ANY(${params.add(filter.setIds)}::int[])`);
  // The sort key's expression, so samples_batch_sort serves the filter too (batch ids are positive).
  if (filter.batchIds.length) where.push(`COALESCE(s.batch_id, 0) = ANY(${params.add(filter.batchIds)}::int[])`);
  if (filter.models.length) where.push(`COALESCE(s.model, '') = ANY(${params.add(filter.models)}::text[])`);
  if (filter.verdicts.length) where.push(`s.verdict = ANY(${params.add(filter.verdicts)}::"Verdict"[])`);
  if (filter.reviewStatuses.length) where.push(`s.review_status = ANY(${params.add(filter.reviewStatuses)}::"ReviewStatus"[])`);
  // samples (provenance, id) index: a rare provenance (references among millions of generated) walks only its own rows.
  if (filter.provenances.length) where.push(`s.provenance = ANY(${params.add(filter.provenances)}::"Provenance"[])`);
  if (filter.length.min !== null) where.push(`s.char_length >= ${params.add(filter.length.min)}`);
  if (filter.length.max !== null) where.push(`s.char_length <= ${params.add(filter.length.max)}`);
  // -1 stands for "not counted": a minimum of 0 or more excludes those rows, as does a maximum.
  if (filter.tokens.min !== null || filter.tokens.max !== null) {
    where.push(`COALESCE(s.token_count, -1) BETWEEN ${params.add(filter.tokens.min ?? 0)} AND ${params.add(filter.tokens.max ?? 2_147_483_647)}`);
  }
  if (filter.answerKey !== null) where.push(`COALESCE(s.answer_key, '') = ${params.add(filter.answerKey)}`);
  if (filter.solutionText) where.push(`s.text ILIKE ${params.add(containsPattern(filter.solutionText))}`);
  const problem = problemConditions(filter, params);
  if (problem.length) where.push(`s.problem_id IN (SELECT p.id FROM problems p WHERE ${problem.join(" AND ")})`);
  return where;
}

function problemConditions(filter: SolutionFilter, params: SqlParams): string[] {
  const where: string[] = [];
  if (filter.sources.length) where.push(`p.source = ANY(${params.add(filter.sources)}::text[])`);
  if (filter.contamination.length) where.push(`p.contamination_status = ANY(${params.add(filter.contamination)}::"ContaminationStatus"[])`);
  if (filter.agreement.min !== null) where.push(`p.agreement >= ${params.add(filter.agreement.min)}`);
  if (filter.agreement.max !== null) where.push(`p.agreement <= ${params.add(filter.agreement.max)}`);
  if (filter.problemText) where.push(`p.text ILIKE ${params.add(containsPattern(filter.problemText))}`);
  return where;
}

export function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
}

export interface KeysetPlan {
  /** Extra condition for rows past the cursor, or null on the first page. */
  condition: string | null;
  orderBy: string;
  /** True when the rows come in reverse display order (a "previous page" read). */
  reversed: boolean;
}

/**
 * ORDER BY and the cursor condition for a page. `after` reads forward in display order; `before`
 * reads backward (rows are then reversed by the caller). Both directions walk the same
 * (expression, id) index, forwards or backwards.
 */
export function keysetPlan(sort: { key: SortKey; direction: SortDirection }, cursor: { after?: Cursor; before?: Cursor }, params: SqlParams): KeysetPlan {
  const expression = SORT_EXPRESSIONS[sort.key];
  const reversed = Boolean(cursor.before) && !cursor.after;
  const forward = sort.direction === "asc" ? !reversed : reversed;
  const dir = forward ? "ASC" : "DESC";
  const orderBy = sort.key === "id" ? `s.id ${dir}` : `${expression} ${dir}, s.id ${dir}`;
  const at = cursor.after ?? cursor.before;
  if (!at) return { condition: null, orderBy, reversed };
  const op = forward ? ">" : "<";
  if (sort.key === "id") return { condition: `s.id ${op} ${params.add(at.id)}`, orderBy, reversed };
  const value = `${params.add(at.value)}${VALUE_CAST[SORT_VALUE_KIND[sort.key]]}`;
  return { condition: `(${expression}, s.id) ${op} (${value}, ${params.add(at.id)})`, orderBy, reversed };
}
