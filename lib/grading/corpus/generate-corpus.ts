// Builds the differential corpus (tests/fixtures/grading/differential-corpus.jsonl): gold answers
// from ../shared/data (MATH, Omni-MATH, OlympiadBench, AMC, AIME, Minerva), each rewritten by the
// rules of rewrite-rules.ts, with the verdict the rule implies. Deterministic: re-running it
// writes the same file.
//   npx tsx lib/grading/corpus/generate-corpus.ts [--out FILE]
import { readFileSync, writeFileSync } from "node:fs";
import { RULES } from "@/lib/grading/corpus/rewrite-rules";
import { seededRandom } from "@/lib/grading/compare-scalar";
import { extractAnswer } from "@/lib/grading/extract";
import { sharedDataPath } from "@/tests/support/shared-data";

export interface CorpusLine {
  gold: string;
  pred: string;
  expected: boolean;
  rule: string;
  source: string;
}

const readJsonl = (file: string): Record<string, unknown>[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** OlympiadBench's final_answer is a Python list repr: "['$(0,2),(0,-2)$']". */
function pythonListAnswers(repr: string): string[] {
  const inner = repr.trim().replace(/^\[\s*'/, "").replace(/'\s*\]$/, "");
  return inner.split(/'\s*,\s*'/).map((s) => s.replace(/\\\\/g, "\\"));
}

function clean(answer: string): string {
  let s = answer.trim();
  if (/\\boxed/.test(s)) {
    const e = extractAnswer(s);
    if (e.ok) s = e.answer.trim();
  }
  if (/^\$[^$]*\$$/.test(s)) s = s.slice(1, -1).trim();
  if (/^\\\[[\s\S]*\\\]$|^\\\([\s\S]*\\\)$/.test(s)) s = s.slice(2, -2).trim();
  return s.replace(/\s+/g, " ").trim();
}

export function goldAnswers(): { gold: string; source: string }[] {
  const out: { gold: string; source: string }[] = [];
  const push = (gold: unknown, source: string) => {
    if (typeof gold !== "string" && typeof gold !== "number") return;
    const g = clean(String(gold));
    if (g !== "" && g.length <= 300 && !g.includes("\n") && !g.includes("$")) out.push({ gold: g, source });
  };
  for (const r of readJsonl(sharedDataPath("math", "test.jsonl"))) push(r.boxed_answer, "math");
  for (const r of readJsonl(sharedDataPath("omni_math_rule", "test.jsonl"))) push(r.answer, "omni_math");
  for (const r of readJsonl(sharedDataPath("olympiadbench", "test.jsonl"))) {
    const parts = pythonListAnswers(String(r.final_answer)).map(clean);
    push(parts.join(", "), "olympiadbench");
  }
  for (const r of readJsonl(sharedDataPath("amc23", "test.jsonl"))) push(r.answer, "amc23");
  for (const d of ["aime24", "aime25"]) for (const r of readJsonl(sharedDataPath(d, "test.jsonl"))) push(r.answer, d);
  for (const r of readJsonl(sharedDataPath("minerva_math", "test.jsonl"))) {
    const e = extractAnswer(String(r.solution));
    if (e.ok) push(e.answer, "minerva_math");
  }
  return out;
}

/** At most `perRule` lines per (source, rule), spread over the golds the rule applies to. */
export function buildCorpus(perRule = 160): CorpusLine[] {
  const random = seededRandom(0xc0a9);
  const golds = goldAnswers();
  const lines: CorpusLine[] = [];
  const seen = new Set<string>();
  const bySourceRule = new Map<string, CorpusLine[]>();
  for (const { gold, source } of golds) {
    for (const rule of RULES) {
      let pred: string | null;
      try {
        pred = rule.apply(gold, random);
      } catch {
        pred = null;
      }
      if (pred === null || pred === gold) continue;
      // A model writes its answer in math mode: a bare rewrite is given as "$...$", so both
      // engines read it as they would read a solution (Math-Verify needs the delimiters).
      if (!pred.includes("$") && !pred.includes("\\boxed")) pred = `$${pred}$`;
      const key = `${gold}\u0000${pred}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const bucket = `${source}/${rule.name}`;
      const list = bySourceRule.get(bucket) ?? [];
      list.push({ gold, pred, expected: rule.preserves, rule: rule.name, source });
      bySourceRule.set(bucket, list);
    }
  }
  for (const list of bySourceRule.values()) {
    const step = Math.max(1, list.length / perRule);
    for (let i = 0; i < list.length && lines.length >= 0; i += step) lines.push(list[Math.floor(i)]);
  }
  return lines;
}

if (process.argv[1]?.endsWith("generate-corpus.ts")) {
  const outIndex = process.argv.indexOf("--out");
  const out = outIndex > 0 ? process.argv[outIndex + 1] : "tests/fixtures/grading/differential-corpus.jsonl";
  const lines = buildCorpus();
  writeFileSync(out, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
  const byRule = new Map<string, number>();
  for (const l of lines) byRule.set(l.rule, (byRule.get(l.rule) ?? 0) + 1);
  console.log(`${lines.length} pairs -> ${out}`);
  for (const [r, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${r}: ${n}`);
}
