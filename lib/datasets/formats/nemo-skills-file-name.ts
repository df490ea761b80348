import { basename, dirname } from "node:path";
import { groupBy } from "@/lib/group-by";

// The names NeMo-Skills gives its generation outputs (nemo_skills/pipeline/utils/generation.py
// get_chunked_rs_filename, nemo_skills/utils.py get_chunked_filename): `output.jsonl` (greedy),
// `output-rs<seed>.jsonl` (one file per random seed), and while a run split with `num_chunks` is
// not merged yet, `output-rs<seed>_chunk_<k>.jsonl` / `output_chunk_<k>.jsonl`. Chunk k of every
// seed covers the same slice of the input, so those files are read in lockstep; chunks of one
// seed are separate slices (merge_chunks.py concatenates them in chunk order).

const OUTPUT_NAME = /^output(?:-rs(\d+))?(?:_chunk_(\d+))?\.jsonl$/i;

export interface NemoOutputName {
  seed: number | null;
  chunk: number | null;
}

export function parseNemoOutputName(name: string): NemoOutputName | null {
  const match = OUTPUT_NAME.exec(basename(name));
  if (!match) return null;
  return { seed: match[1] === undefined ? null : Number(match[1]), chunk: match[2] === undefined ? null : Number(match[2]) };
}

export function isNemoOutputName(name: string): boolean {
  return parseNemoOutputName(name) !== null;
}

/** The run a file belongs to: its folder and chunk. Files of one run are read in lockstep; the
 * OpenMath2 instructions keep one run per folder (`problem-set<i>/generation/output-rs*.jsonl`),
 * so `output-rs0.jsonl` of two folders are two runs, not one. */
export function nemoRunKey(path: string): string {
  const chunk = parseNemoOutputName(path)?.chunk ?? null;
  return `${dirname(path)}\u0000${chunk ?? ""}`;
}

/** Human label of a run: "problem-set3/generation (chunk 2)". */
export function describeNemoRun(path: string): string {
  const chunk = parseNemoOutputName(path)?.chunk ?? null;
  const folder = dirname(path).split(/[\\/]/).slice(-2).join("/");
  return chunk === null ? folder : `${folder} (chunk ${chunk})`;
}

/** Splits paths into runs (by folder and chunk), each sorted by seed; runs in first-seen order. */
export function groupNemoRuns(paths: readonly string[]): string[][] {
  const seedOf = (p: string) => parseNemoOutputName(p)?.seed ?? -1;
  return [...groupBy(paths, nemoRunKey).values()].map((run) => run.sort((a, b) => seedOf(a) - seedOf(b)));
}
