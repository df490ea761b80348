import { basename } from "node:path";
import { ImportError } from "@/lib/datasets/formats/import-error";
import type { ImportLocation, ImportRecord, ImportSolution } from "@/lib/datasets/formats/import-record";
import { readJudgement } from "@/lib/datasets/formats/nemo-skills-judgement";
import { isAugmentedSource } from "@/lib/datasets/formats/release-sources";
import {
  optionalBoolean,
  optionalInteger,
  optionalString,
  optionalText,
  type Row,
} from "@/lib/datasets/formats/row-fields";
import { fallbackSourceKey } from "@/lib/datasets/formats/source-key";

// NeMo-Skills generation outputs, as nemo_skills/inference/generate.py writes them: one
// `output-rs<seed>.jsonl` per random seed, line i of every file the same problem, each line the
// model's output fields (generation, num_generated_tokens, ...) followed by every input field
// (problem or question, expected_answer, ...). Later steps add to the same lines:
// - math evaluation: predicted_answer and symbolic_correct (older versions: is_correct);
// - an LLM judge: judgement ("Judgement: Yes/No" text), read as NeMo-Skills reads it
//   (nemo-skills-judgement.ts);
// - majority voting (nemo_skills/evaluation/aggregate_answers.py, mode fill): expected_answer
//   replaced by the voted answer, majority_votes / total_votes, fill_mode, and is_correct by exact
//   string match; a problem without any answer gets expected_answer "no_valid_answer_found";
// - parse_reasoning (nemo_skills/utils.py): the whole output moved to _full_generation, the part
//   after the thinking end tag left in generation, _generation_finished_thinking false when the
//   tag never came (older versions then set generation to "", newer ones leave it whole).
// A line that is `{}` is a position with no output (NeMo-Skills' own readers skip it).

/** What majority voting writes for a problem none of whose solutions had an answer: no label. */
export const NO_VALID_ANSWER = "no_valid_answer_found";

export type FileVerdictSource = "is_correct" | "symbolic_correct" | "judgement";

export interface NemoSkillsReadOptions {
  /** Import `_full_generation` (the thinking trace with the answer) instead of `generation`. */
  fullGeneration?: boolean;
  /** The problem source the import was given (--source), for lines that name none. */
  source?: string;
}

/** Counts the reader keeps while it reads, for the import summary. */
export class NemoSkillsReadStats {
  /** `{}` lines (positions without output), skipped. */
  emptyLines = 0;
  /** Line positions where every file had `{}`: no problem to read. */
  emptyPositions = 0;
  /** Reasoning outputs whose thinking never ended (no answer part), skipped. */
  unfinishedThinking = 0;
  /** fullGeneration was asked for but the line has no `_full_generation`: `generation` taken. */
  fullGenerationMissing = 0;
  /** Solutions whose file verdict came from each field. */
  readonly verdictsFrom: Record<FileVerdictSource, number> = { is_correct: 0, symbolic_correct: 0, judgement: 0 };
  /** Judgements with no verdict NeMo-Skills can read, which it (and so we) counts as "no". */
  judgementsUnreadable = 0;
  /** Problems majority voting found no answer for (expected_answer "no_valid_answer_found"). */
  noVoteProblems = 0;
  /** New problems (an augmented_* source) not voted on yet: their expected_answer is the seed
   * problem's, so it was not taken as theirs. */
  seedAnswersIgnored = 0;

  toJSON() {
    return {
      emptyLines: this.emptyLines,
      emptyPositions: this.emptyPositions,
      unfinishedThinking: this.unfinishedThinking,
      fullGenerationMissing: this.fullGenerationMissing,
      verdictsFrom: { ...this.verdictsFrom },
      judgementsUnreadable: this.judgementsUnreadable,
      noVoteProblems: this.noVoteProblems,
      seedAnswersIgnored: this.seedAnswersIgnored,
    };
  }
}

export type NemoSkillsReadCounts = ReturnType<NemoSkillsReadStats["toJSON"]>;

