// Runs Math-Verify (../shared/tools/math-verify/verify.py) and Boxed on the differential corpus
// and prints, per rule, where each engine departs from the rule's verdict: the table of
// docs/grading.md. The rule is the oracle, not either engine.
//   npx tsx lib/grading/corpus/compare-with-math-verify.ts [--mv-verdicts FILE] [--show RULE]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkAnswer } from "@/lib/grading/check";
import type { CorpusLine } from "@/lib/grading/corpus/generate-corpus";
import { sharedDir } from "@/tests/support/shared-data";

const fixture = join(process.cwd(), "tests", "fixtures", "grading", "differential-corpus.jsonl");
const text = readFileSync(fixture, "utf8");
const lines = text
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as CorpusLine);
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const verdictsFile = arg("--mv-verdicts");
const mvText = verdictsFile ? readFileSync(verdictsFile, "utf8") : execFileSync("python3", [join(sharedDir, "tools", "math-verify", "verify.py")], { input: text, maxBuffer: 1 << 28 }).toString();
const mv = mvText
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as { line: number; equal: boolean });
if (mv.length !== lines.length) throw new Error(`Math-Verify gave ${mv.length} verdicts for ${lines.length} lines`);

interface Row {
  rule: string;
  expected: boolean;
  total: number;
  boxedWrong: number;
  mvWrong: number;
  disagree: number;
  mvOnlyRight: number;
  boxedOnlyRight: number;
}
const rows = new Map<string, Row>();
const show = arg("--show");
lines.forEach((l, i) => {
  const boxed = checkAnswer(l.gold, l.pred, { timeBudgetMs: 5_000 });
  const b = boxed.outcome === "equal";
  const m = mv[i].equal;
  const row = rows.get(l.rule) ?? { rule: l.rule, expected: l.expected, total: 0, boxedWrong: 0, mvWrong: 0, disagree: 0, mvOnlyRight: 0, boxedOnlyRight: 0 };
  rows.set(l.rule, row);
  row.total++;
  if (b !== l.expected) row.boxedWrong++;
  if (m !== l.expected) row.mvWrong++;
  if (b !== m) {
    row.disagree++;
    if (m === l.expected) row.mvOnlyRight++;
    else row.boxedOnlyRight++;
    if (show === l.rule || show === "all") console.log(`${i} ${l.rule} ${l.source}: ${JSON.stringify(l.gold)} | ${JSON.stringify(l.pred)} boxed=${b} mv=${m} expected=${l.expected} (${boxed.rule}: ${boxed.reason.slice(0, 100)})`);
  }
});
const all = [...rows.values()].sort((a, b) => b.disagree - a.disagree);
console.log("| rule | preserves equality | pairs | Boxed wrong | Math-Verify wrong | disagreements | Boxed right there | Math-Verify right there |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of all) console.log(`| ${r.rule} | ${r.expected ? "yes" : "no"} | ${r.total} | ${r.boxedWrong} | ${r.mvWrong} | ${r.disagree} | ${r.boxedOnlyRight} | ${r.mvOnlyRight} |`);
const sum = (k: keyof Row) => all.reduce((s, r) => s + (r[k] as number), 0);
console.log(`| **all** | | ${sum("total")} | ${sum("boxedWrong")} | ${sum("mvWrong")} | ${sum("disagree")} | ${sum("boxedOnlyRight")} | ${sum("mvOnlyRight")} |`);
