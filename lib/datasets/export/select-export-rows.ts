// The rows an export writes, as an async iterable the file writers pull from.
//
// Without a row limit it is one streaming pass: candidate pages -> filters -> per-problem dedup
// -> rows. With a row limit (fair downsampling), the k-th kept solution of every problem must come
// before any (k+1)-th, which is only known once every row has been filtered; so the first pass
// writes the kept rows' (rank within problem, problem, sample) into a TEMP table with COPY, and
// the second reads back `ORDER BY rank, problem LIMIT N` in keyset pages. Both passes keep
// constant memory in JavaScript; PostgreSQL does the sorting (on disk if it must).
import type { PoolClient } from "pg";
import type { Provenance } from "@/lib/datasets/formats/dataset-format";
import type { ExportRow } from "@/lib/datasets/formats/export-row";
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import type { ExportStats } from "@/lib/datasets/export/export-stats";
import { type CandidateRow, duplicateReason, filterExportRow, ProblemChecks, ProblemDedup } from "@/lib/datasets/export/filter-export-row";
import { type ExportScope, streamExportCandidates } from "@/lib/datasets/export/stream-export-candidates";
import { copyColumns } from "@/lib/datasets/import/copy-binary";
import { CopyWriter } from "@/lib/datasets/import/copy-writer";

/** A blank gold is no gold: written as null, never as "". */
const goldOrNull = (gold: string | null) => (gold === null || gold.trim() === "" ? null : gold);

interface KeptRow {
  row: CandidateRow;
  solution: string;
  trimmed: boolean;
}

/** Filters one page of candidates; calls `keep` for each row that passes, in order. */
function filterPage(page: CandidateRow[], settings: ExportSettings, stats: ExportStats, checks: ProblemChecks, dedup: ProblemDedup, keep: (k: KeptRow) => void) {
  for (const row of page) {
    stats.scanned++;
    if (row.provenance === "reference" && !settings.includeReferences) {
      stats.leaveOutReference(row.sampleId);
      continue;
    }
    const decision = filterExportRow(row, settings, checks);
    if (!decision.keep) {
      stats.remove(decision.filter, row.sampleId, decision.reason);
      continue;
    }
    if (settings.dedup && dedup.isDuplicate(row.problemId, decision.solution)) {
      stats.remove("duplicate", row.sampleId, duplicateReason(row.problemId));
      continue;
    }
    if (decision.trimmed) stats.trimmed++;
    stats.keep(row.source, row.provenance);
    keep({ row, solution: decision.solution, trimmed: decision.trimmed });
  }
}

function exportRow(row: CandidateRow, solution: string): ExportRow {
  return { problem: row.problem, solution, expectedAnswer: goldOrNull(row.expectedAnswer), problemSource: row.source };
}

export async function* selectExportRows(
  client: PoolClient,
  scope: ExportScope,
  settings: ExportSettings,
  stats: ExportStats,
  onPage: () => void = () => {},
): AsyncGenerator<ExportRow> {
  const checks = new ProblemChecks();
  const dedup = new ProblemDedup();
  if (settings.maxRows === null) {
    for await (const page of streamExportCandidates(client, scope)) {
      const out: ExportRow[] = [];
      filterPage(page, settings, stats, checks, dedup, (k) => out.push(exportRow(k.row, k.solution)));
      onPage();
      yield* out;
    }
    return;
  }
  yield* downsampled(client, scope, settings, stats, checks, dedup, settings.maxRows, onPage);
}

async function* downsampled(
  client: PoolClient,
  scope: ExportScope,
  settings: ExportSettings,
  stats: ExportStats,
  checks: ProblemChecks,
  dedup: ProblemDedup,
  limit: number,
  onPage: () => void,
): AsyncGenerator<ExportRow> {
  await client.query(
    `CREATE TEMP TABLE export_kept (rank int NOT NULL, problem_id int NOT NULL, sample_id int NOT NULL, source text NOT NULL, provenance text NOT NULL, solution text) ON COMMIT DROP`,
  );
  let rankProblem = -1;
  let rank = 0;
  for await (const page of streamExportCandidates(client, scope)) {
    const kept: KeptRow[] = [];
    filterPage(page, settings, stats, checks, dedup, (k) => kept.push(k));
    if (kept.length > 0) {
      // The candidate query is finished before the COPY starts: one statement at a time per connection.
      const columns = copyColumns({ rank: "int4", problem_id: "int4", sample_id: "int4", source: "text", provenance: "text", solution: "text" });
      const copy = new CopyWriter(client, { table: "export_kept", columns });
      for (const k of kept) {
        if (k.row.problemId !== rankProblem) {
          rankProblem = k.row.problemId;
          rank = 0;
        }
        rank++;
        // Untrimmed text is read back from samples; only a changed text is stored again.
        await copy.write([rank, k.row.problemId, k.row.sampleId, k.row.source, k.row.provenance, k.trimmed ? k.solution : null]);
      }
      await copy.end();
    }
    onPage();
  }
  await client.query(
    `CREATE TEMP TABLE export_pick ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY rank, problem_id) AS n, problem_id, sample_id, source, provenance, solution
         FROM export_kept ORDER BY rank, problem_id LIMIT ${Math.floor(limit)}`,
  );
  const picked = await client.query<{ source: string; provenance: Provenance; n: string }>(
    "SELECT source, provenance, count(*) AS n FROM export_pick GROUP BY source, provenance",
  );
  const before = stats.kept;
  stats.setPicked(picked.rows.map((r) => ({ source: r.source, provenance: r.provenance, n: Number(r.n) })));
  if (before > stats.kept) stats.remove("downsampled", 0, null, before - stats.kept);
  await client.query("CREATE INDEX ON export_pick (n)");
  let after = 0;
  for (;;) {
    const { rows } = await client.query<{ n: string; problem: string; solution: string; gold_answer: string | null; source: string }>(
      `SELECT k.n, p.text AS problem, COALESCE(k.solution, s.text) AS solution, p.gold_answer, p.source
         FROM export_pick k JOIN samples s ON s.id = k.sample_id JOIN problems p ON p.id = k.problem_id
        WHERE k.n > $1 ORDER BY k.n LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1].n);
    for (const r of rows) yield { problem: r.problem, solution: r.solution, expectedAnswer: goldOrNull(r.gold_answer), problemSource: r.source };
  }
}
