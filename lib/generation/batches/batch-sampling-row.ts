// generation_batches' sampling columns as pg returns them, read by the batch page's progress and by
// the runner: one row shape and one mapping to BatchSampling for both.
import type { BatchSampling } from "@/lib/generation/batches/batch-launch-input";

export interface BatchSamplingRow {
  samples_per_problem: number;
  temperature: number;
  top_p: number;
  max_tokens: number;
  seed_base: number;
}

/** The same columns for a SELECT over generation_batches aliased `b`. */
export const BATCH_SAMPLING_COLUMNS = "b.samples_per_problem, b.temperature, b.top_p, b.max_tokens, b.seed_base";

export function samplingFromRow(row: BatchSamplingRow): BatchSampling {
  return { samplesPerProblem: row.samples_per_problem, temperature: row.temperature, topP: row.top_p, maxTokens: row.max_tokens, seedBase: row.seed_base };
}
