// Creates a judge batch on the generation machinery (kind "judge", plugged in by
// judge-batch-kind.ts): one request per selected pair and order, the pairs being those at or above
// a score threshold (judgePairsSql); the start is audited as decontam.judge.start in the creating
// transaction (with the actor's `via`), and a settle job
// (judge-settle-job.ts) follows the batch to move problem statuses. Every judge batch is created
// here, whichever way it is launched (`boxed decontam judge`, the Decontamination page, and the
// generic `boxed batch create --kind judge` / /batches/new through launchBatch).
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { pool } from "@/lib/db/pool";
import { judgePairsSql } from "@/lib/decontamination/pipeline/judge-pairs-sql";
import { UserFacingError } from "@/lib/errors";
import type { BatchPlan } from "@/lib/generation/batches/batch-launch-input";
import type { BeforeCommit } from "@/lib/generation/batches/create-batch";
import { startBatchJobs } from "@/lib/generation/batches/start-batch-jobs";
import { inTransaction } from "@/lib/db/in-transaction";
import { enqueue } from "@/lib/jobs/enqueue";

export interface LaunchedJudgeBatch {
  batchId: number;
  name: string;
  pairs: number;
  requests: number;
  problems: number;
  threshold: number;
}

export type JudgePlan = BatchPlan & { kind: "judge"; judge: NonNullable<BatchPlan["judge"]> };

function judgePlan(plan: BatchPlan): JudgePlan {
  if (plan.kind !== "judge" || !plan.judge) throw new Error(`a ${plan.kind} batch plan is not a judge batch plan`);
  return plan as JudgePlan;
}

/** The pairs (and their problems) a judge batch would ask about now; what the previews show. */
export async function countJudgePairs(setId: number, threshold: number, embeddingThreshold: number, limit: number | null = null): Promise<{ pairs: number; problems: number }> {
  const { rows } = await pool().query<{ pairs: number; problems: number }>(
    `SELECT count(*)::int AS pairs, count(DISTINCT problem_id)::int AS problems FROM (${judgePairsSql()}) c`,
    [setId, threshold, embeddingThreshold, limit],
  );
  return rows[0] ?? { pairs: 0, problems: 0 };
}

/**
 * Creates the batch and one request per selected pair and order, and audits the start, in one
 * transaction; `beforeCommit` adds to it (the generic launch's own entry).
 */
export async function createJudgeBatch(batchPlan: BatchPlan, actor: Actor, beforeCommit?: BeforeCommit): Promise<LaunchedJudgeBatch> {
  const plan = judgePlan(batchPlan);
  const { threshold, embeddingThreshold } = plan.judge;
  const selection = {
    set: plan.set.name,
    problems: `retrieval pairs with score >= ${threshold} (or embedding cosine >= ${embeddingThreshold}), not exact, not yet answered in both orders; both orders asked`,
    threshold,
    embeddingThreshold,
    limit: plan.limit,
    template: { id: plan.template.id, name: plan.template.template.name, version: plan.template.template.version },
    endpoint: { id: plan.endpoint.id, name: plan.endpoint.name, baseUrl: plan.endpoint.baseUrl, apiStyle: plan.endpoint.apiStyle },
  };
  const { batchId, requests, problems } = await inTransaction(async (client) => {
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO generation_batches (name, kind, state, set_id, endpoint_id, template_id, model, samples_per_problem, temperature, top_p, max_tokens, seed_base, selection, created_by_id)
       VALUES ($1, 'judge', 'queued', $2, $3, $4, $5, 2, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [plan.name, plan.set.id, plan.endpoint.id, plan.template.id, plan.endpoint.model, plan.temperature, plan.topP, plan.maxTokens, plan.seedBase, JSON.stringify(selection), actor.userId],
    );
    const id = inserted.rows[0]?.id as number;
    const planned = await client.query(
      `INSERT INTO batch_requests (batch_id, problem_id, sample_index, candidate_id)
       SELECT $5, c.problem_id, 2 * c.pos + o, c.id FROM (${judgePairsSql()}) c CROSS JOIN generate_series(0, 1) o`,
      [plan.set.id, threshold, embeddingThreshold, plan.limit, id],
    );
    const count = planned.rowCount ?? 0;
    if (count === 0) {
      throw new UserFacingError(
        `No pairs to judge in "${plan.set.name}": no retrieval pair scores ${threshold} or more (or has embedding cosine ${embeddingThreshold} or more) that is not exact and not already answered in both orders.`,
        "run `npx boxed decontam retrieve` first, or lower the threshold",
      );
    }
    const counted = await client.query<{ n: number }>(`SELECT count(DISTINCT problem_id)::int AS n FROM batch_requests WHERE batch_id = $1`, [id]);
    const n = counted.rows[0]?.n ?? 0;
    await client.query(`UPDATE generation_batches SET request_count = $2, problem_count = $3 WHERE id = $1`, [id, count, n]);
    await recordAudit(
      {
        userId: actor.userId,
        action: "decontam.judge.start",
        objectType: "batch",
        objectId: id,
        details: { set: plan.set.name, endpoint: plan.endpoint.name, threshold, embeddingThreshold, limit: plan.limit, pairs: count / 2, problems: n, via: actor.via },
      },
      client,
    );
    await beforeCommit?.(client, { id, requestCount: count, problemCount: n });
    return { batchId: id, requests: count, problems: n };
  });
  return { batchId, name: plan.name, pairs: requests / 2, requests, problems, threshold };
}

/** Sends the settle job that follows a judge batch until it ends (lib/decontamination/pipeline/judge-settle-job.ts). */
export async function followJudgeBatch(batchId: number): Promise<void> {
  await enqueue("decontam-judge-settle", { batchId }, { startAfter: 5 });
}

/** Wakes the workers for a judge batch and sends its settle job. */
export async function startJudgeBatch(batchId: number): Promise<void> {
  await startBatchJobs(batchId);
  await followJudgeBatch(batchId);
}
