import { extractAnswer } from "@/lib/grading/extract";
import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { rowSourceKey } from "@/lib/datasets/formats/source-key";
import { optionalString, optionalText, requireString, type Row } from "@/lib/datasets/formats/row-fields";

// Hendrycks MATH rows: {"problem", "solution", "level", "type", "unique_id"}; the gold answer is
// the last \boxed{} of the reference solution, extracted by the shared grading engine so import
// and grading can never disagree about what "the boxed answer" is.

export function mathRecord(row: Row, loc: ImportLocation, idField?: string): ImportRecord {
  const problem = requireString(row, "problem", loc);
  const solution = requireString(row, "solution", loc);
  const level = optionalText(row, "level", loc);
  const subject = optionalString(row, "type", loc) ?? optionalString(row, "subject", loc);
  const extracted = extractAnswer(solution);
  // A reference solution without a boxed answer is imported with no gold (the problem is still
  // usable for question augmentation); the importer reports how many such rows it saw.
  const gold = extracted.ok ? extracted.answer : null;
  return {
    location: loc,
    sourceKey: rowSourceKey(row, loc, idField),
    problem,
    goldAnswer: gold,
    goldSource: gold === null ? null : "dataset",
    problemSource: "math",
    metadata: { ...(level !== undefined && { level }), ...(subject !== undefined && { subject }) },
    solutions: [{ text: solution, sampleIndex: 0 }],
  };
}
