// What launching a batch takes, from the studio form or `boxed batch create`. Sets, endpoints and
// templates can be named or given by id; the defaults are the recipe's (section 1): temperature
// 1.0, top_p 0.95, 2048 new tokens, seed = seedBase + sampleIndex. Judge batches are greedy
// (temperature 0), as the recipe's decontamination judge is, and ask each close retrieval pair
// (score or embedding threshold) in both orders, whichever way they are launched.
import { z } from "zod";

export const BATCH_KINDS = ["solutions", "problems", "label", "judge"] as const;
export type BatchKindName = (typeof BATCH_KINDS)[number];

export const BATCH_KIND_TITLES: Record<BatchKindName, string> = {
  solutions: "Solutions for problems with known answers",
  problems: "New problems from seeds",
  label: "Solutions + majority-vote labels for synthetic problems",
  judge: "LLM judge for decontamination candidates",
};

/** Samples per problem when none is given (the recipe used 512/64, 80/10 and 32). */
export const DEFAULT_SAMPLES: Record<BatchKindName, number> = { solutions: 8, problems: 4, label: 32, judge: 2 };

export const SAMPLING_DEFAULTS = {
  solutions: { temperature: 1.0, topP: 0.95, maxTokens: 2048 },
  problems: { temperature: 1.0, topP: 0.95, maxTokens: 2048 },
  label: { temperature: 1.0, topP: 0.95, maxTokens: 2048 },
  judge: { temperature: 0, topP: 1, maxTokens: 32 },
} as const;

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
