// Creates a batch of (problem, sample index) requests and plans every request in one transaction,
// for the kinds whose requests are the set's problems (lib/generation/batch-kinds/sample-kinds.ts).
// Requests are inserted by ONE INSERT ... SELECT over generate_series, so planning millions of
// requests is a single statement inside PostgreSQL, never a loop here. Problem-major order keeps
// a problem's samples together. Other kinds create their own (the judge: one request per close
// pair and order, lib/decontamination/pipeline/create-judge-batch.ts).
import type { Actor } from "@/lib/audit/actor";
import { findProblemSets } from "@/lib/datasets/sets/find-problem-sets";
import { inTransaction } from "@/lib/db/in-transaction";
import type { PgTransaction } from "@/lib/db/transaction";
import { UserFacingError } from "@/lib/errors";
import type { BatchPlan } from "@/lib/generation/batches/batch-launch-input";

export interface CreatedBatch {
  id: number;
  requestCount: number;
  problemCount: number;
}

/** What the launch adds to the creating transaction once the batch and its requests exist (its audit entry). */
export type BeforeCommit = (client: PgTransaction, created: CreatedBatch) => Promise<void>;

/** Which problems the requests are for: SQL of their ids ($1 set id, $2 limit), and in words. */
export interface ProblemSelection {
  problemsSql: string;
  selection: string;
}

export async function createBatch(plan: BatchPlan, actor: Actor, { problemsSql, selection: described }: ProblemSelection, beforeCommit: BeforeCommit): Promise<CreatedBatch> {
  return inTransaction(async (client) => {
    let target: { id: number; name: string } | null = null;
    if (plan.targetSetName) {
      await client.query(`INSERT INTO problem_sets (name, role, description) VALUES ($1, 'synthetic', $2) ON CONFLICT (name) DO NOTHING`, [
        plan.targetSetName,
        `New problems generated from "${plan.set.name}"`,
      ]);
      const row = (await findProblemSets([plan.targetSetName], client)).get(plan.targetSetName);
      if (row?.role !== "synthetic") {
        throw new UserFacingError(`Target set "${plan.targetSetName}" is a ${row?.role} set; new problems only go into synthetic sets.`, "name another --target-set");
      }
      target = { id: (row as { id: number }).id, name: plan.targetSetName };
    }
    const selection = {
      set: plan.set.name,
      problems: described,
      limit: plan.limit,
      fewShot: "by problem source (GSM8K-style problems: GSM8K examples; others: MATH examples)",
      template: { id: plan.template.id, name: plan.template.template.name, version: plan.template.template.version },
      endpoint: { id: plan.endpoint.id, name: plan.endpoint.name, baseUrl: plan.endpoint.baseUrl, apiStyle: plan.endpoint.apiStyle },
      ...(target ? { targetSetId: target.id, targetSetName: target.name } : {}),
    };
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO generation_batches (name, kind, state, set_id, endpoint_id, template_id, model, samples_per_problem, temperature, top_p,
         max_tokens, seed_base, selection, created_by_id)
       VALUES ($1, $2::"BatchKind", 'queued', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [plan.name, plan.kind, plan.set.id, plan.endpoint.id, plan.template.id, plan.endpoint.model, plan.samplesPerProblem, plan.temperature, plan.topP, plan.maxTokens, plan.seedBase, JSON.stringify(selection), actor.userId],
    );
    const id = inserted.rows[0]?.id as number;
    const result = await client.query(
      `INSERT INTO batch_requests (batch_id, problem_id, sample_index)
       SELECT $3, p.id, s FROM (${problemsSql}) p, LATERAL generate_series(0, $4::int - 1) s`,
      [plan.set.id, plan.limit, id, plan.samplesPerProblem],
    );
    const requestCount = result.rowCount ?? 0;
    const problemCount = Math.round(requestCount / plan.samplesPerProblem);
    if (requestCount === 0) {
      throw new UserFacingError(`No requests to plan: set "${plan.set.name}" has no ${described}.`, "choose another set or batch kind");
    }
    await client.query(`UPDATE generation_batches SET request_count = $2, problem_count = $3 WHERE id = $1`, [id, requestCount, problemCount]);
    const created = { id, requestCount, problemCount };
    await beforeCommit(client, created);
    return created;
  });
}
