// Data for generation tests and the benchmark: problem sets written through SQL (counters kept
// right) and endpoints pointing at the LLM stand-in. Never used by product code.
import { pool } from "@/lib/db/pool";
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { createEndpoint } from "@/lib/generation/endpoints/save-endpoint";

export interface FixtureProblem {
  text: string;
  gold?: string | null;
  source?: string;
}

/** "What is a + b?" problems the stand-in solves (right with its `accuracy`). */
export function arithmeticProblems(count: number, offset = 0): FixtureProblem[] {
  return Array.from({ length: count }, (_, i) => {
    const a = 3 + ((i + offset) % 97);
    const b = 5 + Math.floor((i + offset) / 97);
    return { text: `What is ${a} + ${b}?`, gold: String(a + b), source: i % 2 === 0 ? "gsm8k" : "math" };
  });
}

export async function createProblemSet(name: string, role: "seed" | "benchmark" | "synthetic", problems: FixtureProblem[]): Promise<{ id: number; problemIds: number[] }> {
  const db = pool();
  const set = await db.query<{ id: number }>(`INSERT INTO problem_sets (name, role, problem_count) VALUES ($1, $2::"SetRole", $3) RETURNING id`, [name, role, problems.length]);
  const id = set.rows[0]?.id as number;
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source)
     SELECT $1, d.text, d.hash, d.key, d.source, d.gold, (CASE WHEN d.gold IS NULL THEN 'none' ELSE 'dataset' END)::"GoldSource"
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS d(text, hash, key, source, gold, n) ORDER BY d.n RETURNING id`,
    [id, problems.map((p) => p.text), problems.map((p) => problemHash(p.text)), problems.map((_, i) => `${name}:${i + 1}`), problems.map((p) => p.source ?? "math"), problems.map((p) => p.gold ?? null)],
  );
  return { id, problemIds: inserted.rows.map((r) => r.id).sort((a, b) => a - b) };
}

export async function createStubEndpoint(
  name: string,
  url: string,
  options: { apiStyle?: "chat" | "completions"; maxConcurrency?: number; requestsPerMinute?: number | null; timeoutMs?: number; apiKeyEnv?: string } = {},
): Promise<number> {
  const created = await createEndpoint({
    name,
    baseUrl: url,
    model: "boxed-stand-in",
    apiStyle: options.apiStyle ?? "completions",
    maxConcurrency: options.maxConcurrency ?? 32,
    requestsPerMinute: options.requestsPerMinute ?? null,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.apiKeyEnv ? { apiKeyEnv: options.apiKeyEnv } : {}),
  });
  return created.id;
}

/** Exactly-once, checked from the rows themselves (not the counters under test). */
export async function sampleCountsByProblem(batchId: number): Promise<Map<number, number>> {
  const { rows } = await pool().query<{ problem_id: number; n: number }>(`SELECT problem_id, count(*)::int AS n FROM samples WHERE batch_id = $1 GROUP BY problem_id`, [batchId]);
  return new Map(rows.map((r) => [r.problem_id, r.n]));
}

export async function batchRow(batchId: number) {
  const { rows } = await pool().query<{
    state: string;
    request_count: number;
    done_count: number;
    failed_count: number;
    correct_count: number;
    prompt_tokens: string;
    completion_tokens: string;
    stats: Record<string, unknown>;
  }>(`SELECT state::text, request_count, done_count, failed_count, correct_count, prompt_tokens, completion_tokens, stats FROM generation_batches WHERE id = $1`, [batchId]);
  if (!rows[0]) throw new Error(`no batch ${batchId}`);
  return rows[0];
}

export async function requestStates(batchId: number): Promise<Record<string, number>> {
  const { rows } = await pool().query<{ state: string; n: number }>(`SELECT state::text, count(*)::int AS n FROM batch_requests WHERE batch_id = $1 GROUP BY state`, [batchId]);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
