// Import into the database: problems with source keys and hashes, solutions attached with their
// file verdicts, duplicates reported and merged, counters kept in step, and the role rule.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { problemHash } from "@/lib/datasets/formats/problem-hash";
import { gradeImport } from "@/lib/datasets/grading-job/grade-import";
import { createTask } from "@/lib/tasks/task-rows";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { databaseSnapshot, importFiles, readRecords, tempDir, writeTemp } from "./import-helpers";

const fixtures = join(__dirname, "..", "..", "fixtures", "datasets");

describe("import", () => {
  it("loads a GSM8K file into a new seed set with source keys, hashes, gold answers and counters", async () => {
    const { taskId, summary } = await importFiles([join(fixtures, "gsm8k-small.jsonl")], "gsm8k-train", "seed");
    expect(summary.ok).toBe(true);
    expect(summary).toMatchObject({ format: "gsm8k", rows: 3, records: 3, problemsInserted: 3, duplicates: 0, rejected: 0, solutionsInserted: 3 });
    expect(summary.set).toMatchObject({ name: "gsm8k-train", role: "seed", created: true });
    const set = await prisma().problemSet.findUniqueOrThrow({ where: { name: "gsm8k-train" } });
    expect(set).toMatchObject({ role: "seed", problemCount: 3, sampleCount: 3 });
    const problems = await prisma().problem.findMany({ where: { setId: set.id }, orderBy: { id: "asc" }, include: { samples: true } });
    const records = await readRecords(join(fixtures, "gsm8k-small.jsonl"));
    expect(problems.map((p) => p.text)).toEqual(records.map((r) => r.problem));
    expect(problems.map((p) => p.goldAnswer)).toEqual(records.map((r) => r.goldAnswer));
    expect(problems.map((p) => p.sourceKey)).toEqual(records.map((r) => r.sourceKey));
    expect(problems[0].textHash).toBe(problemHash(records[0].problem));
    expect(problems.map((p) => p.samples[0]?.text)).toEqual(records.map((r) => r.solutions[0].text));
    expect(problems[0].source).toBe("gsm8k");
    expect(problems[0].goldSource).toBe("dataset");
    for (const p of problems) {
      expect(p.sampleCount).toBe(1);
      expect(p.samples).toHaveLength(1);
      expect(p.samples[0]).toMatchObject({ setId: set.id, importTaskId: taskId, sampleIndex: 0, verdict: "ungraded" });
      expect(p.samples[0].charLength).toBe(p.samples[0].text.length);
    }
    const task = await prisma().task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.state).toBe("completed");
    const audit = await prisma().auditLog.findFirst({ where: { action: "dataset.import", objectId: String(set.id) } });
    expect(audit?.details).toMatchObject({ ok: true, problemsInserted: 3 });
  });

  it("stores every character a solution may hold exactly, in a new set and in an existing one (COPY CSV)", async () => {
    const dir = tempDir();
    const texts = [
      'She said "half", so $x = \\frac{1}{2}$, then a,b,c.\n\\.\n\\. more\n\\N is not NULL',
      "tabs\tand\r\nCRLF lines\n\"\"\n,\n\\boxed{\"3\"}",
      "é, ∑, 😀 and \\\\ two backslashes",
      `${"long \\frac{a}{b}, \"q\"\n".repeat(12_000)}The answer is $\\boxed{7}$.`,
    ];
    const file = writeTemp(dir, "nasty.jsonl", texts.map((t, i) => JSON.stringify({ problem: `Nasty ${i % 2}`, generated_solution: t, expected_answer: "7", problem_source: "augmented_math" })).join("\n"));
    // The long text (264,000 characters) is over the default field limit on purpose: it must cross
    // the COPY writer's buffer; the limit is raised for this test only.
    const limit = process.env.BOXED_MAX_FIELD_CHARS;
    process.env.BOXED_MAX_FIELD_CHARS = "1000000";
    try {
      await importFiles([file], "nasty-new", "synthetic");
      await importFiles([file], "nasty-existing", "synthetic");
    } finally {
      if (limit === undefined) delete process.env.BOXED_MAX_FIELD_CHARS;
      else process.env.BOXED_MAX_FIELD_CHARS = limit;
    }
    const { rows } = await pool().query<{ name: string; text: string; char_length: number }>(
      "SELECT ps.name, s.text, s.char_length FROM samples s JOIN problem_sets ps ON ps.id = s.set_id WHERE ps.name LIKE 'nasty-%' ORDER BY ps.name, s.id",
    );
    const expected = [...texts.filter((_, i) => i % 2 === 0), ...texts.filter((_, i) => i % 2 === 1)];
    expect(rows.filter((r) => r.name === "nasty-new").map((r) => r.text).sort()).toEqual([...expected].sort());
    expect(rows.filter((r) => r.name === "nasty-existing").map((r) => r.text).sort()).toEqual([...expected].sort());
    for (const row of rows) expect(row.char_length).toBe(row.text.length);
  });

  it("keeps NeMo-Skills file verdicts, seeds and token counts, and grades in the background with disagreements counted", async () => {
    const dir = tempDir();
    const line = (problem: string, answer: string, generation: string, isCorrect: boolean, tokens: number) =>
      JSON.stringify({ problem, expected_answer: answer, generation, predicted_answer: null, is_correct: isCorrect, num_generated_tokens: tokens });
    // Seed 0 agrees with the truth; seed 1 states two wrong verdicts; seed 3 has no box at all
    // (one of them states the right number: a model's solution without a box has no answer).
    const paths = [
      writeTemp(dir, "output-rs0.jsonl", `${[line("What is $1+1$?", "2", "So $\\boxed{2}$.", true, 12), line("What is $3 \\cdot 4$?", "12", "$\\boxed{12}$", true, 20), line("Smallest prime?", "2", "It is \\boxed{2}", true, 9)].join("\n")}\n`),
      writeTemp(dir, "output-rs1.jsonl", `${[line("What is $1+1$?", "2", "So $\\boxed{3}$.", true, 11), line("What is $3 \\cdot 4$?", "12", "$\\boxed{12}$", false, 21), line("Smallest prime?", "2", "\\boxed{1}", false, 8)].join("\n")}\n`),
      writeTemp(dir, "output-rs3.jsonl", `${[line("What is $1+1$?", "2", "two", false, 3), line("What is $3 \\cdot 4$?", "12", "The answer is 12.", false, 4), line("Smallest prime?", "2", "\\boxed{2}", true, 5)].join("\n")}\n`),
    ];
    const { taskId, summary } = await importFiles(paths, "synth-a", "synthetic");
    expect(summary.ok).toBe(true);
    expect(summary.format).toBe("nemo-skills");
    expect(summary.problemsInserted).toBe(3);
    expect(summary.solutionsInserted).toBe(9);
    expect(summary.solutionsWithFileVerdict).toBe(9);
    const samples = await prisma().sample.findMany({ where: { importTaskId: taskId }, orderBy: { id: "asc" } });
    expect(samples.map((s) => s.seed)).toEqual([0, 1, 3, 0, 1, 3, 0, 1, 3]);
    expect(samples.map((s) => s.sampleIndex)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(samples[0].completionTokens).toBe(12);
    expect(samples.every((s) => s.fileVerdict !== null)).toBe(true);

    const gradingTaskId = await createTask({ kind: "grade-import", label: "grade", total: 9 });
    const grading = await gradeImport(taskId, gradingTaskId);
    expect(grading.graded).toBe(9);
    const graded = await prisma().sample.findMany({ where: { importTaskId: taskId } });
    // Disagreements computed by hand from the rows, compared with the summary.
    const fileCorrectWeWrong = graded.filter((s) => s.fileVerdict === true && (s.verdict === "not_equal" || s.verdict === "no_answer")).length;
    const fileWrongWeCorrect = graded.filter((s) => s.fileVerdict === false && s.verdict === "equal").length;
    expect(grading.fileCorrectWeWrong).toBe(fileCorrectWeWrong);
    expect(grading.fileWrongWeCorrect).toBe(fileWrongWeCorrect);
    expect(grading.withFileVerdict).toBe(9);
    // rs1 line 1 (file: correct, box 3) and rs1 line 2 (file: wrong, box 12) disagree with us;
    // rs3 line 2 ("The answer is 12." without a box) is no answer, as the batch worker would grade it.
    const unboxed = graded.find((s) => s.text === "The answer is 12.");
    expect(unboxed).toMatchObject({ verdict: "no_answer", verdictRule: "no-box" });
    expect(fileCorrectWeWrong).toBe(1);
    expect(fileWrongWeCorrect).toBe(1);
    const equal = graded.filter((s) => s.verdict === "equal").length;
    const set = await prisma().problemSet.findUniqueOrThrow({ where: { name: "synth-a" } });
    expect(set).toMatchObject({ gradedCount: 9, correctCount: equal });
    const problems = await prisma().problem.findMany({ where: { setId: set.id } });
    expect(problems.reduce((a, p) => a + p.correctCount, 0)).toBe(equal);
    // The import Task shows the grading result too.
    const importTask = await prisma().task.findUniqueOrThrow({ where: { id: taskId } });
    expect((importTask.result as { grading: { fileCorrectWeWrong: number } }).grading.fileCorrectWeWrong).toBe(fileCorrectWeWrong);
    // Grading again finds nothing left and changes no counter.
    const again = await gradeImport(taskId, await createTask({ kind: "grade-import", label: "again" }));
    expect(again.graded).toBe(9);
    expect(await prisma().problemSet.findUniqueOrThrow({ where: { name: "synth-a" } })).toMatchObject({ gradedCount: 9, correctCount: equal });
  });

  it("reports duplicates instead of inserting them twice, and attaches their solutions to the existing problem", async () => {
    const dir = tempDir();
    const row = (problem: string, solution: string, answer: string) =>
      JSON.stringify({ problem, generated_solution: solution, expected_answer: answer, problem_source: "augmented_math" });
    const first = writeTemp(dir, "first.jsonl", `${[row("What is 1+1?", "\\boxed{2}", "2"), row("What is 2+3?", "\\boxed{5}", "5")].join("\n")}\n`);
    await importFiles([first], "dups", "synthetic");
    const second = writeTemp(
      dir,
      "second.jsonl",
      `${[
        row("What is  1+1?", "It is \\boxed{2}", "2"), // same after whitespace normalisation
        row("What is 7+1?", "\\boxed{8}", "8"),
        row("What is 2+3?", "\\boxed{6}", "6"), // same problem, other answer
        row("What is 7+1?", "again \\boxed{8}", "8"), // not adjacent: a duplicate inside the file
      ].join("\n")}\n`,
    );
    const { summary } = await importFiles([second], "dups", "synthetic");
    expect(summary).toMatchObject({ ok: true, records: 4, problemsInserted: 1, duplicates: 3, duplicatesWithOtherAnswer: 1, solutionsInserted: 4, solutionsOnDuplicates: 3 });
    expect(summary.duplicateExamples.map((d) => d.where)).toEqual(["second.jsonl line 1", "second.jsonl line 3", "second.jsonl line 4"]);
    const set = await prisma().problemSet.findUniqueOrThrow({ where: { name: "dups" } });
    expect(set).toMatchObject({ problemCount: 3, sampleCount: 6 });
    const problems = await prisma().problem.findMany({ where: { setId: set.id }, orderBy: { id: "asc" }, include: { samples: { orderBy: { id: "asc" } } } });
    expect(problems.map((p) => [p.text, p.sampleCount, p.samples.length])).toEqual([
      ["What is 1+1?", 2, 2],
      ["What is 2+3?", 2, 2],
      ["What is 7+1?", 2, 2],
    ]);
    expect(problems[0].samples[1].text).toBe("It is \\boxed{2}");
  });

  it("refuses to import into an existing set of another role, naming both roles, and changes nothing", async () => {
    await importFiles([join(fixtures, "math-small.jsonl")], "math-bench", "benchmark");
    const before = await databaseSnapshot();
    const { summary } = await importFiles([join(fixtures, "gsm8k-small.jsonl")], "math-bench", "seed");
    expect(summary.ok).toBe(false);
    expect(summary.errors[0].message).toMatch(/"math-bench" is a benchmark set, but this import asked for role seed/);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("counts the problems whose file has no gold answer", async () => {
    const dir = tempDir();
    const file = writeTemp(dir, "nogold.jsonl", `${JSON.stringify({ problem: "P?", solution: "no box here", level: "Level 1", type: "Algebra", unique_id: "x/1.json" })}\n`);
    const { summary } = await importFiles([file], "nogold", "seed");
    expect(summary).toMatchObject({ ok: true, problemsWithoutGold: 1 });
    const { rows } = await pool().query(
      "SELECT gold_answer, gold_source::text, source_key, level, subject FROM problems WHERE set_id = (SELECT id FROM problem_sets WHERE name = 'nogold')",
    );
    expect(rows[0]).toEqual({ gold_answer: null, gold_source: "none", source_key: "x/1.json", level: "Level 1", subject: "Algebra" });
  });
});
