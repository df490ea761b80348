// What launching a batch takes, from the studio form or `boxed batch create`, and the checked plan
// it resolves to (resolve-batch-plan.ts). Sets, endpoints and templates can be named or given by
// id. What differs by kind (titles, template kinds, sampling defaults: the recipe's temperature
// 1.0, top_p 0.95, 2048 new tokens for generation, greedy for the judge) is each batch kind's
// plug-in (lib/generation/batch-kinds/). Pure: the launch form imports this file.
import { z } from "zod";
import type { EndpointView } from "@/lib/generation/endpoints/list-endpoints";
import type { PromptTemplate } from "@/lib/generation/prompts/prompt-template";

export const BATCH_KINDS = ["solutions", "problems", "label", "judge"] as const;
export type BatchKindName = (typeof BATCH_KINDS)[number];

const ref = z.union([z.number().int().positive(), z.string().trim().min(1)]);

export const BatchLaunchSchema = z.object({
  kind: z.enum(BATCH_KINDS),
  set: ref,
  endpoint: ref,
  /** A template name (its newest version) or id; default: the shipped template for the kind. */
  template: ref.optional(),
  samplesPerProblem: z.number().int().min(1).max(100_000).optional(),
  /** At most this many problems of the set (the first ones by id; judge: of those with pairs to ask). */
  limit: z.number().int().min(1).optional(),
  /** Judge batches: ask pairs with retrieval score at least this (default DEFAULT_FLAG_THRESHOLD, 0.5)... */
  threshold: z.number().min(0).max(1).optional(),
  /** ...or embedding cosine at least this (default DEFAULT_EMBEDDING_THRESHOLD, 0.9). */
  embeddingThreshold: z.number().min(-1).max(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  maxTokens: z.number().int().min(1).max(1_000_000).optional(),
  seedBase: z.number().int().min(0).max(1_000_000_000).optional(),
  /** Problem batches: the synthetic set new problems go into (created when missing). */
  targetSet: z.string().trim().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

export type BatchLaunchInput = z.input<typeof BatchLaunchSchema>;
export type ParsedBatchLaunch = z.output<typeof BatchLaunchSchema>;

/** How a batch samples: planned at launch, read back by its runner and shown on its page. */
export interface BatchSampling {
  samplesPerProblem: number;
  temperature: number;
  topP: number;
  maxTokens: number;
  /** seed = seedBase + sampleIndex. */
  seedBase: number;
}

/** A launch whose set, endpoint and template exist and fit together; what a batch is created from. */
export interface BatchPlan extends BatchSampling {
  kind: BatchKindName;
  name: string;
  set: { id: number; name: string; role: string };
  endpoint: EndpointView;
  template: { id: number; template: PromptTemplate };
  limit: number | null;
  targetSetName: string | null;
  /** Judge batches: which retrieval pairs are asked (lib/decontamination/pipeline/judge-pairs-sql.ts). */
  judge: { threshold: number; embeddingThreshold: number } | null;
}
