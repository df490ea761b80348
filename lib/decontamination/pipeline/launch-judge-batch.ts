// Stage 2: a judge batch on the generation machinery (kind "judge"; the batch runner renders the
// template for each pair in the request's order, parses the reply strictly with parseJudgeAnswer
// and lands it on contamination_candidates.judge_forward/backward). What this file adds to the
// generic launch (lib/generation/batches/launch-batch.ts): the pairs are only those at or above a
// score threshold (judgePairsSql), and a settle job follows the batch to move problem statuses.
import { recordAudit } from "@/lib/audit/record-audit";
import { pool } from "@/lib/db/pool";
import { JUDGE_SETTLE_QUEUE } from "@/lib/decontamination/pipeline/judge-settle-queue";
import { judgePairsSql } from "@/lib/decontamination/pipeline/judge-pairs-sql";
import { DEFAULT_EMBEDDING_THRESHOLD } from "@/lib/decontamination/pipeline/run-retrieval";
import { DEFAULT_FLAG_THRESHOLD } from "@/lib/decontamination/retrieve";
import { UserFacingError } from "@/lib/errors";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";
import { enqueue } from "@/lib/jobs/enqueue";

export interface JudgeLaunchInput {
  problemSet: string | number;
  endpoint: string | number;
  threshold?: number;
  embeddingThreshold?: number;
  /** A judge template name or id; default the shipped "contamination-judge" (the recipe's question). */
  template?: string | number;
  name?: string;
}

export interface LaunchedJudgeBatch {
  batchId: number;
  name: string;
  pairs: number;
  requests: number;
  problems: number;
  threshold: number;
}

export async function countJudgePairs(setId: number, threshold: number, embeddingThreshold: number): Promise<{ pairs: number; problems: number }> {
  const { rows } = await pool().query<{ pairs: number; problems: number }>(
    `SELECT count(*)::int AS pairs, count(DISTINCT problem_id)::int AS problems FROM (${judgePairsSql()}) c`,
    [setId, threshold, embeddingThreshold],
  );
  return rows[0] ?? { pairs: 0, problems: 0 };
}

export async function launchJudgeBatch(input: JudgeLaunchInput, userId: number | null, options: { startWorkers?: boolean; via?: "studio" | "cli" } = {}): Promise<LaunchedJudgeBatch> {
  const threshold = input.threshold ?? DEFAULT_FLAG_THRESHOLD;
  const embeddingThreshold = input.embeddingThreshold ?? DEFAULT_EMBEDDING_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1)) throw new UserFacingError(`The judge threshold must be between 0 and 1 (got ${threshold}).`);
  const plan = await resolveBatchPlan({ kind: "judge", set: input.problemSet, endpoint: input.endpoint, ...(input.template !== undefined ? { template: input.template } : {}), ...(input.name ? { name: input.name } : {}) });
  if (plan.set.role !== "synthetic") throw new UserFacingError(`Set "${plan.set.name}" is a ${plan.set.role} set; decontamination checks synthesized problems only.`, "name a synthetic set with --problems");
  const name = input.name ?? `judge · ${plan.set.name} · score ≥ ${threshold} · ${plan.template.template.name} v${plan.template.template.version}`;
  const selection = {
    set: plan.set.name,
    problems: `retrieval pairs with score >= ${threshold} (or embedding cosine >= ${embeddingThreshold}), not exact, not yet answered in both orders; both orders asked`,
    threshold,
    embeddingThreshold,
    template: { id: plan.template.id, name: plan.template.template.name, version: plan.template.template.version },
    endpoint: { id: plan.endpoint.id, name: plan.endpoint.name, baseUrl: plan.endpoint.baseUrl, apiStyle: plan.endpoint.apiStyle },
  };
  const client = await pool().connect();
  let batchId: number;
  let requests: number;
  let problems: number;
  try {
    await client.query("BEGIN");
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO generation_batches (name, kind, state, set_id, endpoint_id, template_id, model, samples_per_problem, temperature, top_p, max_tokens, seed_base, selection, created_by_id)
       VALUES ($1, 'judge', 'queued', $2, $3, $4, $5, 2, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [name, plan.set.id, plan.endpoint.id, plan.template.id, plan.endpoint.model, plan.temperature, plan.topP, plan.maxTokens, plan.seedBase, JSON.stringify(selection), userId],
    );
    batchId = inserted.rows[0]?.id as number;
    const planned = await client.query(
      `INSERT INTO batch_requests (batch_id, problem_id, sample_index, candidate_id)
       SELECT $4, c.problem_id, 2 * c.pos + o, c.id FROM (${judgePairsSql()}) c CROSS JOIN generate_series(0, 1) o`,
      [plan.set.id, threshold, embeddingThreshold, batchId],
    );
    requests = planned.rowCount ?? 0;
    if (requests === 0) {
      throw new UserFacingError(
        `No pairs to judge in "${plan.set.name}": no retrieval pair scores ${threshold} or more that is not exact and not already answered in both orders.`,
        "run `npx boxed decontam retrieve` first, or lower --threshold",
      );
    }
    const counted = await client.query<{ n: number }>(`SELECT count(DISTINCT problem_id)::int AS n FROM batch_requests WHERE batch_id = $1`, [batchId]);
    problems = counted.rows[0]?.n ?? 0;
    await client.query(`UPDATE generation_batches SET request_count = $2, problem_count = $3 WHERE id = $1`, [batchId, requests, problems]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await recordAudit({
    userId,
    action: "decontam.judge.start",
    objectType: "batch",
    objectId: batchId,
    details: { set: plan.set.name, endpoint: plan.endpoint.name, threshold, embeddingThreshold, pairs: requests / 2, problems, via: options.via ?? "studio" },
  });
  if (options.startWorkers !== false) {
    await startBatchJobs(batchId);
    await enqueue(JUDGE_SETTLE_QUEUE, { batchId }, { startAfter: 5 });
  }
  return { batchId, name, pairs: requests / 2, requests, problems, threshold };
}
