// The fast path of a JSONL export: when every filter in force is decidable in SQL (contaminated,
// near-duplicate, not correct; see canExportInSql), PostgreSQL renders the lines itself (sqlExportLineParts) and
// streams them through `COPY (...) TO STDOUT`; Node only splits lines, keeps the manifest's counts
// and copies bytes to the output. Same rows, same order ((problem_id, id) within keyset pages of
// problems), same bytes and same manifest as the general path (selectExportRows), which a test
// checks on hostile text for every JSONL format.
//
// Each COPY row is five columns separated by 0x1F in CSV mode with 0x1E as the quote character:
//   kind (k kept generated, q kept reference, r reference left out, g no gold answer, c contaminated, n near-duplicate, v not correct) · sample id · problem id · source as JSON · line
// None of them can contain a control character (to_json escapes them all), so CSV never quotes.
import type { Writable } from "node:stream";
import { escapeLiteral, type PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import type { ExportStats } from "@/lib/datasets/export/export-stats";
import { CONTAMINATED_STATUSES } from "@/lib/datasets/export/filter-export-row";
import { sqlExportLineParts } from "@/lib/datasets/export/sql-export-line";
import type { ExportScope } from "@/lib/datasets/export/stream-export-candidates";
import type { JsonlExportFormat } from "@/lib/datasets/formats/export-objects";
import type { ExportResult } from "@/lib/datasets/formats/export-row";
import { WritableSink } from "@/lib/datasets/writers/writable-sink";

const SEPARATOR = 0x1f;
const NEWLINE = 0x0a;
const OUTPUT_CHUNK = 1 << 18;
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

/** True when no filter needs JavaScript: no trimming, token or character bounds, box counting,
 * arithmetic check, dedup or downsampling. */
export function canExportInSql(settings: ExportSettings): boolean {
  return (
    settings.format !== "omi2-parquet" &&
    !settings.pythonJson &&
    !settings.dropMultiBoxed &&
    !settings.requireBoxed &&
    settings.maxProblemTokens === null &&
    settings.minSolutionChars === null &&
    settings.maxSolutionTokens === null &&
    !settings.trimAfterBoxed &&
    !settings.arithmeticCheck &&
    !settings.dedup &&
    settings.maxRows === null
  );
}

const JSONL_FORMAT = { "omi2-jsonl": "omi2", "nemo-sft": "nemo-sft", messages: "messages" } as const satisfies Record<string, JsonlExportFormat>;

const intArray = (ids: number[]) => `ARRAY[${ids.map((id) => Math.trunc(id)).join(",")}]::int[]`;

function pageSql(scope: ExportScope, format: JsonlExportFormat, after: number, upTo: number): string {
  const contaminated = `pp.contamination_status::text IN (${CONTAMINATED_STATUSES.map((s) => escapeLiteral(s)).join(", ")})`;
  // Removed rows come back without their text, as the filter that removed them and its reason.
  const removed: [condition: string, kind: string, reason: string][] = [];
  // References not asked for come first: counted apart, before any filter (as in selectExportRows).
  if (!scope.includeReferences) removed.push(["s.provenance = 'reference'", "r", "''"]);
  if (scope.dropWithoutGold) removed.push(["pp.no_gold", "g", "''"]);
  if (scope.excludeContaminated) removed.push([contaminated, "c", "pp.contamination_status::text"]);
  if (scope.dropNearDuplicates) removed.push(["pp.cluster_kept IS FALSE", "n", "''"]);
  if (scope.correctOnly) removed.push(["s.verdict <> 'equal'", "v", "s.verdict::text"]);
  const choose = (pick: (r: (typeof removed)[number]) => string, otherwise: string) =>
    removed.length === 0 ? otherwise : `CASE ${removed.map((r) => `WHEN ${r[0]} THEN ${pick(r)}`).join(" ")} ELSE ${otherwise} END`;
  // A kept row's kind says its provenance: k generated, q reference.
  const kind = choose((r) => `'${r[1]}'`, "CASE WHEN s.provenance = 'reference' THEN 'q' ELSE 'k' END");
  const line = sqlExportLineParts(format);
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
      JOIN (SELECT p.id, p.contamination_status, (p.gold_answer IS NULL OR p.gold_answer !~ '\\S') AS no_gold, to_json(p.source)::text AS source_json,
                   (SELECT c.kept FROM problem_clusters c WHERE c.problem_id = p.id) AS cluster_kept, ${line.head} AS head, ${line.tail} AS tail
              FROM problems p
             WHERE p.id > ${after} AND p.id <= ${upTo} AND p.set_id = ANY(${sets}) ${sources}
             ORDER BY p.id OFFSET 0) pp ON pp.id = s.problem_id
     WHERE s.problem_id > ${after} AND s.problem_id <= ${upTo} AND s.set_id = ANY(${sets}) ${batches}
     ORDER BY s.problem_id, s.id
  ) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e')`;
}

