// Per-line/per-case settings as they appear in data files: our own CheckOptions names, plus the
// Math-Verify / NeMo-Skills names used by the conformance cases (match_types, precision,
// allow_set_relation_comp, include_percentage, tolerance), mapped onto CheckOptions.
import { z } from "zod";
import type { CheckOptions } from "@/lib/grading/check";

export const CheckConfigSchema = z
  .object({
    relativeTolerance: z.number().positive().optional(),
    percentRule: z.boolean().optional(),
    strict: z.boolean().optional(),
    timeBudgetMs: z.number().positive().max(60_000).optional(),
    bareNumbers: z.boolean().optional(),
    relationsAsIntervals: z.boolean().optional(),
    decimalPlaces: z.number().int().min(0).max(20).optional(),
    looseVariables: z.boolean().optional(),
    joinBoxes: z.boolean().optional(),
    match_types: z.array(z.string()).optional(),
    precision: z.number().int().min(0).max(15).optional(),
    allow_set_relation_comp: z.boolean().optional(),
    include_percentage: z.boolean().optional(),
    tolerance: z.number().positive().optional(),
  })
  .passthrough();

export type CheckConfig = z.infer<typeof CheckConfigSchema>;

export function checkOptionsFromConfig(config: CheckConfig | undefined, base: CheckOptions = {}): CheckOptions {
  if (!config) return base;
  const options: CheckOptions = { ...base };
  if (config.match_types) options.bareNumbers = config.match_types.includes("expr");
  if (config.include_percentage !== undefined) options.percentRule = config.include_percentage;
  // Exactly as given: false means relations are never compared with intervals or sets.
  if (config.allow_set_relation_comp !== undefined) options.relationsAsIntervals = config.allow_set_relation_comp;
  if (config.tolerance !== undefined) options.relativeTolerance = config.tolerance;
  // Math-Verify's `precision` rounds both values to that many decimal places where a decimal was
  // written: looser than our tolerance for large numbers, tighter for small ones.
  if (config.precision !== undefined) options.decimalPlaces = config.precision;
  // Math-Verify's `strict` is about variables and set/tuple shapes, not our formatting `strict`.
  if (config.strict !== undefined) options.looseVariables = !config.strict;
  for (const key of ["relativeTolerance", "percentRule", "timeBudgetMs", "bareNumbers", "relationsAsIntervals", "decimalPlaces", "looseVariables", "joinBoxes"] as const) {
    if (config[key] !== undefined) (options as Record<string, unknown>)[key] = config[key];
  }
  return options;
}
