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
const SETS: Record<string, { file: string; text: (r: Row) => string; key: (r: Row, i: number) => string }> = {
  gsm8k: { file: "gsm8k/test.jsonl", text: (r) => String(r.question), key: (_, i) => String(i) },
  math: { file: "math/test.jsonl", text: (r) => String(r.problem), key: (r) => String(r.unique_id) },
  math500: { file: "math500/test.jsonl", text: (r) => String(r.problem), key: (r) => String(r.unique_id) },
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
      items.push({ id: id++, setName, key: set.key(r, i), text: set.text(r) });
    });
  }
  return items;
}

/** Training problems: unrelated to the test sets by construction (up to real near-duplicates). */
export function loadTrainProblems(dataDir: string, which: "math" | "gsm8k"): { key: string; text: string }[] {
  const rows = readJsonl(join(dataDir, which === "math" ? "math/train.jsonl" : "gsm8k/train.jsonl"));
  return rows.map((r, i) => ({
    key: which === "math" ? String(r.unique_id) : `train/${i}`,
    text: String(which === "math" ? r.problem : r.question),
  }));
}
