import type { ImportLocation, ImportRecord, ImportSolution } from "@/lib/datasets/formats/import-record";
import { ImportError } from "@/lib/datasets/formats/import-error";
import { fallbackSourceKey } from "@/lib/datasets/formats/source-key";
import {
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalText,
  type Row,
} from "@/lib/datasets/formats/row-fields";

// NeMo-Skills generation outputs: one `output-rs<seed>.jsonl` per random seed, line i of every file
// is the same problem. Fields: the input fields (problem or question, expected_answer, ...) plus
// generation, predicted_answer, is_correct | symbolic_correct, num_generated_tokens, and after
// majority voting majority_votes / total_votes (expected_answer then holds the voted label).

const SEED_IN_NAME = /output-rs(\d+)\.jsonl$/i;

export function seedFromFileName(name: string): number | null {
  const match = SEED_IN_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

function problemField(row: Row): "problem" | "question" {
  return row.problem === undefined && row.question !== undefined ? "question" : "problem";
}

function problemText(row: Row, loc: ImportLocation): string {
  const field = problemField(row);
  const value = optionalString(row, field, loc);
  if (value === undefined) {
    throw new ImportError({ code: "missing-field", file: loc.file, line: loc.line, field: "problem", detail: 'field "problem" (or "question") is missing' });
  }
  return value;
}

function solutionOf(row: Row, loc: ImportLocation, sampleIndex: number, seed: number | null): ImportSolution {
  const text = optionalString(row, "generation", loc);
  if (text === undefined) {
    throw new ImportError({ code: "missing-field", file: loc.file, line: loc.line, field: "generation", detail: 'field "generation" is missing' });
  }
  const verdict = optionalBoolean(row, "is_correct", loc) ?? optionalBoolean(row, "symbolic_correct", loc);
  return {
    text,
    sampleIndex,
    predictedAnswer: optionalText(row, "predicted_answer", loc) ?? null,
    fileVerdict: verdict ?? null,
    generatedTokens: optionalInteger(row, "num_generated_tokens", loc) ?? null,
    seed,
  };
}

/** Build one record from line i of each file (same order as `seeds`). Throws if the files disagree
 * about which problem line i is. */
export function nemoSkillsRecord(rows: Row[], locs: ImportLocation[], seeds: (number | null)[]): ImportRecord {
  const first = rows[0];
  const firstLoc = locs[0];
  if (!first || !firstLoc) throw new Error("nemoSkillsRecord needs at least one row");
  const problem = problemText(first, firstLoc);
  for (let i = 1; i < rows.length; i++) {
    const loc = locs[i] as ImportLocation;
    const other = problemText(rows[i] as Row, loc);
    if (other !== problem) {
      throw new ImportError({
        code: "lockstep-mismatch",
        file: loc.file,
        line: loc.line,
        field: problemField(rows[i] as Row),
        value: other,
        detail: `field "${problemField(rows[i] as Row)}" differs from ${firstLoc.file.split(/[\\/]/).pop()} line ${firstLoc.line}: the files are not in lockstep`,
      });
    }
  }
  const gold = optionalText(first, "expected_answer", firstLoc) ?? null;
  const majorityVotes = optionalInteger(first, "majority_votes", firstLoc);
  const totalVotes = optionalInteger(first, "total_votes", firstLoc);
  const level = optionalText(first, "level", firstLoc);
  const subject = optionalString(first, "type", firstLoc) ?? optionalString(first, "subject", firstLoc);
  const id = optionalText(first, "unique_id", firstLoc) ?? optionalText(first, "id", firstLoc);
  const problemSource = optionalString(first, "problem_source", firstLoc);
  return {
    location: firstLoc,
    sourceKey: id ?? fallbackSourceKey(firstLoc),
    problem,
    goldAnswer: gold,
    goldSource: gold === null ? null : majorityVotes !== undefined ? "majority-vote" : "dataset",
    ...(majorityVotes !== undefined && { majorityVotes }),
    ...(totalVotes !== undefined && { totalVotes }),
    ...(problemSource !== undefined && { problemSource }),
    metadata: { ...(level !== undefined && { level }), ...(subject !== undefined && { subject }) },
    solutions: rows.map((row, i) => solutionOf(row, locs[i] as ImportLocation, i, seeds[i] ?? null)),
  };
}
