// `npm run bench -- grade-rows [--rows=N] [--rounds=N]`: the Node CPU the import grading job spends
// per solution (ImportRowGrader.grade: the grade, the token count, the export filter inputs), against
// the per-row computation it replaced, run in the same process on the same rows:
//   baseline: gradeSample, the library's countTokens of the solution, then the filter inputs from
//     the public functions as before (trimAfterBoxed and countBoxed each finding the boxes again,
//     the library counting the trimmed text again);
//   current: ImportRowGrader (boxes found once, one tokenization with remembered pieces, the
//     trimmed text's count taken from the whole one's).
// Three workloads: OpenMathInstruct-2-shaped rows (bench/scale/release-file.ts, problems spread over
// the whole 14M plan), the same rows with a line after the answer (so trimming cuts), and every
// GSM8K and MATH reference solution (train and test, graded by the reference rule). Every
// GradedRow of both paths must be identical, and the trimmed text's token count too: the bench fails
// otherwise. CPU time of this process (process.cpuUsage), median of the rounds; ratios, since the
// shared machine is noisy.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countTokens } from "gpt-tokenizer/encoding/cl100k_base";
import { machineLine, writeBenchmarkSection } from "@/bench/report";
import { generateRows, loadSeeds, planRelease } from "@/bench/scale/release-file";
import { type GradedRow, ImportRowGrader, type RowToGrade } from "@/lib/datasets/grading-job/grade-rows";
import { countBoxed, extractAnswer } from "@/lib/grading/extract";
import { countApproxTokensWithPrefix } from "@/lib/grading/filters/count-tokens";
import { incorrectArithmeticReason } from "@/lib/grading/filters/drop-incorrect-arithmetic";
import { codePoints } from "@/lib/grading/filters/filter-inputs";
import { trimAfterBoxed } from "@/lib/grading/filters/trim-after-boxed";
import { gradeSample } from "@/lib/grading/grade-sample";
import { VerdictCache } from "@/lib/grading/verdict-cache";
import { readSetting } from "@/lib/settings/read-settings";

const BATCH = 1_000; // the grading job's batch (grade-import-rows.ts)
const AS_TEXT = { disallowedSpecial: new Set<string>() };
const libraryTokens = (text: string) => countTokens(text, AS_TEXT);

/** The per-row computation before this change, from the public functions and the library. */
class BaselineGrader {
  private readonly verdicts = new VerdictCache();
  private readonly problemTokens = new Map<number, number>();
  constructor(private readonly generated: boolean) {}
  grade(rows: readonly RowToGrade[]): GradedRow[] {
    return rows.map((row) => {
      const grade = gradeSample(row.text, row.gold, { answerRule: this.generated ? "last-box" : "anywhere", withoutGold: "settle", verdicts: this.verdicts });
      const tokenCount = libraryTokens(row.text);
      const trimmed = trimAfterBoxed(row.text);
      const same = trimmed === row.text;
      let problemTokens = this.problemTokens.get(row.problemId);
      if (problemTokens === undefined) {
        problemTokens = Math.min(row.problem.length, libraryTokens(row.problem));
        this.problemTokens.set(row.problemId, problemTokens);
      }
      const inputs = {
        boxedCount: countBoxed(row.text),
        trimmedChars: same ? null : codePoints(trimmed),
        trimmedLength: trimmed.length,
        trimmedTokens: same ? tokenCount : Math.min(trimmed.length, libraryTokens(trimmed)),
        arithmeticError: incorrectArithmeticReason({ problem: row.problem, solution: trimmed }),
        problemTokens,
      };
      return { id: row.id, problemId: row.problemId, grade, tokenCount, inputs };
    });
  }
}

interface Workload {
  name: string;
  generated: boolean;
  rows: RowToGrade[];
}

function releaseRows(dataDir: string, count: number): RowToGrade[] {
  const seeds = loadSeeds(dataDir);
  const plan = planRelease(seeds, 13_972_791);
  // Problems spread over the whole plan (its sources come in blocks), at most 23 rows each as in
  // the release; further passes start one problem later until there are enough rows.
  const perProblem = 23;
  const mean = plan.reduce((n, p) => n + Math.min(p.count, perProblem), 0) / plan.length;
  const step = Math.max(1, Math.floor((plan.length * mean) / count));
  const rows: RowToGrade[] = [];
  for (let pass = 0; pass < step && rows.length < count; pass++) {
    for (let index = pass; index < plan.length && rows.length < count; index += step) {
      const problem = { ...plan[index], count: Math.min(plan[index].count, perProblem, count - rows.length) };
      generateRows(seeds, [problem], (r) => {
        rows.push({ id: rows.length + 1, problemId: index + 1, problem: r.problem, gold: r.expected_answer, text: r.generated_solution });
      });
    }
  }
  return rows;
}

