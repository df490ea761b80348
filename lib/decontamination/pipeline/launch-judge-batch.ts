// `boxed decontam judge` and the Decontamination page: resolve a judge batch's plan from the
// decontamination settings, create it (create-judge-batch.ts) and start it. The generic launch
// (`boxed batch create --kind judge`, /batches/new) reaches the same createJudgeBatch through the
// judge's batch kind plug-in (judge-batch-kind.ts).
import type { Actor } from "@/lib/audit/actor";
import { createJudgeBatch, type LaunchedJudgeBatch, startJudgeBatch } from "@/lib/decontamination/pipeline/create-judge-batch";
import { UserFacingError } from "@/lib/errors";
import { resolveBatchPlan } from "@/lib/generation/batches/resolve-batch-plan";

export interface JudgeLaunchInput {
  problemSet: string | number;
  endpoint: string | number;
  threshold?: number;
  embeddingThreshold?: number;
  /** A judge template name or id; default the shipped "contamination-judge" (the recipe's question). */
  template?: string | number;
  name?: string;
}

export async function launchJudgeBatch(input: JudgeLaunchInput, actor: Actor, options: { startWorkers?: boolean } = {}): Promise<LaunchedJudgeBatch> {
  if (input.threshold !== undefined && !(input.threshold >= 0 && input.threshold <= 1)) throw new UserFacingError(`The judge threshold must be between 0 and 1 (got ${input.threshold}).`);
  const plan = await resolveBatchPlan({
    kind: "judge",
    set: input.problemSet,
    endpoint: input.endpoint,
    ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
    ...(input.embeddingThreshold !== undefined ? { embeddingThreshold: input.embeddingThreshold } : {}),
    ...(input.template !== undefined ? { template: input.template } : {}),
    ...(input.name ? { name: input.name } : {}),
  });
  const launched = await createJudgeBatch(plan, actor);
  if (options.startWorkers !== false) await startJudgeBatch(launched.batchId);
  return launched;
}
