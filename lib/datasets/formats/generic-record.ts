import type { FieldMapping } from "@/lib/datasets/formats/dataset-format";
import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { fallbackSourceKey, rowSourceKey } from "@/lib/datasets/formats/source-key";
import { optionalText, requireString, type Row } from "@/lib/datasets/formats/row-fields";

// A user's own JSONL/CSV file, read through an explicit column mapping. Mapped optional columns
// may be empty (CSV) or null (JSON) in a row; an absent mapped column is an error.

function mappedText(row: Row, column: string | undefined, loc: ImportLocation): string | undefined {
  if (column === undefined) return undefined;
  if (!(column in row)) requireString(row, column, loc);
  const text = optionalText(row, column, loc);
  return text === "" ? undefined : text;
}

export function genericRecord(row: Row, loc: ImportLocation, mapping: FieldMapping, idField?: string): ImportRecord {
  const problem = requireString(row, mapping.problem, loc);
  const answer = mappedText(row, mapping.answer, loc);
  const solution = mappedText(row, mapping.solution, loc);
  const source = mappedText(row, mapping.source, loc);
  return {
    location: loc,
    sourceKey: mapping.id !== undefined ? (mappedText(row, mapping.id, loc) ?? fallbackSourceKey(loc)) : rowSourceKey(row, loc, idField),
    problem,
    goldAnswer: answer ?? null,
    goldSource: answer === undefined ? null : "dataset",
    ...(source !== undefined && { problemSource: source }),
    metadata: {},
    solutions: solution === undefined ? [] : [{ text: solution, sampleIndex: 0 }],
  };
}
