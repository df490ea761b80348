// `npm run bench -- arithmetic-filter [--rounds=N]`: the export's arithmetic check over the
// reference solutions of GSM8K train (notes removed, as a model writes) and MATH train, against
// two baselines in the same run: a bare regex pass over every number (what any check must at
// least do) and the previous regex-chain check it replaced (still in arithmetic-chains.ts for
// split-arithmetic). Median of the rounds; ratios, since the shared machine is noisy.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { writeBenchmarkSection } from "@/bench/report";
import { stripCalculatorNotes } from "@/lib/datasets/formats/gsm8k-record";
import { findArithmeticChains } from "@/lib/grading/filters/arithmetic-chains";
import { evaluateArithmetic } from "@/lib/grading/filters/arithmetic-expression";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import { readSetting } from "@/lib/settings/read-settings";

type Row = { problem: string; solution: string };

function readRows(sharedDir: string): Row[] {
  const lines = (file: string) => readFileSync(join(sharedDir, "data", file), "utf8").trim().split("\n");
  const gsm = lines("gsm8k/train.jsonl").map((l) => JSON.parse(l) as { question: string; answer: string });
  const math = lines("math/train.jsonl").map((l) => JSON.parse(l) as { problem: string; solution: string });
  return [...gsm.map((r) => ({ problem: r.question, solution: stripCalculatorNotes(r.answer) })), ...math];
}

function previousCheck(row: Row): boolean {
  for (const chain of findArithmeticChains(row.solution)) {
    const values = chain.sides.map((s) => evaluateArithmetic(s.tokens));
    if (values.some((v) => v === null)) continue;
    for (let i = 1; i < values.length; i++) if (Math.abs((values[i - 1] as number) - (values[i] as number)) > 0.5) return true;
  }
  return false;
}

function numberScan(row: Row): boolean {
  let n = 0;
  for (const _ of row.solution.matchAll(/\d+(?:\.\d+)?/g)) n++;
  return n < 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function main(args: string[]): Promise<void> {
  const sharedDir = readSetting("BOXED_SHARED_DIR") ?? join(process.cwd(), "..", "shared");
  const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 7);
  const rows = readRows(sharedDir);
  const chars = rows.reduce((n, r) => n + r.solution.length, 0);
  const runs: Record<string, number[]> = { scan: [], previous: [], check: [] };
  const fns: Record<string, (r: Row) => unknown> = { scan: numberScan, previous: previousCheck, check: (r) => incorrectArithmeticReason(r) };
  for (const fn of Object.values(fns)) for (const r of rows.slice(0, 2000)) fn(r); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t = performance.now();
      for (const r of rows) fn(r);
      runs[name].push(performance.now() - t);
    }
  }
  const [scan, previous, check] = [median(runs.scan), median(runs.previous), median(runs.check)];
  const perRow = (check * 1000) / rows.length;
  const body = `${rows.length.toLocaleString("en-US")} solutions (GSM8K train with notes removed, MATH train), ${(chars / 1e6).toFixed(1)}M characters; median of ${rounds} rounds.

| pass | time | ns/char | vs number scan |
|---|---|---|---|
| number scan (regex over every number; baseline) | ${scan.toFixed(0)} ms | ${((scan * 1e6) / chars).toFixed(1)} | 1.00x |
| previous regex-chain check | ${previous.toFixed(0)} ms | ${((previous * 1e6) / chars).toFixed(1)} | ${(previous / scan).toFixed(2)}x |
| arithmetic check (sure before it drops) | ${check.toFixed(0)} ms | ${((check * 1e6) / chars).toFixed(1)} | ${(check / scan).toFixed(2)}x |

The check costs ${(check / previous).toFixed(2)}x the previous one; ${perRow.toFixed(0)} µs per solution here, so 14M solutions take about ${((perRow * 14e6) / 6e7).toFixed(0)} minutes of one core.`;
  console.log(body);
  writeBenchmarkSection("arithmetic-filter", body);
}
