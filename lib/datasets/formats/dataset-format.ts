// Names of the supported input formats and physical containers.

export const DATASET_FORMATS = ["gsm8k", "math", "omi2", "nemo-skills", "messages", "generic"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export type Container = "jsonl" | "csv" | "parquet";

/** Column names of a user's file for the `generic` format. Only `problem` is required. */
export interface FieldMapping {
  problem: string;
  answer?: string;
  solution?: string;
  id?: string;
  source?: string;
}

/** Where a solution came from (samples.provenance). */
export const PROVENANCES = ["reference", "generated"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * What the solutions of each input format are. A format that ships problems with their worked
 * answers (GSM8K `answer`, MATH `solution`, a generic file's `solution` column) gives references;
 * a file of model outputs (OMI2 rows, NeMo-Skills outputs, chat messages) gives generated solutions. A new format
 * only has to say which here (the Record makes the compiler ask); the loader stamps every
 * solution of the import with it, and exports and insights read generated ones by default.
 */
export const FORMAT_PROVENANCE: Record<DatasetFormat, Provenance> = {
  gsm8k: "reference",
  math: "reference",
  omi2: "generated",
  "nemo-skills": "generated",
  // Chat rows: every assistant turn is a model's answer.
  messages: "generated",
  generic: "reference",
};

/** Human label used in messages ("looks like MATH JSONL ..."). */
export const FORMAT_LABELS: Record<DatasetFormat, string> = {
  gsm8k: "GSM8K",
  math: "MATH",
  omi2: "OpenMathInstruct-2",
  "nemo-skills": "NeMo-Skills output",
  messages: "chat messages",
  generic: "generic",
};

export function isDatasetFormat(value: string): value is DatasetFormat {
  return (DATASET_FORMATS as readonly string[]).includes(value);
}

/**
 * The format a user named: a format of DATASET_FORMATS, or an export format name that means the
 * same rows (`omi2-jsonl` and `omi2-parquet` are `omi2`: the container comes from the file name).
 * Import and export accept each other's names; docs use `omi2`.
 */
export function datasetFormatFromName(value: string): DatasetFormat | null {
  if (isDatasetFormat(value)) return value;
  if (value === "omi2-jsonl" || value === "omi2-parquet") return "omi2";
  return null;
}
