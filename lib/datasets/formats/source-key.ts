import { basename } from "node:path";
import type { ImportLocation } from "@/lib/datasets/formats/import-record";

/** Stable key for rows without an id: "<file basename>:<line>" for text files,
 * "<file basename>:row<N>" (0-based row in the file) for Parquet. */
export function fallbackSourceKey(loc: ImportLocation): string {
  const name = basename(loc.file);
  if (loc.line !== undefined) return `${name}:${loc.line}`;
  return `${name}:row${loc.row ?? 0}`;
}