function referenceRows(dataDir: string): RowToGrade[] {
  const rows: RowToGrade[] = [];
  const lines = (file: string) => readFileSync(join(dataDir, file), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, string>);
  for (const file of ["gsm8k/train.jsonl", "gsm8k/test.jsonl"]) {
    for (const r of lines(file)) rows.push({ id: rows.length + 1, problemId: rows.length + 1, problem: r.question, gold: /####\s*(.+)$/.exec(r.answer)?.[1] ?? null, text: r.answer });
  }
  for (const file of ["math/train.jsonl", "math/test.jsonl"]) {
    for (const r of lines(file)) {
      const gold = extractAnswer(r.solution);
      rows.push({ id: rows.length + 1, problemId: rows.length + 1, problem: r.problem, gold: gold.ok ? gold.answer : null, text: r.solution });
    }
  }
  return rows;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** A row whose grading threw (the checker can): kept so the rows stay aligned, not compared. */
type Outcome = GradedRow | { id: number; threw: string };

function gradeAll(grader: { grade(rows: readonly RowToGrade[]): GradedRow[] }, rows: RowToGrade[]): { out: Outcome[]; usPerRow: number } {
  const out: Outcome[] = [];
  const start = cpuMicros();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    try {
      out.push(...grader.grade(batch));
    } catch {
      for (const row of batch) {
        try {
          out.push(...grader.grade([row]));
        } catch (error) {
          out.push({ id: row.id, threw: String(error) });
        }
      }
    }
  }
  return { out, usPerRow: (cpuMicros() - start) / rows.length };
}

/**
 * Fails loudly on the first row whose stored values differ. Where the checker ran out of time
 * (rule "timeout"), the grade is not compared; where it threw (decimal.js can, on a huge power),
 * the row is not: which of the two happens depends on the machine's load, not on this change.
 */
function assertIdentical(workload: Workload, baseline: Outcome[], current: Outcome[]): { timeouts: number; trimmed: number; threw: string[] } {
  let timeouts = 0;
  let trimmed = 0;
  const threw: string[] = [];
  for (let i = 0; i < baseline.length; i++) {
    const a = baseline[i];
    const b = current[i];
    if (!("inputs" in a) || !("inputs" in b)) {
      const answer = extractAnswer(workload.rows[i].text);
      threw.push(`gold ${JSON.stringify(workload.rows[i].gold)}, answer ${JSON.stringify(answer.ok ? answer.answer : null)}: ${"threw" in a ? a.threw : (b as { threw: string }).threw}`);
      continue;
    }
    const timedOut = a.grade.verdictRule === "timeout" || b.grade.verdictRule === "timeout";
    if (timedOut) timeouts++;
    const strip = (g: GradedRow) => JSON.stringify(timedOut ? { ...g, grade: null } : g);
    if (strip(a) !== strip(b)) throw new Error(`grade-rows: ${workload.name}, row ${i + 1}: the values differ\nbaseline ${strip(a)}\ncurrent  ${strip(b)}`);
    const row = workload.rows[i];
    if (a.inputs.trimmedChars !== null) {
      trimmed++;
      // trimmedTokens is min(length, tokens): compare the token count itself too.
      const prefix = countApproxTokensWithPrefix(row.text, a.inputs.trimmedLength).prefix;
      const expected = libraryTokens(row.text.slice(0, a.inputs.trimmedLength));
      if (prefix !== expected) throw new Error(`grade-rows: ${workload.name}, row ${i + 1}: trimmed text counted ${prefix} tokens, the library ${expected}`);
    }
  }
  return { timeouts, trimmed, threw };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function main(args: string[]): Promise<void> {
  const dataDir = join(readSetting("BOXED_SHARED_DIR") ?? join(process.cwd(), "..", "shared"), "data");
  const count = Number(args.find((a) => a.startsWith("--rows="))?.slice(7) ?? 200_000);
  const rounds = Number(args.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 3);
  const release = releaseRows(dataDir, count);
  const workloads: Workload[] = [
    { name: "release rows (last-box rule)", generated: true, rows: release },
    {
      name: "release rows with a line after the answer",
      generated: true,
      rows: release.slice(0, Math.ceil(count / 4)).map((r) => ({ ...r, text: `${r.text}\nI hope it is correct.` })),
    },
    { name: "GSM8K + MATH reference solutions (reference rule)", generated: false, rows: referenceRows(dataDir) },
  ];
  const lines: string[] = [];
  const summary: { name: string; rows: number; baseline: number; current: number; ratio: number; trimmed: number; timeouts: number; threw: string[] }[] = [];
  for (const workload of workloads) {
    const runs = { baseline: [] as number[], current: [] as number[] };
    let checked: ReturnType<typeof assertIdentical> = { timeouts: 0, trimmed: 0, threw: [] };
    for (let round = 0; round < rounds; round++) {
      // Alternating order, a fresh grader each round (its verdict cache empty, as a new job's).
      const order = round % 2 === 0 ? (["baseline", "current"] as const) : (["current", "baseline"] as const);
      const outputs: Partial<Record<"baseline" | "current", Outcome[]>> = {};
      for (const which of order) {
        const grader = which === "baseline" ? new BaselineGrader(workload.generated) : new ImportRowGrader(workload.generated);
        const { out, usPerRow } = gradeAll(grader, workload.rows);
        runs[which].push(usPerRow);
        outputs[which] = out;
      }
      if (round === 0) checked = assertIdentical(workload, outputs.baseline as Outcome[], outputs.current as Outcome[]);
      const line = `${workload.name}, round ${round + 1}: baseline ${runs.baseline[round].toFixed(1)} µs/row, current ${runs.current[round].toFixed(1)} µs/row (${(runs.baseline[round] / runs.current[round]).toFixed(2)}x)`;
      console.log(line);
      lines.push(line);
    }
    const ratio = median(runs.baseline.map((b, round) => b / runs.current[round]));
    summary.push({ name: workload.name, rows: workload.rows.length, baseline: median(runs.baseline), current: median(runs.current), ratio, ...checked });
  }
  const main = summary[0];
  const threw = summary.flatMap((s) => s.threw);
  const body = `Baseline: the previous per-row computation (gradeSample; gpt-tokenizer's countTokens of the solution and, when trimming cuts, of the trimmed text; the filter inputs from trimAfterBoxed and countBoxed, each finding the boxes again). Current: ImportRowGrader (boxes found once, one counting pass over remembered cl100k pieces, answer keys remembered).

CPU time of the bench process per graded row (process.cpuUsage), median of ${rounds} rounds in alternating order (the ratio: the median of each round's ratio); baseline and current grade the same rows in the same run, and every GradedRow (verdict, answer, token count, filter inputs) is identical between them, as is the trimmed text's token count (checked on round 1; a verdict that timed out would not be compared).

| workload | rows | trimmed | baseline µs/row | current µs/row | baseline / current |
|---|---|---|---|---|---|
${summary.map((s) => `| ${s.name} | ${s.rows.toLocaleString("en-US")} | ${s.trimmed.toLocaleString("en-US")} | ${s.baseline.toFixed(1)} | ${s.current.toFixed(1)} | ${s.ratio.toFixed(2)}x |`).join("\n")}

At ${main.current.toFixed(0)} µs/row, the ${(13_972_791).toLocaleString("en-US")} rows of the release cost ${((main.current * 13_972_791) / 6e7).toFixed(0)} min of one core in Node for grading (${((main.baseline * 13_972_791) / 6e7).toFixed(0)} min before); the job grades in two processes. Verdicts that timed out on either path (grade not compared): ${summary.reduce((n, s) => n + s.timeouts, 0)}; rows whose grading threw on either path (not compared): ${summary.reduce((n, s) => n + s.threw.length, 0)}${threw.length > 0 ? `, such as ${threw.slice(0, 3).join("; ")}` : ""}.

Rounds (${machineLine()}):

${lines.map((l) => `- ${l}`).join("\n")}`;
  console.log(body);
  writeBenchmarkSection("grade-rows", body);
}
