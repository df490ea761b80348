// One page of the solutions browser: keyset pagination (no OFFSET) over samples, so page 1 and
// page 10,000 cost the same. The page's ids are chosen from samples alone (filters and sort are
// served by its indexes); problems, sets, batches and the reviewer are joined for those rows only,
// by index probes whatever the table's size (`npm run bench -- scale`, step browse).
import type { Provenance } from "@/lib/datasets/formats/dataset-format";
import { pool } from "@/lib/db/pool";
import { inTransactionWithin, isStatementTimeout } from "@/lib/db/statement-timeout";
import { UserFacingError } from "@/lib/errors";
import { type Cursor, decodeCursor, encodeCursor, type SortValue } from "@/lib/solutions/solution-cursor";
import { keysetPlan, SORT_EXPRESSIONS, SqlParams, solutionConditions, whereClause } from "@/lib/solutions/solution-sql";
import type { ContaminationName, ReviewStatusName, SolutionView, VerdictName } from "@/lib/solutions/solution-view";

export const PAGE_SIZE = 50;

export interface SolutionRow {
  id: number;
  problemId: number;
  /** The problem's first non-empty line, cut to a cell's worth. */
  problemHead: string;
  setId: number;
  setName: string;
  source: string;
  batchId: number | null;
  batchName: string | null;
  model: string | null;
  extractedAnswer: string | null;
  answerKey: string | null;
  goldAnswer: string | null;
  verdict: VerdictName;
  verdictRule: string | null;
  charLength: number;
  tokenCount: number | null;
  agreement: number | null;
  majorityVotes: number | null;
  totalVotes: number | null;
  contaminationStatus: ContaminationName;
  reviewStatus: ReviewStatusName;
  reviewer: string | null;
  provenance: Provenance;
}

export interface SolutionPage {
  rows: SolutionRow[];
  /** Cursor of the next page (after the last row), when there is one. */
  next: string | null;
  /** Cursor of the previous page (before the first row), when there is one. */
  previous: string | null;
}

export const HEAD_CHARS = 240;

export function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > HEAD_CHARS ? `${line.slice(0, HEAD_CHARS)}…` : line.trim();
}

interface RawRow {
  sort_value: SortValue;
  id: number;
  problem_id: number;
  problem_head: string;
  set_id: number;
  set_name: string;
  source: string;
  batch_id: number | null;
  batch_name: string | null;
  model: string | null;
  extracted_answer: string | null;
  answer_key: string | null;
  gold_answer: string | null;
  verdict: VerdictName;
  verdict_rule: string | null;
  char_length: number;
  token_count: number | null;
  agreement: number | null;
  majority_votes: number | null;
  total_votes: number | null;
  contamination_status: ContaminationName;
  review_status: ReviewStatusName;
  reviewer: string | null;
  provenance: Provenance;
}

