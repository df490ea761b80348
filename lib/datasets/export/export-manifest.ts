// The manifest written beside every export (`<file>.manifest.json`) and kept as the export Task's
// result: what went out, from where, with which settings, what each filter removed and why, when
// and by whom. Enough to reproduce or audit a training file months later.
import type { ExportSettings } from "@/lib/datasets/export/export-settings";
import type { RemovedCount } from "@/lib/datasets/export/export-stats";

export interface ExportManifest {
  manifestVersion: 1;
  file: string;
  format: ExportSettings["format"];
  rows: number;
  bytes: number;
  /** Rows (problem, solution pairs) read from the database in the export's scope. */
  scanned: number;
  /** Solutions shortened by "trim after the boxed line". */
  trimmed: number;
  perSource: Record<string, number>;
  /** Rows written by provenance: generated (model-written) and reference (came with a problem file). */
  perProvenance: { generated: number; reference: number };
  /** Reference solutions in scope: whether they were asked for, and how many stayed out if not
   * (counted before any filter; `scanned` includes them). */
  references: { included: boolean; leftOut: number; examples: number[] };
  /** Sources written that are not one of the OpenMathInstruct-2 release's four, with their rows. */
  sourcesOutsideRelease: { note: string; rows: Record<string, number> } | null;
  removed: Record<string, RemovedCount>;
  sets: { id: number; name: string; role: string }[];
  settings: ExportSettings;
  tokenizer: string;
  /** How the rows were produced: "copy" when PostgreSQL rendered the lines (every filter in force
   * decidable in SQL), "stream" when Node filtered and wrote each row. Same output either way. */
  path: "copy" | "stream";
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  user: { id: number; email: string } | null;
  taskId: number | null;
}

export function manifestPathFor(file: string): string {
  return `${file}.manifest.json`;
}
