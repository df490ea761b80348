import type { GoldSource, ImportLocation } from "@/lib/datasets/formats/import-record";
import { optionalString, requireString, requireText, type Row } from "@/lib/datasets/formats/row-fields";

// One OpenMathInstruct-2 release row: {"problem", "generated_solution", "expected_answer",
// "problem_source"}. The release repeats the problem on every solution row; readers fold runs of
// equal problems into one record (see readers/group-omi2-rows.ts).

export interface Omi2Row {
  problem: string;
  solution: string;
  expectedAnswer: string;
  problemSource?: string;
}

export function parseOmi2Row(row: Row, loc: ImportLocation): Omi2Row {
  return {
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
