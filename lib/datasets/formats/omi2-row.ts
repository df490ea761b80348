import type { GoldSource, ImportLocation } from "@/lib/datasets/formats/import-record";
import { optionalString, requireString, requireText, type Row } from "@/lib/datasets/formats/row-fields";
import { fallbackSourceKey, rowSourceKey } from "@/lib/datasets/formats/source-key";

// One OpenMathInstruct-2 release row: {"problem", "generated_solution", "expected_answer",
// "problem_source"}. The release repeats the problem on every solution row; readers fold runs of
// equal problems into one record (see readers/group-omi2-rows.ts).

export interface Omi2Row {
  problem: string;
  solution: string;
  expectedAnswer: string;
  problemSource?: string;
  /** The row's own id (id / unique_id / problem_id, or the import's id field), if any. */
  id?: string;
}

export function parseOmi2Row(row: Row, loc: ImportLocation, idField?: string): Omi2Row {
  const key = rowSourceKey(row, loc, idField);
  return {
    ...(key !== fallbackSourceKey(loc) && { id: key }),
    problem: requireString(row, "problem", loc),
    solution: requireString(row, "generated_solution", loc),
    expectedAnswer: requireText(row, "expected_answer", loc),
    problemSource: optionalString(row, "problem_source", loc),
  };
}

/** In the release, seed problems (gsm8k, math) carry the dataset's answer while synthesized ones
 * (augmented_*) carry the majority-vote label; a missing source is treated as dataset. */
export function omi2GoldSource(problemSource: string | undefined): GoldSource {
  return problemSource?.startsWith("augmented") ? "majority-vote" : "dataset";
}
