// Counts the decontamination funnel per benchmark set from the stored pairs, the problems'
// statuses and the retrieval Tasks. Only close pairs are read (the judge asks only close pairs),
// and "checked" comes from the retrieval runs' results, not from counting pairs, so the cost grows
// with what was found, not with the synthetic sets.
import { pool } from "@/lib/db/pool";
import { type DecontamReport, REPORT_DEFINITIONS, type ReportRow } from "@/lib/decontamination/report/decontam-report";
import { RETRIEVAL_TASK_KIND } from "@/lib/decontamination/pipeline/retrieval-task";
import type { RetrievalSummary } from "@/lib/decontamination/pipeline/run-retrieval";

interface Counts {
  bset: number | null;
  candidates: number;
  judged: number;
  judge_failures: number;
  flagged: number;
  confirmed: number;
  cleared: number;
  unsure: number;
  awaiting: number;
}

/** Problems checked per benchmark set, and in total: the latest completed run of each synthetic set. */
async function checkedCounts(): Promise<{ perSet: Map<string, number>; total: number }> {
  const { rows } = await pool().query<{ result: RetrievalSummary }>(
    `SELECT DISTINCT ON (result->>'problemSet', result->'against') result FROM tasks
     WHERE kind = $1 AND state = 'completed' AND result IS NOT NULL
     ORDER BY result->>'problemSet', result->'against', finished_at DESC`,
    [RETRIEVAL_TASK_KIND],
  );
  const perPair = new Map<string, number>();
  const perProblemSet = new Map<string, number>();
  for (const { result } of rows) {
    for (const b of result.against) {
      const key = `${result.problemSet}\u0000${b}`;
      perPair.set(key, Math.max(perPair.get(key) ?? 0, result.checked));
    }
    perProblemSet.set(result.problemSet, Math.max(perProblemSet.get(result.problemSet) ?? 0, result.checked));
  }
  const perSet = new Map<string, number>();
  for (const [key, checked] of perPair) {
    const b = key.split("\u0000")[1] as string;
    perSet.set(b, (perSet.get(b) ?? 0) + checked);
  }
  return { perSet, total: [...perProblemSet.values()].reduce((a, b) => a + b, 0) };
}

/** Whether any completed retrieval run stored embedding scores (only then are they read). */
async function embeddingsUsed(): Promise<boolean> {
  const { rows } = await pool().query(`SELECT 1 FROM tasks WHERE kind = $1 AND state = 'completed' AND result->>'embeddingEndpoint' IS NOT NULL LIMIT 1`, [RETRIEVAL_TASK_KIND]);
  return rows.length > 0;
}

export async function buildDecontamReport(thresholds: { threshold: number; embeddingThreshold: number }): Promise<DecontamReport> {
  // The benchmark problems' sets, joined from an array: joining the problems table itself would
  // read every synthesized problem too.
  const bench = await pool().query<{ id: number; set_id: number }>(`SELECT p.id, p.set_id FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.role = 'benchmark'`);
  // Pairs that matter are close ones: the score index serves score >= threshold (exact pairs score 1;
  // the judge only asks close pairs). Embedding scores are read only when a run stored them.
  const withEmbeddings = await embeddingsUsed();
  const { rows } = await pool().query<Counts>(
    `WITH bench AS (SELECT * FROM unnest($3::int[], $4::int[]) AS b(id, set_id)),
     pairs AS (
       SELECT c.problem_id, b.set_id AS bset,
              (c.exact OR c.score >= $1 OR coalesce(c.embedding_score >= $2, false)) AS close,
              (c.judge_forward IS NOT NULL AND c.judge_backward IS NOT NULL) AS judged,
              coalesce(c.judge_forward = 'failed' OR c.judge_backward = 'failed', false) AS failed,
              (c.exact OR coalesce(c.judge_forward = 'said_true' OR c.judge_backward = 'said_true', false)) AS flagged
       FROM contamination_candidates c JOIN bench b ON b.id = c.benchmark_problem_id
       WHERE c.score >= $1 ${withEmbeddings ? "OR c.embedding_score >= $2" : ""}
     ), per AS (
       SELECT bset, problem_id, bool_or(close) AS close, bool_or(judged) AS judged, bool_or(failed) AS failed, bool_or(flagged) AS flagged
       FROM pairs GROUP BY GROUPING SETS ((bset, problem_id), (problem_id))
     )
     SELECT per.bset,
            count(*) FILTER (WHERE close)::int AS candidates,
            count(*) FILTER (WHERE judged)::int AS judged,
            count(*) FILTER (WHERE failed)::int AS judge_failures,
            count(*) FILTER (WHERE flagged)::int AS flagged,
            count(*) FILTER (WHERE close AND p.contamination_status = 'contaminated')::int AS confirmed,
            count(*) FILTER (WHERE close AND p.contamination_status = 'cleared')::int AS cleared,
            count(*) FILTER (WHERE close AND p.contamination_status = 'unsure')::int AS unsure,
            count(*) FILTER (WHERE close AND p.contamination_status IN ('flagged', 'judge_failed', 'candidate'))::int AS awaiting
     FROM per JOIN problems p ON p.id = per.problem_id
     GROUP BY per.bset`,
    [thresholds.threshold, thresholds.embeddingThreshold, bench.rows.map((r) => r.id), bench.rows.map((r) => r.set_id)],
  );
  const sets = await pool().query<{ id: number; name: string }>(`SELECT id, name FROM problem_sets WHERE role = 'benchmark' ORDER BY name`);
  const checked = await checkedCounts();
  const byId = new Map(rows.map((r) => [r.bset, r]));
  const toRow = (name: string | null, id: number | null, c: Counts | undefined, checkedCount: number): ReportRow => ({
    benchmarkSet: name,
    benchmarkSetId: id,
    checked: checkedCount,
    candidates: c?.candidates ?? 0,
    judged: c?.judged ?? 0,
    judgeFailures: c?.judge_failures ?? 0,
    flagged: c?.flagged ?? 0,
    confirmed: c?.confirmed ?? 0,
    cleared: c?.cleared ?? 0,
    unsure: c?.unsure ?? 0,
    awaitingReview: c?.awaiting ?? 0,
  });
  const setRows = sets.rows
    .filter((s) => byId.has(s.id) || checked.perSet.has(s.name))
    .map((s) => toRow(s.name, s.id, byId.get(s.id), checked.perSet.get(s.name) ?? 0));
  return {
    generatedAt: new Date().toISOString(),
    threshold: thresholds.threshold,
    embeddingThreshold: thresholds.embeddingThreshold,
    rows: setRows,
    total: toRow(null, null, byId.get(null), checked.total),
    definitions: REPORT_DEFINITIONS,
  };
}
