// What every exporter consumes: one (problem, solution) pair that passed the export filters.
export interface ExportRow {
  problem: string;
  solution: string;
  /** Null only when the export keeps rows without a gold answer (never written as ""). */
  expectedAnswer: string | null;
  /** gsm8k, math, augmented_gsm8k, augmented_math, or a user's source name. */
  problemSource: string;
}

export interface ExportResult {
  rows: number;
  /** Bytes handed to the output stream. */
  bytes: number;
}
