// What the page of one problem set shows: its counters, its problems by source and its solutions
// by verdict (read from the insight aggregates, so a 14M-solution set costs a few hundred rows),
// and the batches and imports that wrote into it (newest first, bounded).
import { pool } from "@/lib/db/pool";
import { IMPORT_TASK_KIND } from "@/lib/datasets/import/run-import-task";
import type { VerdictName } from "@/lib/solutions/solution-view";

export interface SetDetail {
  id: number;
  name: string;
  role: "seed" | "benchmark" | "synthetic";
  description: string | null;
  createdAt: string;
  archivedAt: string | null;
  problemCount: number;
  sampleCount: number;
  gradedCount: number;
  correctCount: number;
  problemsBySource: { source: string; problems: number }[];
  /** By provenance: generated (model-written) and reference (came with a problem file) apart,
   * so no share mixes a dataset's own worked answers with a model's. */
  solutionsByVerdict: { provenance: "generated" | "reference"; verdict: VerdictName; solutions: number }[];
  batches: { id: number; name: string; kind: string; state: string; model: string; requestCount: number; doneCount: number; failedCount: number; createdAt: string }[];
  imports: { id: number; label: string; state: string; createdAt: string; problemsInserted: number | null; solutionsInserted: number | null }[];
}

const LIST_LIMIT = 50;

export async function findSetDetail(setId: number): Promise<SetDetail | null> {
  const db = pool();
  const { rows: sets } = await db.query<{
    id: number;
    name: string;
    role: SetDetail["role"];
    description: string | null;
    created_at: Date;
    archived_at: Date | null;
    problem_count: number;
    sample_count: number;
    graded_count: number;
    correct_count: number;
  }>(
    `SELECT id, name, role::text AS role, description, created_at, archived_at, problem_count, sample_count, graded_count, correct_count
       FROM problem_sets WHERE id = $1`,
    [setId],
  );
  const set = sets[0];
  if (!set) return null;
  const [bySource, byVerdict, batches, imports] = await Promise.all([
    db.query<{ source: string; problems: string }>(
      "SELECT source, sum(problems)::bigint AS problems FROM problem_stats WHERE set_id = $1 GROUP BY source HAVING sum(problems) > 0 ORDER BY 2 DESC, 1",
      [setId],
    ),
    db.query<{ provenance: "generated" | "reference"; verdict: VerdictName; solutions: string }>(
      `SELECT provenance::text AS provenance, verdict::text AS verdict, sum(samples)::bigint AS solutions FROM sample_stats
        WHERE set_id = $1 GROUP BY provenance, verdict HAVING sum(samples) > 0 ORDER BY 1, 3 DESC, 2`,
      [setId],
    ),
    db.query<{ id: number; name: string; kind: string; state: string; model: string; request_count: number; done_count: number; failed_count: number; created_at: Date }>(
      `SELECT id, name, kind::text AS kind, state::text AS state, model, request_count, done_count, failed_count, created_at
         FROM generation_batches WHERE set_id = $1 ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
      [setId],
    ),
    // Imports name their set in the payload (by name, as typed) and in the result (by id, once
    // finished); the id survives a rename, the name finds imports still running. The tasks table holds thousands of rows, not millions.
    db.query<{ id: number; label: string; state: string; created_at: Date; problems: string | null; solutions: string | null }>(
      `SELECT id, label, state::text AS state, created_at,
              result->>'problemsInserted' AS problems, result->>'solutionsInserted' AS solutions
         FROM tasks
        WHERE kind = $1 AND ((result->'set'->>'id')::int = $2 OR (result->'set' IS NULL AND payload->>'setName' = $3))
        ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
      [IMPORT_TASK_KIND, setId, set.name],
    ),
  ]);
  return {
    id: set.id,
    name: set.name,
    role: set.role,
    description: set.description,
    createdAt: set.created_at.toISOString(),
    archivedAt: set.archived_at?.toISOString() ?? null,
    problemCount: set.problem_count,
    sampleCount: set.sample_count,
    gradedCount: set.graded_count,
    correctCount: set.correct_count,
    problemsBySource: bySource.rows.map((r) => ({ source: r.source, problems: Number(r.problems) })),
    solutionsByVerdict: byVerdict.rows.map((r) => ({ provenance: r.provenance, verdict: r.verdict, solutions: Number(r.solutions) })),
    batches: batches.rows.map((b) => ({
      id: b.id,
      name: b.name,
      kind: b.kind,
      state: b.state,
      model: b.model,
      requestCount: b.request_count,
      doneCount: b.done_count,
      failedCount: b.failed_count,
      createdAt: b.created_at.toISOString(),
    })),
    imports: imports.rows.map((t) => ({
      id: t.id,
      label: t.label,
      state: t.state,
      createdAt: t.created_at.toISOString(),
      problemsInserted: t.problems === null ? null : Number(t.problems),
      solutionsInserted: t.solutions === null ? null : Number(t.solutions),
    })),
  };
}
