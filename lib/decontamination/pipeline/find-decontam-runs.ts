// The latest retrieval Tasks and judge batches, for the decontamination page (a few rows each,
// read through the tasks (kind, created_at) index and the batches' primary key).
import { pool } from "@/lib/db/pool";
import { RETRIEVAL_TASK_KIND } from "@/lib/decontamination/pipeline/retrieval-task";

export interface RetrievalRun {
  id: number;
  state: string;
  label: string;
  done: number;
  total: number | null;
  message: string | null;
  error: string | null;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
  createdBy: string | null;
}

export interface JudgeRun {
  id: number;
  name: string;
  state: string;
  requestCount: number;
  doneCount: number;
  failedCount: number;
  judge: { true: number; false: number; failed: number } | null;
  createdAt: string;
}

export async function findRetrievalRuns(limit = 8): Promise<RetrievalRun[]> {
  const { rows } = await pool().query(
    `SELECT t.id, t.state::text, t.label, t.done::float8 AS done, t.total::float8 AS total, t.message, t.error, t.started_at, t.updated_at, t.finished_at,
            COALESCE(u.name, u.email) AS created_by
     FROM tasks t LEFT JOIN users u ON u.id = t.created_by_id WHERE t.kind = $1 ORDER BY t.created_at DESC LIMIT $2`,
    [RETRIEVAL_TASK_KIND, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    label: r.label,
    done: r.done,
    total: r.total,
    message: r.message,
    error: r.error,
    startedAt: r.started_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    createdBy: r.created_by,
  }));
}

export async function findJudgeRuns(limit = 5): Promise<JudgeRun[]> {
  const { rows } = await pool().query(
    `SELECT id, name, state::text, request_count, done_count, failed_count, stats->'judge' AS judge, created_at
     FROM generation_batches WHERE kind = 'judge' ORDER BY id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    state: r.state,
    requestCount: r.request_count,
    doneCount: r.done_count,
    failedCount: r.failed_count,
    judge: r.judge,
    createdAt: r.created_at.toISOString(),
  }));
}

export interface DecontamChoices {
  /** Every set can be checked: synthesized ones first, then seed and benchmark sets. */
  checkableSets: { id: number; name: string; role: string; problemCount: number }[];
  benchmarkSets: { id: number; name: string; problemCount: number }[];
  generationEndpoints: { id: number; name: string; apiStyle: string }[];
  embeddingEndpoints: { id: number; name: string }[];
}

/** What the run forms offer. */
export async function findDecontamChoices(): Promise<DecontamChoices> {
  const sets = await pool().query<{ id: number; name: string; role: string; problem_count: number }>(
    `SELECT id, name, role::text, problem_count FROM problem_sets ORDER BY CASE role WHEN 'synthetic' THEN 0 WHEN 'seed' THEN 1 ELSE 2 END, name`,
  );
  const endpoints = await pool().query<{ id: number; name: string; purpose: string; api_style: string }>(`SELECT id, name, purpose::text, api_style::text FROM model_endpoints WHERE disabled_at IS NULL ORDER BY name`);
  const pick = (role: string) => sets.rows.filter((s) => s.role === role).map((s) => ({ id: s.id, name: s.name, problemCount: s.problem_count }));
  return {
    checkableSets: sets.rows.map((s) => ({ id: s.id, name: s.name, role: s.role, problemCount: s.problem_count })),
    benchmarkSets: pick("benchmark"),
    generationEndpoints: endpoints.rows.filter((e) => e.purpose === "generation").map((e) => ({ id: e.id, name: e.name, apiStyle: e.api_style })),
    embeddingEndpoints: endpoints.rows.filter((e) => e.purpose === "embeddings").map((e) => ({ id: e.id, name: e.name })),
  };
}
