// Reads the shared benchmark files (see /work/shared/data/SOURCES.md) into index items. File I/O
// only; used by the evaluation and the benchmark, not by the product path (the database layer
// supplies its own items).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchmarkItem } from "@/lib/decontamination/benchmark-index";

type Row = Record<string, unknown>;

function readJsonl(path: string): Row[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

// How each set names its problem text and its stable key (SOURCES.md conventions: GSM8K key is the
// 0-based line index, MATH key is unique_id).
type SetReader = { file: string; text: (r: Row) => string; key: (r: Row, i: number) => string; answer?: (r: Row) => string | undefined };

/** GSM8K's final answer is the text after "####". */
export const gsm8kAnswer = (r: Row) => /####\s*(.+)\s*$/.exec(String(r.answer ?? ""))?.[1]?.trim();
const mathAnswer = (r: Row) => (r.boxed_answer === undefined ? undefined : String(r.boxed_answer));

const SETS: Record<string, SetReader> = {
  gsm8k: { file: "gsm8k/test.jsonl", text: (r) => String(r.question), key: (_, i) => String(i), answer: gsm8kAnswer },
  math: { file: "math/test.jsonl", text: (r) => String(r.problem), key: (r) => String(r.unique_id), answer: mathAnswer },
  math500: {
    file: "math500/test.jsonl",
    text: (r) => String(r.problem),
    key: (r) => String(r.unique_id),
    answer: (r) => (r.answer === undefined ? undefined : String(r.answer)),
  },
  amc23: { file: "amc23/test.jsonl", text: (r) => String(r.problem), key: (r, i) => String(r.id ?? i) },
  aime24: { file: "aime24/test.jsonl", text: (r) => String(r.problem), key: (r, i) => String(r.id ?? i) },
  aime25: {
    file: "aime25/test.jsonl",
    // The prompt carries an answer-format instruction that is not part of the problem.
    text: (r) => String(r.prompt).replace(/\s*Please reason step by step[\s\S]*$/, ""),
    key: (_, i) => String(i),
  },
  omni_math_rule: { file: "omni_math_rule/test.jsonl", text: (r) => String(r.problem), key: (_, i) => String(i) },
  olympiadbench: {
    file: "olympiadbench/test.jsonl",
    text: (r) => (r.context ? `${r.context}\n${r.question}` : String(r.question)),
    key: (r, i) => String(r.id ?? i),
  },
  minerva_math: { file: "minerva_math/test.jsonl", text: (r) => String(r.problem), key: (r, i) => String(r.idx ?? i) },
};

export const BENCHMARK_SET_NAMES = Object.keys(SETS);

/** Items of the chosen sets, ids numbered from `firstId` in set order. */
export function loadBenchmarkItems(dataDir: string, setNames: string[] = BENCHMARK_SET_NAMES, firstId = 1): BenchmarkItem[] {
  const items: BenchmarkItem[] = [];
  let id = firstId;
  for (const setName of setNames) {
    const set = SETS[setName];
    if (!set) throw new Error(`unknown benchmark set "${setName}"`);
    readJsonl(join(dataDir, set.file)).forEach((r, i) => {
      const answer = set.answer?.(r);
      items.push({ id: id++, setName, key: set.key(r, i), text: set.text(r), ...(answer ? { answer } : {}) });
    });
  }
  return items;
}

export type TrainProblem = { key: string; text: string; answer?: string; type?: string; level?: string };

/** Training problems: unrelated to the test sets by construction (up to real near-duplicates). */
export function loadTrainProblems(dataDir: string, which: "math" | "gsm8k"): TrainProblem[] {
  const rows = readJsonl(join(dataDir, which === "math" ? "math/train.jsonl" : "gsm8k/train.jsonl"));
  return rows.map((r, i) =>
    which === "math"
      ? { key: String(r.unique_id), text: String(r.problem), answer: mathAnswer(r), type: String(r.type), level: String(r.level) }
      : { key: `train/${i}`, text: String(r.question), answer: gsm8kAnswer(r) },
  );
}

/** MATH test problems' subject and level by unique_id, to draw same-type, same-level negatives. */
export function loadMathTestMeta(dataDir: string): Map<string, { type: string; level: string }> {
  return new Map(readJsonl(join(dataDir, "math/test.jsonl")).map((r) => [String(r.unique_id), { type: String(r.type), level: String(r.level) }]));
}
