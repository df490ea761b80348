// Reads the rows in an export's scope out of PostgreSQL in keyset pages, grouped by problem:
// problems of the chosen sets (and sources) by id, 1,000 at a time; then their samples by
// (problem_id, id), 5,000 at a time, through the samples (problem_id, id) index. No OFFSET and no
// cursor held across pages: each page is one short query, memory is two pages (the one being
// written and the one read ahead), and the caller pulls the next page only when the output has
// taken the previous one (backpressure).
// Rows the database can already rule out (not correct, contaminated problem, no gold) come without their
// text, so they are counted without being transferred.
// Reference solutions, when not asked for, come without their text too: counted, never sent.
import type { PoolClient } from "pg";
import { CONTAMINATED_STATUSES, type CandidateRow, hasNoGold } from "@/lib/datasets/export/filter-export-row";
import type { Provenance } from "@/lib/datasets/formats/dataset-format";
import { FILTER_INPUTS_VERSION, type SolutionFilterInputs } from "@/lib/grading/filters/filter-inputs";

export interface ExportScope {
  setIds: number[];
  sources: string[];
  batchIds: number[];
  includeReferences: boolean;
  correctOnly: boolean;
  excludeContaminated: boolean;
  /** Rows of problems without a gold answer are out (their text is not sent either). */
  dropWithoutGold?: boolean;
  /** Rows of problems that keep-one-per-cluster marked as near-duplicates are out. */
  dropNearDuplicates?: boolean;
}

export const PROBLEM_PAGE = 1_000;
export const SAMPLE_PAGE = 5_000;

interface ProblemRow {
  id: number;
  text: string;
  gold_answer: string | null;
  source: string;
  contamination_status: string;
  cluster_kept: boolean | null;
}

interface SampleRow {
  id: number;
  problem_id: number;
  text: string | null;
  verdict: string;
  provenance: Provenance;
  token_count: number | null;
  /** Stored filter inputs, null unless computed with the current FILTER_INPUTS_VERSION. */
  boxed_count: number | null;
  trimmed_chars: number | null;
  trimmed_length: number | null;
  trimmed_tokens: number | null;
  problem_tokens: number | null;
  arithmetic_error: string | null;
}

function storedInputs(s: SampleRow): SolutionFilterInputs | null {
  if (s.trimmed_length === null || s.trimmed_tokens === null || s.problem_tokens === null || s.boxed_count === null) return null;
  return {
    boxedCount: s.boxed_count,
    trimmedChars: s.trimmed_chars,
    trimmedLength: s.trimmed_length,
    trimmedTokens: s.trimmed_tokens,
    problemTokens: s.problem_tokens,
    arithmeticError: s.arithmetic_error,
  };
}

/** The stored filter inputs of `samples s`, each null unless they are of the current version. */
const INPUT_COLUMNS = ["boxed_count", "trimmed_chars", "trimmed_length", "trimmed_tokens", "problem_tokens", "arithmetic_error"]
  .map((c) => `CASE WHEN s.filter_version = ${FILTER_INPUTS_VERSION} THEN s.${c} END AS ${c}`)
  .join(", ");

export async function* streamExportCandidates(client: PoolClient, scope: ExportScope): AsyncGenerator<CandidateRow[]> {
  const sourceClause = scope.sources.length > 0 ? "AND source = ANY($3::text[])" : "";
  const batchClause = scope.batchIds.length > 0 ? "AND s.batch_id = ANY($7::int[])" : "";
  const problemPage = (after: number) =>
    quiet(
      client.query<ProblemRow>(
        `SELECT id, text, gold_answer, source, contamination_status::text AS contamination_status,
                (SELECT c.kept FROM problem_clusters c WHERE c.problem_id = problems.id) AS cluster_kept
           FROM problems WHERE set_id = ANY($1::int[]) AND id > $2 ${sourceClause}
          ORDER BY id LIMIT ${PROBLEM_PAGE}`,
        scope.sources.length > 0 ? [scope.setIds, after, scope.sources] : [scope.setIds, after],
      ),
    );
  // s.set_id (the problems' sets, copied onto their samples) keeps each page to those sets' tables of samples.
  const samplePage = (problemIds: number[], excluded: number[], afterProblem: number, afterSample: number) => {
    const params: unknown[] = [problemIds, afterProblem, afterSample, scope.correctOnly, excluded, scope.includeReferences];
    if (scope.batchIds.length > 0) params.push(scope.batchIds);
    params.push(scope.setIds);
    return quiet(
      client.query<SampleRow>(
        `SELECT s.id, s.problem_id, s.verdict::text AS verdict, s.provenance::text AS provenance, s.token_count, ${INPUT_COLUMNS},
                CASE WHEN ($4 AND s.verdict <> 'equal') OR s.problem_id = ANY($5::int[]) OR (NOT $6 AND s.provenance = 'reference')
                     THEN NULL ELSE s.text END AS text
           FROM samples s
          WHERE s.problem_id = ANY($1::int[]) AND (s.problem_id, s.id) > ($2, $3) ${batchClause}
            AND s.set_id = ANY($${params.length}::int[])
          ORDER BY s.problem_id, s.id LIMIT ${SAMPLE_PAGE}`,
        params,
      ),
    );
  };
  // Each next page is asked for as soon as its keyset is known, before the current page is
  // handed on: PostgreSQL reads page n+1 while Node filters and writes page n (the connection
  // runs them in order; at most one page waits in memory).
  let nextProblems: Promise<{ rows: ProblemRow[] }> | null = problemPage(0);
  while (nextProblems) {
    const problems: { rows: ProblemRow[] } = await nextProblems;
    if (problems.rows.length === 0) return;
    nextProblems = problems.rows.length === PROBLEM_PAGE ? problemPage(problems.rows[problems.rows.length - 1].id) : null;
    const byId = new Map(problems.rows.map((p) => [p.id, p]));
    const ids = problems.rows.map((p) => p.id);
    const excluded = problems.rows
      .filter(
        (p) =>
          (scope.excludeContaminated && (CONTAMINATED_STATUSES as readonly string[]).includes(p.contamination_status)) ||
          (scope.dropWithoutGold === true && hasNoGold(p.gold_answer)) ||
          (scope.dropNearDuplicates === true && p.cluster_kept === false),
      )
      .map((p) => p.id);
    let nextSamples: Promise<{ rows: SampleRow[] }> | null = samplePage(ids, excluded, 0, 0);
    while (nextSamples) {
      const samples: { rows: SampleRow[] } = await nextSamples;
      if (samples.rows.length === 0) break;
      const last = samples.rows[samples.rows.length - 1];
      nextSamples = samples.rows.length === SAMPLE_PAGE ? samplePage(ids, excluded, last.problem_id, last.id) : null;
      yield samples.rows.map((s) => {
        const p = byId.get(s.problem_id) as ProblemRow;
        return {
          sampleId: s.id,
          problemId: s.problem_id,
          problem: p.text,
          solution: s.text,
          expectedAnswer: p.gold_answer,
          source: p.source,
          provenance: s.provenance,
          verdict: s.verdict,
          contaminationStatus: p.contamination_status,
          clusterKept: p.cluster_kept,
          tokenCount: s.token_count,
          inputs: storedInputs(s),
        };
      });
    }
  }
}

/** A page asked for ahead may never be awaited (the consumer stopped); its failure is then moot. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