/** Splits COPY output into lines and hands each one's fields to the stats and the sink. */
class LineHandler {
  private carry: Buffer[] = [];
  private out: Buffer[] = [];
  private outBytes = 0;
  private readonly sources = new Map<string, string>();
  rows = 0;

  constructor(
    private readonly stats: ExportStats,
    private readonly sink: WritableSink,
  ) {}

  /** Takes one chunk of COPY output; true when enough output is waiting to be written. */
  push(chunk: Buffer): boolean {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      if (this.carry.length > 0) {
        this.carry.push(chunk.subarray(start, end));
        this.line(Buffer.concat(this.carry));
        this.carry = [];
      } else this.line(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.carry.push(chunk.subarray(start));
    return this.outBytes >= OUTPUT_CHUNK;
  }

  /** At the end of one COPY: every line must be complete. */
  async finish(): Promise<void> {
    if (this.carry.length > 0) throw new Error("the export stream ended inside a line");
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.outBytes === 0) return;
    const chunk = Buffer.concat(this.out, this.outBytes);
    this.out = [];
    this.outBytes = 0;
    await this.sink.writeBytes(chunk);
  }

  private line(line: Buffer): void {
    const a = line.indexOf(SEPARATOR);
    const b = line.indexOf(SEPARATOR, a + 1);
    const c = line.indexOf(SEPARATOR, b + 1);
    const d = line.indexOf(SEPARATOR, c + 1);
    if (a !== 1 || d === -1) throw new Error(`unexpected export line from PostgreSQL: ${line.subarray(0, 80).toString()}`);
    const rawSource = line.toString("utf8", c + 1, d);
    let source = this.sources.get(rawSource);
    if (source === undefined) {
      source = JSON.parse(rawSource) as string;
      this.sources.set(rawSource, source);
    }
    this.stats.scanned++;
    const kind = line[0];
    if (kind === 0x6b /* k */ || kind === 0x71 /* q */) {
      this.stats.keep(source, kind === 0x71 ? "reference" : "generated");
      // Newline included: the line sits inside its COPY chunk followed by "\n".
      const body = line.subarray(d + 1);
      this.out.push(body, NEWLINE_BUFFER);
      this.outBytes += body.length + 1;
      this.rows++;
      return;
    }
    const sampleId = Number(line.toString("latin1", a + 1, b));
    if (kind === 0x72 /* r */) {
      this.stats.leaveOutReference(sampleId);
      return;
    }
    const payload = line.toString("utf8", d + 1);
    if (kind === 0x67 /* g */) this.stats.remove("no-gold-answer", sampleId, `problem ${line.toString("latin1", b + 1, c)} has no gold answer`);
    else if (kind === 0x6e /* n */) this.stats.remove("near-duplicate", sampleId, `problem ${line.toString("latin1", b + 1, c)} is a near-duplicate`);
    else if (kind === 0x63 /* c */) this.stats.remove("contaminated", sampleId, `problem ${line.toString("latin1", b + 1, c)} is ${payload}`);
    else this.stats.remove("not-correct", sampleId, `verdict is ${payload}`);
  }
}

const NEWLINE_BUFFER = Buffer.from("\n");

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
  const lines = new LineHandler(stats, sink);
  let after = 0;
  for (;;) {
    // Keyset pages of problems, as in the general path: bounded work per COPY, an index plan.
    const { rows } = await client.query<{ last: number | null }>(
      `SELECT max(id) AS last FROM (SELECT id FROM problems WHERE set_id = ANY($1::int[]) AND id > $2 ${scope.sources.length > 0 ? "AND source = ANY($3::text[])" : ""} ORDER BY id LIMIT ${Math.max(1, Math.trunc(pageSize))}) page`,
      scope.sources.length > 0 ? [scope.setIds, after, scope.sources] : [scope.setIds, after],
    );
    const upTo = rows[0]?.last;
    if (upTo == null) break;
    const stream = client.query(copyTo(pageSql(scope, format, after, upTo)));
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
