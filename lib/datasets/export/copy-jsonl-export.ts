// The fast path of a JSONL export: when every filter in force is decidable in SQL (all of them, by
// default; see canExportInSql), PostgreSQL renders the lines itself (sqlExportLineParts) and
// streams them through `COPY (...) TO STDOUT`; Node only splits lines, keeps the manifest's counts
// and copies bytes to the output. Same rows, same order ((problem_id, id) within keyset pages of
// problems), same bytes and same manifest as the general path (selectExportRows), which a test
// checks on hostile text for every JSONL format.
//
// Each COPY row is five columns separated by 0x1F in CSV mode with 0x1E as the quote character:
//   kind · sample id · problem id · source as JSON · line or reason (copy-export-lines.ts lists the kinds)
// None of them can contain 0x1E, 0x1F or a newline (to_json escapes every control character), so
// CSV never quotes a non-empty field.
// The per-solution filters (boxes, trimming, lengths, arithmetic) read the inputs stored when the
// solution was graded (lib/grading/filters/filter-inputs.ts); a row without them goes to Node with
// its texts and is decided there by the general path's own code.
import type { Writable } from "node:stream";
import { escapeLiteral, type PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import type { ExportStats } from "@/lib/datasets/export/export-stats";
import { CopyExportLines } from "@/lib/datasets/export/copy-export-lines";
import { CONTAMINATED_STATUSES } from "@/lib/datasets/export/filter-export-row";
import { FILTER_INPUTS_VERSION } from "@/lib/grading/filters/filter-inputs";
import { sqlExportLineParts } from "@/lib/datasets/export/sql-export-line";
import type { ExportScope } from "@/lib/datasets/export/stream-export-candidates";
import type { JsonlExportFormat } from "@/lib/datasets/formats/export-objects";
import type { ExportResult } from "@/lib/datasets/formats/export-row";
import { WritableSink } from "@/lib/datasets/writers/writable-sink";

/** Solutions per COPY, about: a COPY streams (memory does not grow with it) and each statement
 * costs a plan and a round trip, but a page must stay a small share of a set's table, or the
 * planner reads the whole table and sorts the page (spilling wide rows to disk) instead of
 * walking the (problem_id, id) index in output order. At 1M solutions, 23 per problem, pages of
 * 10,000 problems (230,000 solutions) did just that: a 1.6 s plan per page against 0.3 s for a
 * page of 40,000 solutions, and 13.3 s against 11.3 s for the whole export. */
export const COPY_SAMPLE_PAGE = 40_000;
/** Bounds on problems per COPY, whatever the solutions per problem. */
export const COPY_PROBLEM_PAGE = 10_000;
const MIN_PROBLEM_PAGE = 100;

/** Problems per COPY for these sets, from their counters (no scan). */
async function problemsPerPage(client: PoolClient, setIds: number[]): Promise<number> {
  const { rows } = await client.query<{ per: number | null }>(
    "SELECT sum(sample_count)::float8 / nullif(sum(problem_count), 0) AS per FROM problem_sets WHERE id = ANY($1::int[])",
    [setIds],
  );
  const perProblem = Math.max(1, rows[0]?.per ?? 1);
  return Math.min(COPY_PROBLEM_PAGE, Math.max(MIN_PROBLEM_PAGE, Math.round(COPY_SAMPLE_PAGE / perProblem)));
}

/** True when every filter in force is decided in SQL: the per-solution filters read the inputs
 * stored at grading (filter-inputs.ts), which describe the trimmed solution, so the length and
 * arithmetic filters need trimming on; downsampling, Parquet and Python-style JSON take the
 * general path. Rows without stored inputs are still decided in Node (kind u below). */
export function canExportInSql(settings: ExportSettings): boolean {
  const solutionTextFilters = settings.minSolutionChars !== null || settings.maxSolutionTokens !== null || settings.arithmeticCheck;
  return settings.format !== "omi2-parquet" && !settings.pythonJson && settings.maxRows === null && (settings.trimAfterBoxed || !solutionTextFilters);
}

/** Some filter in force reads the solution (or its stored inputs). */
function readsSolution(settings: ExportSettings): boolean {
  return (
    settings.requireBoxed ||
    settings.dropMultiBoxed ||
    settings.trimAfterBoxed ||
    settings.minSolutionChars !== null ||
    settings.maxSolutionTokens !== null ||
    settings.maxProblemTokens !== null ||
    settings.arithmeticCheck
  );
}

const JSONL_FORMAT = { "omi2-jsonl": "omi2", "nemo-sft": "nemo-sft", messages: "messages" } as const satisfies Record<string, JsonlExportFormat>;

const intArray = (ids: number[]) => `ARRAY[${ids.map((id) => Math.trunc(id)).join(",")}]::int[]`;
/** A validated integer setting, inlined (COPY takes no bind parameters). */
const int = (n: number) => String(Math.trunc(n));
/** Separates the parts of a kind u/w payload: a control character, so no JSON text holds it, and not
 * the field delimiter (a field holding that would be quoted). */
const PART = "E'\\x1d'";

function pageSql(scope: ExportScope, settings: ExportSettings, format: JsonlExportFormat, after: number, upTo: number): string {
  const contaminated = `pp.contamination_status::text IN (${CONTAMINATED_STATUSES.map((s) => escapeLiteral(s)).join(", ")})`;
  const trim = settings.trimAfterBoxed;
  const solutionSql = trim ? "(CASE WHEN s.trimmed_chars IS NULL THEN s.text ELSE left(s.text, s.trimmed_chars) END)" : "s.text";
  const line = sqlExportLineParts(format, solutionSql);
  // Removed rows come back without their text, as the filter that removed them and its reason,
  // in the order of filterExportRow.
  const removed: [condition: string, kind: string, reason: string][] = [];
  // References not asked for come first: counted apart, before any filter (as in selectExportRows).
  if (!scope.includeReferences) removed.push(["s.provenance = 'reference'", "r", "''"]);
  if (scope.dropWithoutGold) removed.push(["pp.no_gold", "g", "''"]);
  if (scope.excludeContaminated) removed.push([contaminated, "c", "pp.contamination_status::text"]);
  if (scope.dropNearDuplicates) removed.push(["pp.cluster_kept IS FALSE", "n", "''"]);
  if (scope.correctOnly) removed.push(["s.verdict <> 'equal'", "v", "s.verdict::text"]);
  if (readsSolution(settings)) {
    // No stored inputs of this version (graded before they existed, or never graded): the row's
    // texts and rendered parts go to Node, which decides and renders it (kind u generated, w reference).
    removed.push([
      `s.filter_version IS DISTINCT FROM ${FILTER_INPUTS_VERSION}`,
      "CASE WHEN s.provenance = 'reference' THEN 'w' ELSE 'u' END",
      `pp.head || ${PART} || to_json(s.text)::text || ${PART} || pp.tail || ${PART} || to_json(pp.text)::text || ${PART} || COALESCE(s.token_count::text, '')`,
    ]);
  }
  if (settings.requireBoxed) removed.push(["s.boxed_count = 0", "b", "''"]);
  if (settings.dropMultiBoxed) removed.push(["s.boxed_count > 1", "m", "s.boxed_count::text"]);
  if (settings.minSolutionChars !== null) removed.push([`s.trimmed_length < ${int(settings.minSolutionChars)}`, "s", "s.trimmed_length::text"]);
  if (settings.maxSolutionTokens !== null) removed.push([`s.trimmed_tokens > ${int(settings.maxSolutionTokens)}`, "l", "''"]);
  if (settings.maxProblemTokens !== null) removed.push([`s.problem_tokens > ${int(settings.maxProblemTokens)}`, "p", "''"]);
  if (settings.arithmeticCheck) removed.push(["s.arithmetic_error IS NOT NULL", "a", "to_json(s.arithmetic_error)::text"]);
  const choose = (pick: (r: (typeof removed)[number]) => string, otherwise: string) =>
    removed.length === 0 ? otherwise : `CASE ${removed.map((r) => `WHEN ${r[0]} THEN ${pick(r)}`).join(" ")} ELSE ${otherwise} END`;
  // A kept row's kind says its provenance (k generated, q reference) and, in capitals, that it was trimmed.
  const keptKind = trim
    ? "CASE WHEN s.provenance = 'reference' THEN (CASE WHEN s.trimmed_chars IS NULL THEN 'q' ELSE 'Q' END) WHEN s.trimmed_chars IS NULL THEN 'k' ELSE 'K' END"
    : "CASE WHEN s.provenance = 'reference' THEN 'q' ELSE 'k' END";
  const kind = choose((r) => (r[1].startsWith("CASE") ? r[1] : `'${r[1]}'`), keptKind);
  const payload = choose((r) => r[2], `pp.head || ${line.solution} || pp.tail`);
  const sources = scope.sources.length > 0 ? `AND p.source IN (${scope.sources.map((source) => escapeLiteral(source)).join(", ")})` : "";
  const batches = scope.batchIds.length > 0 ? `AND s.batch_id = ANY(${intArray(scope.batchIds)})` : "";
  const sets = intArray(scope.setIds);
  // The problem's parts of the line are rendered once per problem in `pp` (OFFSET 0 keeps the
  // planner from pulling them up into the join, where they would be rendered once per solution:
  // 23 times per problem in the OMI2 release). The range is on samples.problem_id, so the
  // (problem_id, id) index hands rows over in output order and the problems' primary key merges
  // with it: no sort of wide rows (which spills to disk past work_mem). s.set_id (a copy of the
  // problem's set) keeps the scan to those sets' tables of samples.
  return `COPY (
    SELECT ${kind}, s.id, s.problem_id, pp.source_json, ${payload}
      FROM samples s
      JOIN (SELECT p.id, p.text, p.contamination_status, (p.gold_answer IS NULL OR p.gold_answer !~ '\\S') AS no_gold, to_json(p.source)::text AS source_json,
                   (SELECT c.kept FROM problem_clusters c WHERE c.problem_id = p.id) AS cluster_kept, ${line.head} AS head, ${line.tail} AS tail
              FROM problems p
             WHERE p.id > ${after} AND p.id <= ${upTo} AND p.set_id = ANY(${sets}) ${sources}
             ORDER BY p.id OFFSET 0) pp ON pp.id = s.problem_id
     WHERE s.problem_id > ${after} AND s.problem_id <= ${upTo} AND s.set_id = ANY(${sets}) ${batches}
     ORDER BY s.problem_id, s.id
  ) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e')`;
}

export async function copyJsonlExport(
  client: PoolClient,
  scope: ExportScope,
  settings: ExportSettings,
  stats: ExportStats,
  out: Writable,
  onPage: () => void = () => {},
  problemsPerCopy?: number,
): Promise<ExportResult> {
  const format = JSONL_FORMAT[settings.format as keyof typeof JSONL_FORMAT];
  if (!format) throw new Error(`${settings.format} is not a JSONL format`);
  const pageSize = problemsPerCopy ?? (await problemsPerPage(client, scope.setIds));
  const sink = new WritableSink(out);
  const lines = new CopyExportLines(stats, sink, settings, sqlExportLineParts(format).solutionSuffix);
  let after = 0;
  for (;;) {
    // Keyset pages of problems, as in the general path: bounded work per COPY, an index plan.
    const { rows } = await client.query<{ last: number | null }>(
      `SELECT max(id) AS last FROM (SELECT id FROM problems WHERE set_id = ANY($1::int[]) AND id > $2 ${scope.sources.length > 0 ? "AND source = ANY($3::text[])" : ""} ORDER BY id LIMIT ${Math.max(1, Math.trunc(pageSize))}) page`,
      scope.sources.length > 0 ? [scope.setIds, after, scope.sources] : [scope.setIds, after],
    );
    const upTo = rows[0]?.last;
    if (upTo == null) break;
    const stream = client.query(copyTo(pageSql(scope, settings, format, after, upTo)));
    try {
      for await (const chunk of stream) if (lines.push(chunk as Buffer)) await lines.flush();
    } catch (error) {
      // Leaving a COPY TO half read leaves the connection in the COPY protocol, where a ROLLBACK
      // would wait forever: close the socket so the caller's ROLLBACK fails and the pool drops it.
      // The client is checked out, so the pool does not listen for its "Connection terminated".
      client.on("error", () => {});
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      throw error;
    }
    await lines.finish();
    onPage();
    after = upTo;
  }
  await sink.end(true);
  return { rows: lines.rows, bytes: sink.bytes };
}