export async function findSolutions(
  view: Pick<SolutionView, "filter" | "sort" | "after" | "before">,
  limit = PAGE_SIZE,
  { searchTimeoutMs = SEARCH_TIMEOUT_MS }: { searchTimeoutMs?: number } = {},
): Promise<SolutionPage> {
  const params = new SqlParams();
  const cursor: { after?: Cursor; before?: Cursor } = {};
  if (view.after) cursor.after = decodeCursor(view.after, view.sort.key);
  else if (view.before) cursor.before = decodeCursor(view.before, view.sort.key);
  const conditions = solutionConditions(view.filter, params);
  const plan = keysetPlan(view.sort, cursor, params);
  if (plan.condition) conditions.push(plan.condition);
  const sortExpression = SORT_EXPRESSIONS[view.sort.key];
  const outerOrder = plan.orderBy.replace(sortExpression, "page.sort_value").replaceAll("s.id", "page.id");
  const sql = `
    WITH page AS MATERIALIZED (
      SELECT s.id, ${sortExpression} AS sort_value FROM samples s ${whereClause(conditions)}
      ORDER BY ${plan.orderBy} LIMIT ${params.add(limit + 1)}
    )
    SELECT page.sort_value, s.id, s.problem_id, left(p.text, 2000) AS problem_head, s.set_id, ps.name AS set_name, p.source,
      s.batch_id, b.name AS batch_name, s.model, left(s.extracted_answer, 500) AS extracted_answer, left(s.answer_key, 500) AS answer_key,
      left(p.gold_answer, 500) AS gold_answer, s.verdict, s.verdict_rule, s.char_length, s.token_count, p.agreement,
      p.majority_votes, p.total_votes, p.contamination_status, s.review_status, r.reviewer, s.provenance
    FROM page
    -- A lateral probe per page row, not a join: PostgreSQL has no statistics on the CTE's ids, so
    -- a join is estimated at millions of rows at 14M solutions and planned as a hash join over
    -- every problem (0.5 s a page); LIMIT 1 makes it 50 index probes (1 ms).
    CROSS JOIN LATERAL (SELECT * FROM samples s WHERE s.id = page.id LIMIT 1) s
    JOIN problems p ON p.id = s.problem_id
    JOIN problem_sets ps ON ps.id = s.set_id
    LEFT JOIN generation_batches b ON b.id = s.batch_id
    LEFT JOIN LATERAL (
      SELECT COALESCE(u.name, u.email) AS reviewer FROM review_annotations a LEFT JOIN users u ON u.id = a.user_id
      WHERE a.sample_id = s.id AND a.superseded_at IS NULL ORDER BY a.created_at DESC, a.id DESC LIMIT 1
    ) r ON s.review_status <> 'unreviewed'
    ORDER BY ${outerOrder}`;
  const { rows } = view.filter.solutionText ? await searchQuery(sql, params.values, searchTimeoutMs) : await pool().query<RawRow>(sql, params.values);
  const more = rows.length > limit;
  const kept = rows.slice(0, limit);
  if (plan.reversed) kept.reverse();
  const first = kept[0];
  const last = kept[kept.length - 1];
  const cursorOf = (row: RawRow) => encodeCursor({ value: row.sort_value, id: row.id });
  const hasNext = plan.reversed ? true : more;
  const hasPrevious = plan.reversed ? more : Boolean(cursor.after);
  return {
    rows: kept.map(toRow),
    next: hasNext && last ? cursorOf(last) : null,
    previous: hasPrevious && first ? cursorOf(first) : null,
  };
}

/** How long a substring search may run before the page says how to narrow it. */
export const SEARCH_TIMEOUT_MS = 20_000;

/**
 * A substring search reads the trigram index's bitmap of candidate rows, then every candidate's
 * page, then sorts the matches: its cost grows with the rows that hold the phrase's trigrams, not
 * with the page. At 14M solutions a phrase in 1% of them takes seconds, and a LaTeX fragment made
 * of common trigrams (`\frac{3}{8}`) can read most of the set (docs/benchmarks.md, "scale"). So
 * it gets a time limit and a message that says how to narrow it, instead of holding a connection
 * for minutes. 64 MB of work_mem keeps a common phrase's bitmap exact (with the default 4 MB it
 * turns lossy and every row of a lossy page is checked again: 1.75x slower at 14M).
 */
async function searchQuery(sql: string, values: unknown[], timeoutMs: number) {
  try {
    return await inTransactionWithin(timeoutMs, async (client) => {
      await client.query("SET LOCAL work_mem = '64MB'");
      return client.query<RawRow>(sql, values);
    });
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    throw new UserFacingError(
      `The text search took longer than ${timeoutMs / 1000} s: the phrase is common in these solutions, or made of common pieces.`,
      "narrow it with a set, source or verdict filter, or search a longer phrase",
    );
  }
}

function toRow(r: RawRow): SolutionRow {
  return {
    id: r.id,
    problemId: r.problem_id,
    problemHead: firstLine(r.problem_head),
    setId: r.set_id,
    setName: r.set_name,
    source: r.source,
    batchId: r.batch_id,
    batchName: r.batch_name,
    model: r.model,
    extractedAnswer: r.extracted_answer,
    answerKey: r.answer_key,
    goldAnswer: r.gold_answer,
    verdict: r.verdict,
    verdictRule: r.verdict_rule,
    charLength: r.char_length,
    tokenCount: r.token_count,
    agreement: r.agreement,
    majorityVotes: r.majority_votes,
    totalVotes: r.total_votes,
    contaminationStatus: r.contamination_status,
    reviewStatus: r.review_status,
    reviewer: r.reviewer,
    provenance: r.provenance,
  };
}
