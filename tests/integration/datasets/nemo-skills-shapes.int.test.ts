// Protects the import of NeMo-Skills outputs as they come off a cluster, in the shapes NeMo-Skills
// writes (tests/fixtures/datasets/nemo-skills-shapes, built by scripts/nemo-skills-fixtures.ts,
// which names the NeMo-Skills file and commit of each shape): runs grouped by folder and chunk,
// judge verdicts (and the field they came from), majority fill with a no-vote problem, a seed
// problem's answer on new problems not voted on yet, reasoning outputs, `{}` lines. Each import
// is checked row by row in the database (real PostgreSQL).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { groupImportFiles } from "@/lib/cli/commands/import";
import type { SetRoleName } from "@/lib/datasets/import/ensure-problem-set";
import { prisma } from "@/lib/db/prisma";
import { databaseSnapshot, importFiles } from "./import-helpers";

const shapes = join(__dirname, "..", "..", "fixtures", "datasets", "nemo-skills-shapes");

function filesUnder(folder: string): string[] {
  const dir = join(shapes, folder);
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function importRuns(folder: string, setName: string, role: SetRoleName, extra: { source?: string; fullGeneration?: boolean } = {}) {
  const runs = groupImportFiles(filesUnder(folder), undefined);
  const summaries = [];
  for (const run of runs) {
    const { summary } = await importFiles(run, setName, role, extra);
    expect(summary.errors).toEqual([]);
    expect(summary.ok).toBe(true);
    summaries.push(summary);
  }
  return { runs, summaries };
}

/** The set as stored: problems in id order, each with its solutions in (seed, sample index) order. */
async function stored(setName: string) {
  const set = await prisma().problemSet.findUniqueOrThrow({ where: { name: setName } });
  const problems = await prisma().problem.findMany({
    where: { setId: set.id },
    orderBy: { id: "asc" },
    include: { samples: { orderBy: [{ importTaskId: "asc" }, { sampleIndex: "asc" }] } },
  });
  return problems.map((p) => ({
    problem: p.text,
    gold: p.goldAnswer,
    goldSource: p.goldSource,
    votes: p.majorityVotes === null ? null : `${p.majorityVotes}/${p.totalVotes}`,
    source: p.source,
    sampleCount: p.sampleCount,
    solutions: p.samples.map((s) => ({ seed: s.seed, index: s.sampleIndex, text: s.text, verdict: s.fileVerdict, from: s.fileVerdictSource })),
  }));
}

describe("NeMo-Skills outputs as NeMo-Skills writes them", () => {
  it("imports seeded runs of two folders as two runs, each file's seed kept", async () => {
    const { runs, summaries } = await importRuns("seeded-runs", "nemo-seeded", "seed", { source: "math" });
    expect(runs.map((r) => r.map((f) => f.split("/").slice(-3).join("/")))).toEqual([
      ["problem-set0/generation/output-rs0.jsonl", "problem-set0/generation/output-rs1.jsonl"],
      ["problem-set1/generation/output-rs0.jsonl", "problem-set1/generation/output-rs1.jsonl"],
    ]);
    expect(summaries.map((s) => [s.problemsInserted, s.solutionsInserted, s.duplicates])).toEqual([
      [2, 4, 0],
      [2, 4, 0],
    ]);
    const rows = await stored("nemo-seeded");
    expect(rows.map((r) => [r.problem, r.gold, r.goldSource, r.source, r.sampleCount])).toEqual([
      ["What is $2+3$?", "5", "dataset", "math", 2],
      ["Compute $\\frac{1}{2}+\\frac{1}{4}$.", "\\frac{3}{4}", "dataset", "math", 2],
      ["How many sides does a hexagon have?", "6", "dataset", "math", 2],
      ["Solve $x^2=9$ for $x>0$ — «positive» root.", "3", "dataset", "math", 2],
    ]);
    expect(rows[0]?.solutions).toEqual([
      { seed: 0, index: 0, text: "$2+3=\\boxed{5}$", verdict: true, from: "symbolic_correct" },
      { seed: 1, index: 1, text: "It is \\boxed{6}.", verdict: false, from: "symbolic_correct" },
    ]);
    expect(rows[3]?.solutions.map((s) => [s.seed, s.text, s.verdict])).toEqual([
      [0, "$x=\\pm 3$, so \\boxed{3}.", true],
      [1, "\\boxed{-3}", false],
    ]);
  });

  it("reads unmerged chunks with their seed, each chunk its own run", async () => {
    const { runs, summaries } = await importRuns("chunked", "nemo-chunks", "seed");
    expect(runs.map((r) => r.map((f) => f.split("/").pop()))).toEqual([
      ["output-rs0_chunk_0.jsonl", "output-rs1_chunk_0.jsonl"],
      ["output-rs0_chunk_1.jsonl", "output-rs1_chunk_1.jsonl"],
    ]);
    expect(summaries.reduce((n, s) => n + s.duplicates, 0)).toBe(0);
    const rows = await stored("nemo-chunks");
    expect(rows.map((r) => [r.problem, r.gold, r.solutions.map((s) => `${s.seed}:${s.text}:${s.verdict}`)])).toEqual([
      ["What is $7 \\cdot 8$?", "56", ["0:So \\boxed{56}.:true", "1:So \\boxed{54}.:false"]],
      ["What is $100-1$?", "99", ["0:So \\boxed{99}.:true", "1:So \\boxed{99}.:true"]],
      ["What is $2^5$?", "32", ["0:So \\boxed{32}.:true", "1:So \\boxed{64}.:false"]],
    ]);
  });

  it("takes the verdict from is_correct, else symbolic_correct, else the judgement as NeMo-Skills reads it", async () => {
    const { summaries } = await importRuns("judged", "nemo-judged", "seed");
    const rows = await stored("nemo-judged");
    expect(rows.map((r) => r.solutions.map((s) => [s.seed, s.verdict, s.from]))).toEqual([
      [
        [0, true, "judgement"], // "Judgement: Yes"
        [1, false, "judgement"], // "**Judgement**: No"
      ],
      [
        [0, true, "symbolic_correct"], // symbolic_correct true beside "Judgement: No"
        [1, false, "is_correct"], // is_correct false beside "Judgement: Yes"
      ],
      [
        [0, false, "judgement"], // no verdict line: NeMo-Skills counts it as no
        [1, true, "judgement"], // \boxed{Correct}
      ],
    ]);
    expect(summaries[0]?.nemoSkills).toMatchObject({ verdictsFrom: { is_correct: 1, symbolic_correct: 1, judgement: 4 }, judgementsUnreadable: 1 });
    expect(summaries[0]?.solutionsWithFileVerdict).toBe(6);
  });

  it("takes the voted label after majority fill, and no label where nothing was voted", async () => {
    const { summaries } = await importRuns("majority", "nemo-voted", "synthetic", { source: "augmented_math" });
    const rows = await stored("nemo-voted");
    expect(rows.map((r) => [r.gold, r.goldSource, r.votes, r.source])).toEqual([
      ["12", "majority_vote", "2/3", "augmented_math"],
      [null, "none", "0/3", "augmented_math"],
    ]);
    // is_correct (the fill's string match against the voted label) wins over the older symbolic_correct.
    expect(rows[0]?.solutions.map((s) => [s.seed, s.verdict, s.from])).toEqual([
      [0, true, "is_correct"],
      [1, true, "is_correct"],
      [2, false, "is_correct"],
    ]);
    // Verdicts against "no_valid_answer_found" say nothing about the problem.
    expect(rows[1]?.solutions.map((s) => [s.seed, s.verdict, s.from])).toEqual([
      [0, null, null],
      [1, null, null],
      [2, null, null],
    ]);
    expect(summaries[0]).toMatchObject({ problemsWithoutGold: 1, solutionsWithFileVerdict: 3, nemoSkills: { noVoteProblems: 1 } });
    const agreement = await prisma().problem.findMany({ where: { set: { name: "nemo-voted" } }, orderBy: { id: "asc" }, select: { agreement: true } });
    expect(agreement.map((a) => a.agreement)).toEqual([2 / 3, 0]);
  });

  it("does not take a seed problem's answer as a new problem's gold before voting", async () => {
    const { summaries } = await importRuns("pre-vote", "nemo-pre-vote", "synthetic", { source: "augmented_math" });
    const rows = await stored("nemo-pre-vote");
    expect(rows.map((r) => [r.gold, r.goldSource, r.votes])).toEqual([
      [null, "none", null],
      [null, "none", null],
    ]);
    expect(rows.flatMap((r) => r.solutions.map((s) => s.verdict))).toEqual([null, null, null, null, null, null]);
    expect(summaries[0]).toMatchObject({ problemsWithoutGold: 2, solutionsInserted: 6, solutionsWithFileVerdict: 0, nemoSkills: { seedAnswersIgnored: 2 } });

    // The same files as solutions of seed problems (a source that is not augmented_*): the answer is the dataset's.
    await importRuns("pre-vote", "nemo-pre-vote-seed", "seed", { source: "math" });
    const seedRows = await stored("nemo-pre-vote-seed");
    expect(seedRows.map((r) => [r.gold, r.goldSource])).toEqual([
      ["7", "dataset"],
      ["7", "dataset"],
    ]);
  });

  it("imports reasoning outputs' answers, or their full generations on request, and skips unfinished thoughts", async () => {
    const { summaries } = await importRuns("reasoning", "nemo-reasoning", "seed");
    let rows = await stored("nemo-reasoning");
    expect(rows.map((r) => r.solutions.map((s) => [s.seed, s.text]))).toEqual([
      [[0, "So $9+10=\\boxed{19}$."]],
      [[0, "The answer is \\boxed{2}."]],
    ]);
    expect(summaries[0]).toMatchObject({ problemsInserted: 2, solutionsInserted: 2, nemoSkills: { unfinishedThinking: 2, fullGeneration: false } });

    const full = await importRuns("reasoning", "nemo-reasoning-full", "seed", { fullGeneration: true });
    rows = await stored("nemo-reasoning-full");
    expect(rows.map((r) => r.solutions.map((s) => [s.seed, s.text, s.verdict]))).toEqual([
      [[0, "<think>9+10 is 19, not 21.</think>\nSo $9+10=\\boxed{19}$.", true]],
      [[0, "<think>1 is not prime; 2 is.</think>The answer is \\boxed{2}.", true]],
    ]);
    expect(full.summaries[0]?.nemoSkills).toMatchObject({ unfinishedThinking: 2, fullGeneration: true, fullGenerationMissing: 0 });
  });

  it("skips {} lines, keeping every file in step, and counts them", async () => {
    const { summaries } = await importRuns("empty-lines", "nemo-empty", "seed");
    const rows = await stored("nemo-empty");
    expect(rows.map((r) => [r.problem, r.solutions.map((s) => `${s.seed}:${s.index}:${s.text}`)])).toEqual([
      ["What is $1+2$?", ["1:1:\\boxed{3}"]],
      ["What is $5-5$?", ["0:0:\\boxed{0}"]],
      ["What is $2 \\cdot 2$?", ["0:0:\\boxed{4}", "1:1:\\boxed{5}"]],
    ]);
    expect(summaries[0]).toMatchObject({ rows: 8, records: 3, problemsInserted: 3, solutionsInserted: 4, nemoSkills: { emptyLines: 4, emptyPositions: 1 } });
  });

  it("refuses files of two runs read as one, naming both, and changes nothing", async () => {
    const before = await databaseSnapshot();
    const { summary } = await importFiles(filesUnder("seeded-runs"), "nemo-mixed", "seed");
    expect(summary.ok).toBe(false);
    expect(summary.errors[0]?.message).toMatch(/2 NeMo-Skills runs, not one: .*problem-set0\/generation \(2 files\); .*problem-set1\/generation \(2 files\)/);
    expect(await databaseSnapshot()).toEqual(before);
  });
});
