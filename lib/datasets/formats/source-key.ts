import { basename } from "node:path";
import type { ImportLocation } from "@/lib/datasets/formats/import-record";
import { requireText, type Row } from "@/lib/datasets/formats/row-fields";

/** Fields that hold a row's own id, in the order they are looked for. */
export const ROW_ID_FIELDS = ["id", "unique_id", "problem_id"] as const;

/**
 * A row's key: its own id, from `idField` when the import names one (then every row must have
 * it), else the first of id / unique_id / problem_id that holds a string or a number; rows with
 * none get "<file>:<line>" (Parquet "<file>:row<N>").
 */
export function rowSourceKey(row: Row, loc: ImportLocation, idField?: string): string {
  if (idField !== undefined) return requireText(row, idField, loc);
  for (const field of ROW_ID_FIELDS) {
    const value = row[field];
    if (typeof value === "string" && value.trim() !== "") return value;
    if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "bigint") return String(value);
  }
  return fallbackSourceKey(loc);
}

/** Stable key for rows without an id: "<file basename>:<line>" for text files,
 * "<file basename>:row<N>" (0-based row in the file) for Parquet. */
export function fallbackSourceKey(loc: ImportLocation): string {
  const name = basename(loc.file);
  if (loc.line !== undefined) return `${name}:${loc.line}`;
  return `${name}:row${loc.row ?? 0}`;
}
