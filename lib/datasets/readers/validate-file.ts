import type { DatasetFormat, FieldMapping } from "@/lib/datasets/formats/dataset-format";
import { ImportError } from "@/lib/datasets/formats/import-error";
import { openDataset } from "@/lib/datasets/readers/open-dataset";

// Dry run: read the whole file like an import would, but collect errors instead of stopping at the
// first, so the user can fix everything in one go. Row-level errors (bad JSON on a line, a missing
// or mistyped field, a CSV row with the wrong number of fields) are collected; errors after which
// the rest of the file cannot be trusted (invalid UTF-8, unterminated CSV quote, unreadable
// Parquet, files out of lockstep, undetectable format) end the run and are reported as `fatal`.

export interface ValidateOptions {
  format?: DatasetFormat;
  mapping?: FieldMapping;
  idField?: string;
  /** Stop collecting after this many errors (default 100). */
  maxErrors?: number;
}

export interface ValidationReport {
  ok: boolean;
  format: DatasetFormat | null;
  records: number;
  rows: number;
  solutions: number;
  blankLines: number;
  /** MATH-style rows whose reference solution has no \boxed{} answer. */
  recordsWithoutGold: number;
  errors: ImportError[];
  /** More errors existed than `maxErrors`. */
  truncated: boolean;
  /** The last error stopped the run. */
  fatal: boolean;
}

class EnoughErrors extends Error {}

export async function validateFile(input: string | readonly string[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const maxErrors = options.maxErrors ?? 100;
  const report: ValidationReport = {
    ok: false,
    format: null,
    records: 0,
    rows: 0,
    solutions: 0,
    blankLines: 0,
    recordsWithoutGold: 0,
    errors: [],
    truncated: false,
    fatal: false,
  };
  const onRowError = (error: ImportError) => {
    if (report.errors.length >= maxErrors) {
      report.truncated = true;
      throw new EnoughErrors();
    }
    report.errors.push(error);
  };
  let progress: { rowsRead: number; blankLines: number } | null = null;
  try {
    const reader = await openDataset(input, { format: options.format, mapping: options.mapping, idField: options.idField, onRowError });
    report.format = reader.format;
    progress = reader.progress;
    for await (const record of reader) {
      report.records++;
      report.solutions += record.solutions.length;
      if (record.goldAnswer === null) report.recordsWithoutGold++;
    }
  } catch (error) {
    if (error instanceof ImportError) {
      report.errors.push(error);
      report.fatal = true;
    } else if (!(error instanceof EnoughErrors)) throw error;
  }
  if (progress) {
    report.rows = progress.rowsRead;
    report.blankLines = progress.blankLines;
  }
  report.ok = report.errors.length === 0;
  return report;
}
