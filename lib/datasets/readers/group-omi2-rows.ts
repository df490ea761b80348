import type { ImportLocation, ImportRecord } from "@/lib/datasets/formats/import-record";
import { omi2GoldSource, type Omi2Row } from "@/lib/datasets/formats/omi2-row";
import { fallbackSourceKey } from "@/lib/datasets/formats/source-key";

// The OMI2 release stores one row per solution, grouped by problem. Consecutive rows with the same
// (problem, expected_answer, problem_source) become one record with several solutions. A run is
// cut at `maxSolutions` so a pathological file cannot make us buffer without bound; the loader
// then sees two records with the same problem and merges them by problemHash like any duplicate.

export const DEFAULT_MAX_SOLUTIONS_PER_RECORD = 10_000;

export interface Omi2Item {
  row: Omi2Row;
  loc: ImportLocation;
}

function sameGroup(a: Omi2Row, b: Omi2Row): boolean {
  return a.problem === b.problem && a.expectedAnswer === b.expectedAnswer && a.problemSource === b.problemSource;
}

function toRecord(first: Omi2Item, solutions: string[]): ImportRecord {
  const { row, loc } = first;
  return {
    location: loc,
    sourceKey: row.id ?? fallbackSourceKey(loc),
    problem: row.problem,
    goldAnswer: row.expectedAnswer,
    goldSource: omi2GoldSource(row.problemSource),
    ...(row.problemSource !== undefined && { problemSource: row.problemSource }),
    metadata: {},
    solutions: solutions.map((text, sampleIndex) => ({ text, sampleIndex })),
  };
}

export async function* groupOmi2Rows(
  items: AsyncIterable<Omi2Item>,
  maxSolutions = DEFAULT_MAX_SOLUTIONS_PER_RECORD,
): AsyncGenerator<ImportRecord> {
  let first: Omi2Item | null = null;
  let solutions: string[] = [];
  for await (const item of items) {
    if (first && (!sameGroup(first.row, item.row) || solutions.length >= maxSolutions)) {
      yield toRecord(first, solutions);
      first = null;
    }
    if (!first) {
      first = item;
      solutions = [];
    }
    solutions.push(item.row.solution);
  }
  if (first) yield toRecord(first, solutions);
}