export function isEmptyRow(row: Row): boolean {
  for (const _ in row) return false;
  return true;
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

function fileVerdict(row: Row, loc: ImportLocation, stats: NemoSkillsReadStats): { verdict: boolean; source: FileVerdictSource } | null {
  const isCorrect = optionalBoolean(row, "is_correct", loc);
  if (isCorrect !== undefined) return { verdict: isCorrect, source: "is_correct" };
  const symbolic = optionalBoolean(row, "symbolic_correct", loc);
  if (symbolic !== undefined) return { verdict: symbolic, source: "symbolic_correct" };
  if (row.judgement === undefined || row.judgement === null) return null;
  const judgement = optionalString(row, "judgement", loc);
  const read = readJudgement(judgement);
  if (!read.readable) stats.judgementsUnreadable++;
  return { verdict: read.correct, source: "judgement" };
}

/** The solution text, or null when the line's thinking never finished (no answer part). */
function solutionText(row: Row, loc: ImportLocation, options: NemoSkillsReadOptions, stats: NemoSkillsReadStats): string | null {
  const generation = optionalString(row, "generation", loc);
  if (generation === undefined) {
    throw new ImportError({ code: "missing-field", file: loc.file, line: loc.line, field: "generation", detail: 'field "generation" is missing' });
  }
  const finished = optionalBoolean(row, "_generation_finished_thinking", loc);
  const full = optionalString(row, "_full_generation", loc);
  // Without the flag (it came with parse_reasoning), an empty generation beside a full one is how
  // the older parse_reasoning marked an unfinished thought.
  if (finished === false || (finished === undefined && full !== undefined && generation === "")) {
    stats.unfinishedThinking++;
    return null;
  }
  if (!options.fullGeneration) return generation;
  if (full === undefined) {
    stats.fullGenerationMissing++;
    return generation;
  }
  return full;
}

/** Build one record from line i of each file (same order as `seeds`). Returns null when every
 * line is `{}`. Throws if the files disagree about which problem line i is. */
export function nemoSkillsRecord(
  rows: Row[],
  locs: ImportLocation[],
  seeds: (number | null)[],
  options: NemoSkillsReadOptions = {},
  stats: NemoSkillsReadStats = new NemoSkillsReadStats(),
): ImportRecord | null {
  const location = locs[0];
  if (!location) throw new Error("nemoSkillsRecord needs at least one row");
  const filled: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (isEmptyRow(rows[i] as Row)) stats.emptyLines++;
    else filled.push(i);
  }
  if (filled.length === 0) {
    stats.emptyPositions++;
    return null;
  }
  const firstIndex = filled[0] as number;
  const first = rows[firstIndex] as Row;
  const firstLoc = locs[firstIndex] as ImportLocation;
  const problem = problemText(first, firstLoc);
  for (const i of filled.slice(1)) {
    const loc = locs[i] as ImportLocation;
    const row = rows[i] as Row;
    const other = problemText(row, loc);
    if (other !== problem) {
      throw new ImportError({
        code: "lockstep-mismatch",
        file: loc.file,
        line: loc.line,
        field: problemField(row),
        value: other,
        detail: `field "${problemField(row)}" differs from ${basename(firstLoc.file)} line ${firstLoc.line}: the files are not in lockstep`,
      });
    }
  }
  const stated = optionalText(first, "expected_answer", firstLoc);
  const majorityVotes = optionalInteger(first, "majority_votes", firstLoc);
  const totalVotes = optionalInteger(first, "total_votes", firstLoc);
  // fill_mode comes with every fill, also the reward-model ones that write no vote counts.
  const voted = majorityVotes !== undefined || (first.fill_mode !== undefined && first.fill_mode !== null);
  const level = optionalText(first, "level", firstLoc);
  const subject = optionalString(first, "type", firstLoc) ?? optionalString(first, "subject", firstLoc);
  const id = optionalText(first, "unique_id", firstLoc) ?? optionalText(first, "id", firstLoc);
  const problemSource = optionalString(first, "problem_source", firstLoc);

  let gold: string | null = stated === undefined || stated.trim() === "" ? null : stated;
  // A verdict measured against an answer we do not take as the gold says nothing about this problem.
  let verdictsMeaningful = true;
  if (gold === NO_VALID_ANSWER) {
    gold = null;
    verdictsMeaningful = false;
    stats.noVoteProblems++;
  } else if (gold !== null && !voted && isAugmentedSource(problemSource ?? options.source)) {
    gold = null;
    verdictsMeaningful = false;
    stats.seedAnswersIgnored++;
  }

  const solutions: ImportSolution[] = [];
  for (const i of filled) {
    const row = rows[i] as Row;
    const loc = locs[i] as ImportLocation;
    const text = solutionText(row, loc, options, stats);
    if (text === null) continue;
    const verdict = verdictsMeaningful ? fileVerdict(row, loc, stats) : null;
    if (verdict) stats.verdictsFrom[verdict.source]++;
    solutions.push({
      text,
      sampleIndex: i,
      predictedAnswer: optionalText(row, "predicted_answer", loc) ?? null,
      fileVerdict: verdict?.verdict ?? null,
      fileVerdictSource: verdict?.source ?? null,
      generatedTokens: optionalInteger(row, "num_generated_tokens", loc) ?? null,
      seed: seeds[i] ?? null,
    });
  }
  return {
    location,
    sourceKey: id ?? fallbackSourceKey(location),
    problem,
    goldAnswer: gold,
    goldSource: gold === null ? null : voted ? "majority-vote" : "dataset",
    ...(majorityVotes !== undefined && { majorityVotes }),
    ...(totalVotes !== undefined && { totalVotes }),
    ...(problemSource !== undefined && { problemSource }),
    metadata: { ...(level !== undefined && { level }), ...(subject !== undefined && { subject }) },
    solutions,
  };
}
