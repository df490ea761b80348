// What an export takes: the file format, what goes out (sets, sources, batches) and the recipe's
// filters (docs/recipe.md section 5), each a setting whose default is the published value.
import { z } from "zod";

// The published length bounds (lib/grading/filters/length-bounds.ts RECIPE_LENGTH_BOUNDS, checked
// equal by a unit test). Not imported from there: this module is used by the exports page in the
// browser, and that one pulls in the tokenizer.
export const RECIPE_BOUNDS = { maxProblemTokens: 1024, minSolutionChars: 200, maxSolutionTokens: 1024 } as const;

export const EXPORT_FORMATS = ["omi2-jsonl", "omi2-parquet", "nemo-sft", "messages"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  "omi2-jsonl": "OpenMathInstruct-2 JSONL",
  "omi2-parquet": "OpenMathInstruct-2 Parquet",
  "nemo-sft": "NeMo-Skills SFT manifest (JSONL)",
  messages: "Chat messages (JSONL)",
};

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = {
  "omi2-jsonl": ".jsonl",
  "omi2-parquet": ".parquet",
  "nemo-sft": ".jsonl",
  messages: ".jsonl",
};

// Bounds compared with integer columns stay within PostgreSQL's integer, so an address like
// ?maxSolutionTokens=99999999999 is refused by validation, not by the database.
const INT4_MAX = 2_147_483_647;
const bound = z.number().int().nonnegative().max(INT4_MAX).nullable();

export const ExportSettingsSchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("omi2-jsonl"),
  /** Problem set names; empty means every seed and synthetic set (benchmarks only when named). */
  sets: z.array(z.string().min(1).max(200)).max(1_000).default([]),
  /** problem_source values (gsm8k, augmented_math, ...); empty means all. */
  sources: z.array(z.string().min(1).max(200)).max(1_000).default([]),
  /** Generation batch ids; empty means solutions from any batch and imported ones. */
  batches: z.array(z.number().int().positive().max(INT4_MAX)).max(1_000).default([]),
  /** Reference solutions (the worked answers that came with a problem file: GSM8K `answer`, MATH
   * `solution`) go out too. Off by default: a training set is model-written solutions, as
   * OpenMathInstruct-2 is; references left out are counted apart in the manifest. */
  includeReferences: z.boolean().default(false),
  correctOnly: z.boolean().default(true),
  /** Problems marked contaminated or flagged stay out. */
  excludeContaminated: z.boolean().default(true),
  dropMultiBoxed: z.boolean().default(true),
  /** A solution without any \boxed{} has no answer a model could learn to box: dropped. */
  requireBoxed: z.boolean().default(true),
  maxProblemTokens: bound.default(RECIPE_BOUNDS.maxProblemTokens),
  minSolutionChars: bound.default(RECIPE_BOUNDS.minSolutionChars),
  maxSolutionTokens: bound.default(RECIPE_BOUNDS.maxSolutionTokens),
  trimAfterBoxed: z.boolean().default(true),
  arithmeticCheck: z.boolean().default(true),
  /** Exact duplicate (problem, solution) pairs: the first stays. */
  dedup: z.boolean().default(true),
  /** Fair downsampling: the k-th solution of every problem before any (k+1)-th. */
  maxRows: z.number().int().positive().nullable().default(null),
  /** Rows whose problem has no gold answer stay out (counted); when kept, expected_answer is null, never "". */
  dropWithoutGold: z.boolean().default(true),
  /** Problems marked as near-duplicates by "keep one per cluster" (/decontamination/clusters)
   * stay out: only each cluster's kept problem goes out. Off by default. */
  dropNearDuplicates: z.boolean().default(false),
  /** JSONL written as Python's json.dumps writes it (NeMo-Skills' key order, ", " / ": ", ASCII
   * escapes), to byte-compare with a manifest NeMo-Skills built. */
  pythonJson: z.boolean().default(false),
});

export type ExportSettings = z.infer<typeof ExportSettingsSchema>;
export type ExportSettingsInput = z.input<typeof ExportSettingsSchema>;

/** Every filter off: what the database holds, row for row (round trips, audits). */
export const NO_FILTERS = {
  includeReferences: true,
  correctOnly: false,
  excludeContaminated: false,
  dropMultiBoxed: false,
  requireBoxed: false,
  maxProblemTokens: null,
  minSolutionChars: null,
  maxSolutionTokens: null,
  trimAfterBoxed: false,
  arithmeticCheck: false,
  dedup: false,
  maxRows: null,
  dropWithoutGold: false,
  dropNearDuplicates: false,
} as const satisfies Partial<ExportSettings>;

export function parseExportSettings(input: ExportSettingsInput): ExportSettings {
  return ExportSettingsSchema.parse(input);
}
