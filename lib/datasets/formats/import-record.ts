// The normalised shape every reader yields, whatever the file format. The database loader
// consumes these one at a time, so nothing here refers to the whole file.

/** Where a record came from. JSONL/CSV set `line` (1-based physical line where the record starts);
 * Parquet sets `rowGroup` (0-based) and `row` (0-based row index within the whole file). */
export interface ImportLocation {
  file: string;
  line?: number;
  rowGroup?: number;
  row?: number;
}

export interface ImportSolution {
  text: string;
  /** 0-based position of this solution within its record (the file index for NeMo-Skills lockstep). */
  sampleIndex: number;
  predictedAnswer?: string | null;
  /** `is_correct` / `symbolic_correct` / the judge's `judgement` as the file stated it; never recomputed here. */
  fileVerdict?: boolean | null;
  /** The field the file verdict came from (NeMo-Skills outputs). */
  fileVerdictSource?: "is_correct" | "symbolic_correct" | "judgement" | null;
  generatedTokens?: number | null;
  /** From the `output-rs<seed>.jsonl` (or `output-rs<seed>_chunk_<k>.jsonl`) file name. */
  seed?: number | null;
}

export type GoldSource = "dataset" | "majority-vote";

export interface ImportRecord {
  location: ImportLocation;
  /** `id`/`unique_id` when the file has one, else "<file basename>:<line>" (Parquet: "<basename>:row<N>"). */
  sourceKey: string;
  problem: string;
  goldAnswer: string | null;
  goldSource: GoldSource | null;
  majorityVotes?: number;
  totalVotes?: number;
  /** e.g. gsm8k, math, augmented_gsm8k, augmented_math. */
  problemSource?: string;
  metadata: { level?: string; subject?: string };
  solutions: ImportSolution[];
}
