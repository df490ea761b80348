// Issue #21: the export filters' inputs are computed once, by the grading job, and the default
// export decides every filter in SQL. This test proves that changes no decision: on real GSM8K and
// MATH rows (../shared/data) shaped to meet every filter, the export of a set whose inputs were
// stored at grading is byte for byte the export the old row-by-row code gives (the general path on
// the same rows with the stored inputs wiped), on both paths, for the defaults and other settings;
// and the grading job (two processes, verdict cache) gives the verdicts the plain grade gives.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExportManifest } from "@/lib/datasets/export/export-manifest";
import { type ExportSettingsInput, NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { stripCalculatorNotes } from "@/lib/datasets/formats/gsm8k-record";
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { createTask } from "@/lib/datasets/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { countApproxTokens } from "@/lib/grading/filters/count-tokens";
import { FILTER_INPUTS_VERSION, solutionFilterInputs } from "@/lib/grading/filters/filter-inputs";
import { gradeSample } from "@/lib/grading/grade-sample";
import { hasSharedData, sharedDataPath } from "@/tests/support/shared-data";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-filter-inputs-");
const SET = "filter-inputs";
const readJsonl = <T>(...parts: string[]): T[] =>
  readFileSync(sharedDataPath(...parts), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as T);

/** One OMI2 row per (problem, solution); solutions of a problem stay together, as in the release. */
function fixtureLines(): string[] {
  const lines: string[] = [];
  const row = (problem: string, solution: string, answer: string, source: string) =>
    lines.push(JSON.stringify({ problem, generated_solution: solution, expected_answer: answer, problem_source: source }));
  // GSM8K train: the reference as a model would write it (notes removed, a boxed answer), a wrong
  // computation, talk after the answer (trimmed), a duplicate, a wrong answer and an unboxed one.
  readJsonl<{ question: string; answer: string }>("gsm8k", "train.jsonl")
    .slice(0, 120)
    .forEach((r, i) => {
      const gold = (r.answer.split("####").pop() ?? "").trim().replaceAll(",", "");
      const body = stripCalculatorNotes(r.answer.slice(0, r.answer.lastIndexOf("####")).trim());
      const boxed = `${body}\nThe answer is $\\boxed{${gold}}$.`;
      row(r.question, boxed, gold, "augmented_gsm8k");
      row(r.question, boxed.replace(/(\d+) = (\d+)/, (_m, a, b) => `${a} = ${Number(b) + 1}`), gold, "augmented_gsm8k");
      row(r.question, `${boxed}\nI hope it is correct. 😀 Let me check: 2 + 2 = 5.`, gold, "augmented_gsm8k");
      if (i % 3 === 0) row(r.question, boxed, gold, "augmented_gsm8k");
      if (i % 4 === 0) row(r.question, `${body}\nThe answer is $\\boxed{${Number(gold) + 1}}$.`, gold, "augmented_gsm8k");
      if (i % 5 === 0) row(r.question, `${body}\nThe answer is ${gold}.`, gold, "augmented_gsm8k");
    });
  // MATH train: the reference (boxed), two boxes, an astral character before a trimmed tail, and
  // long problems and solutions (the length bounds).
  readJsonl<{ problem: string; solution: string }>("math", "train.jsonl")
    .slice(0, 120)
    .forEach((r, i) => {
      const m = /\\boxed\{((?:[^{}]|\{[^{}]*\})*)\}/.exec(r.solution);
      const gold = m ? m[1] : "0";
      const problem = i % 10 === 0 ? `${r.problem}\n${"Note that every step must be justified. ".repeat(120)}` : r.problem;
      row(problem, r.solution, gold, "augmented_math");
      row(problem, `${r.solution}\nAlternatively: $\\boxed{${gold}}$.`, gold, "augmented_math");
      row(problem, `𝔸 ${r.solution}\n\nThat is all. 𝔹`, gold, "augmented_math");
      if (i % 7 === 0) row(problem, `${"We set up the problem with care. ".repeat(200)}\n${r.solution}`, gold, "augmented_math");
    });
  return lines;
}

let setId = 0;

beforeAll(async () => {
  if (!hasSharedData) return;
  const file = writeTemp(dir, "real.jsonl", `${fixtureLines().join("\n")}\n`);
  const { taskId, summary } = await importFiles([file], SET, "synthetic");
  expect(summary.ok).toBe(true);
  setId = summary.set?.id ?? 0;
  // Graded as the background job grades: two processes, each with two batches in flight.
  const grading = await gradeImport(taskId, await createTask({ kind: "grade-import", label: "grade" }), { processes: 2 });
  expect(grading.graded).toBe(summary.solutionsInserted);
  // Reference solutions too (MATH's own, graded by the locate-anywhere rule), with talk after the
  // answer on some, so references are trimmed and filtered on both paths as well.
  const references = readJsonl<{ problem: string; solution: string; level: string; type: string; unique_id: string }>("math", "train.jsonl")
    .slice(200, 260)
    .map((r, i) => JSON.stringify({ ...r, solution: i % 2 ? `${r.solution}\nThat is all. 𝔹` : r.solution }));
  const refs = await importFiles([writeTemp(dir, "references.jsonl", `${references.join("\n")}\n`)], SET, "synthetic", { format: "math" });
  expect(refs.summary.ok).toBe(true);
  await gradeImport(refs.taskId, await createTask({ kind: "grade-import", label: "grade references" }));
  // A few problems contaminated, so every filter has rows to remove.
  await pool().query(`UPDATE problems SET contamination_status = 'flagged' WHERE set_id = $1 AND id % 17 = 0`, [setId]);
}, 300_000);

const comparable = (m: ExportManifest) => ({ ...m, file: null, startedAt: null, finishedAt: null, durationMs: null, path: null });

async function exported(settings: ExportSettingsInput, name: string, path: "auto" | "general") {
  const out = join(dir, name);
  const manifest = await exportToFile({ ...settings, sets: [SET] }, out, { user: null, via: "cli", path, problemsPerCopy: 50 });
  return { text: readFileSync(out, "utf8"), manifest };
}

const SETTINGS: [string, ExportSettingsInput][] = [
  ["the defaults", {}],
  ["the defaults, as SFT manifest with references", { format: "nemo-sft", includeReferences: true }],
  ["tight bounds", { format: "messages", maxSolutionTokens: 250, minSolutionChars: 400, maxProblemTokens: 120 }],
  ["correct-only off", { correctOnly: false }],
  ["trimming off, boxes and problem length only", { ...NO_FILTERS, requireBoxed: true, dropMultiBoxed: true, maxProblemTokens: 200, dedup: true }],
];

describe.skipIf(!hasSharedData)("export filter inputs stored at grading (real GSM8K and MATH rows)", () => {
  it("the grading job stores exactly the inputs the filters compute, and the verdicts of the plain grade", async () => {
    const { rows } = await pool().query(
      `SELECT s.text, p.text AS problem, p.gold_answer, s.provenance::text AS provenance, s.verdict::text AS verdict, s.verdict_rule, s.extracted_answer, s.answer_key, s.token_count,
              s.filter_version, s.boxed_count, s.trimmed_chars, s.trimmed_length, s.trimmed_tokens, s.problem_tokens, s.arithmetic_error
         FROM samples s JOIN problems p ON p.id = s.problem_id WHERE s.set_id = $1 ORDER BY s.id`,
      [setId],
    );
    expect(rows.length).toBeGreaterThan(800);
    for (const r of rows) {
      // The plain grade: no verdict cache, one process.
      const grade = gradeSample(r.text, r.gold_answer, { answerRule: r.provenance === "reference" ? "anywhere" : "last-box", withoutGold: "settle" });
      expect({ verdict: r.verdict, rule: r.verdict_rule, extracted: r.extracted_answer, key: r.answer_key, tokens: r.token_count }).toEqual({
        verdict: grade.verdict,
        rule: grade.verdictRule,
        extracted: grade.extractedAnswer,
        key: grade.answerKey,
        tokens: countApproxTokens(r.text),
      });
      const inputs = solutionFilterInputs(r.problem, r.text);
      expect({
        version: r.filter_version,
        boxedCount: r.boxed_count,
        trimmedChars: r.trimmed_chars,
        trimmedLength: r.trimmed_length,
        trimmedTokens: r.trimmed_tokens,
        problemTokens: r.problem_tokens,
        arithmeticError: r.arithmetic_error,
      }).toEqual({ version: FILTER_INPUTS_VERSION, ...inputs });
    }
    // The fixture meets every filter: trimmed rows (astral characters included), wrong arithmetic.
    expect(rows.some((r) => r.trimmed_chars !== null && r.trimmed_chars < r.trimmed_length)).toBe(true);
    expect(rows.some((r) => r.arithmetic_error !== null)).toBe(true);
    expect(rows.some((r) => r.provenance === "reference" && r.trimmed_chars !== null)).toBe(true);
  });

  for (const [label, settings] of SETTINGS) {
    it(`${label}: both paths give the old row-by-row export, byte for byte`, async () => {
      const fast = await exported(settings, `${label}.fast`, "auto");
      const general = await exported(settings, `${label}.general`, "general");
      // The old results: every filter decided from the text, as before inputs were stored.
      const saved = await pool().query("SELECT id, filter_version FROM samples WHERE set_id = $1", [setId]);
      await pool().query("UPDATE samples SET filter_version = NULL WHERE set_id = $1", [setId]);
      try {
        const old = await exported(settings, `${label}.old`, "general");
        const fastWithoutInputs = await exported(settings, `${label}.fast-old`, "auto");
        expect(fast.manifest.path).toBe("copy");
        expect(general.manifest.path).toBe("stream");
        expect(old.text.length).toBeGreaterThan(0);
        expect(fast.text).toBe(old.text);
        expect(general.text).toBe(old.text);
        expect(fastWithoutInputs.text).toBe(old.text);
        expect(comparable(fast.manifest)).toEqual(comparable(old.manifest));
        expect(comparable(general.manifest)).toEqual(comparable(old.manifest));
        expect(comparable(fastWithoutInputs.manifest)).toEqual(comparable(old.manifest));
      } finally {
        await pool().query(
          "UPDATE samples SET filter_version = v.version FROM unnest($1::int[], $2::int[]) AS v(id, version) WHERE samples.set_id = $3 AND samples.id = v.id",
          [saved.rows.map((r) => r.id), saved.rows.map((r) => r.filter_version), setId],
        );
      }
    }, 120_000);
  }

  it("the fixture meets every filter: each removes rows, counted with its reason", async () => {
    const defaults = await exported({}, "defaults-counts", "auto");
    expect(defaults.manifest.path).toBe("copy");
    expect(defaults.manifest.rows).toBeGreaterThan(100);
    expect(defaults.manifest.trimmed).toBeGreaterThan(0);
    // An unboxed generated solution has no answer, so by default not-correct removes it first.
    const all = await exported({ correctOnly: false }, "all-counts", "auto");
    const filters = ["contaminated", "not-correct", "no-boxed", "multi-boxed", "solution-too-long", "problem-too-long", "arithmetic", "duplicate"] as const;
    for (const filter of filters) {
      const { removed } = filter === "no-boxed" ? all.manifest : defaults.manifest;
      expect(removed[filter]?.count ?? 0, filter).toBeGreaterThan(0);
      expect(removed[filter]?.examples[0]?.reason, filter).toBeTruthy();
    }
  });
});
