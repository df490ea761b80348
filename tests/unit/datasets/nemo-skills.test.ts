// NeMo-Skills specifics that need no database: the committed shape fixtures are what the fixture
// script builds; file names to seeds, chunks and runs; judgements read as NeMo-Skills reads them;
// `{}` lines and detection past them.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { groupImportFiles } from "@/lib/cli/commands/import";
import { groupNemoRuns, parseNemoOutputName } from "@/lib/datasets/formats/nemo-skills-file-name";
import { readJudgement } from "@/lib/datasets/formats/nemo-skills-judgement";
import { NemoSkillsReadStats, nemoSkillsRecord } from "@/lib/datasets/formats/nemo-skills-record";
import { openDataset } from "@/lib/datasets/readers/open-dataset";
import { FIXTURE_ROOT, nemoSkillsFixtureFiles } from "@/scripts/nemo-skills-fixtures";

describe("NeMo-Skills shape fixtures", () => {
  it("are exactly what scripts/nemo-skills-fixtures.ts builds", () => {
    const built = nemoSkillsFixtureFiles();
    const committed = readdirSync(FIXTURE_ROOT, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(FIXTURE_ROOT, join(e.parentPath, e.name)))
      .sort();
    expect(committed).toEqual([...built.keys()].sort());
    for (const [path, text] of built) expect(readFileSync(join(FIXTURE_ROOT, path), "utf8"), path).toBe(text);
  });
});

describe("NeMo-Skills output names", () => {
  it("give the seed and the chunk", () => {
    expect(parseNemoOutputName("/runs/a/output-rs12.jsonl")).toEqual({ seed: 12, chunk: null });
    expect(parseNemoOutputName("output-rs0_chunk_3.jsonl")).toEqual({ seed: 0, chunk: 3 });
    expect(parseNemoOutputName("output_chunk_7.jsonl")).toEqual({ seed: null, chunk: 7 });
    expect(parseNemoOutputName("output.jsonl")).toEqual({ seed: null, chunk: null });
    expect(parseNemoOutputName("output-rs1.jsonl.done")).toBeNull();
    expect(parseNemoOutputName("my-output-rs1.jsonl")).toBeNull();
  });

  it("group into runs by folder and chunk, each sorted by seed", () => {
    expect(
      groupNemoRuns(["/b/output-rs10.jsonl", "/a/output-rs2.jsonl", "/b/output-rs9.jsonl", "/a/output-rs0_chunk_1.jsonl", "/a/output-rs1_chunk_1.jsonl", "/a/output-rs0.jsonl"]),
    ).toEqual([["/b/output-rs9.jsonl", "/b/output-rs10.jsonl"], ["/a/output-rs0.jsonl", "/a/output-rs2.jsonl"], ["/a/output-rs0_chunk_1.jsonl", "/a/output-rs1_chunk_1.jsonl"]]);
  });

  it("the CLI imports each run on its own and other files one by one, in the order given", () => {
    expect(groupImportFiles(["/x/train.jsonl", "/r1/output-rs1.jsonl", "/r2/output-rs0.jsonl", "/r1/output-rs0.jsonl", "/y/math.jsonl"], undefined)).toEqual([
      ["/x/train.jsonl"],
      ["/r1/output-rs0.jsonl", "/r1/output-rs1.jsonl"],
      ["/r2/output-rs0.jsonl"],
      ["/y/math.jsonl"],
    ]);
    expect(groupImportFiles(["/a/one.jsonl", "/a/two.jsonl", "/b/three.jsonl"], "nemo-skills")).toEqual([["/a/one.jsonl", "/a/two.jsonl"], ["/b/three.jsonl"]]);
  });
});

// Expected values checked against NeMo-Skills' own function run in Python on the same texts.
describe("judgements, read as NeMo-Skills' is_correct_judgement reads them", () => {
  it.each([
    ["Reasoning: same.\nJudgement: Yes", true, true],
    ["Judgement: yes, they match", true, true],
    ["Reasoning: no.\nJudgement: No", false, true],
    ["**Judgement**: Yes", true, true],
    ["**Judgement:** **Yes**", false, false], // NeMo-Skills strips the asterisks before the colon only: no verdict
    ["judgement :   NO.", false, true],
    ["Judgement: Not sure", false, true],
    ["Judgement: maybe\n\\boxed{Correct}", true, true],
    ["Final: \\boxed{ Incorrect }", false, true],
    ["Score: <points>6 out of 7</points>", true, true],
    ["<points>1 out of 7</points>", false, true],
    ["Judgement: Yes ... later Judgement: No", true, true], // the first label decides
    ["The answers match.", false, false],
    ["", false, false],
  ])("%j -> correct %s (readable %s)", (text, correct, readable) => {
    expect(readJudgement(text)).toEqual({ correct, readable });
  });

  it("an absent judgement is no verdict at all, not a no", () => {
    const stats = new NemoSkillsReadStats();
    const record = nemoSkillsRecord([{ problem: "p", expected_answer: "1", generation: "\\boxed{1}" }], [{ file: "output-rs0.jsonl", line: 1 }], [0], {}, stats);
    expect(record?.solutions[0]).toMatchObject({ fileVerdict: null, fileVerdictSource: null });
    expect(stats.verdictsFrom).toEqual({ is_correct: 0, symbolic_correct: 0, judgement: 0 });
  });
});

describe("NeMo-Skills reader edge cases", () => {
  it("detects the format past leading {} lines and keeps the files in step", async () => {
    const reader = await openDataset(join(FIXTURE_ROOT, "empty-lines", "output-rs0.jsonl"));
    const records = [];
    for await (const r of reader) records.push(r);
    expect(reader.format).toBe("nemo-skills");
    expect(records.map((r) => [r.location.line, r.problem])).toEqual([
      [2, "What is $5-5$?"],
      [4, "What is $2 \\cdot 2$?"],
    ]);
    expect(reader.nemoSkills?.emptyLines).toBe(2);
  });

  it("a blank expected_answer is no gold, and a bad judgement type names the field", () => {
    expect(nemoSkillsRecord([{ problem: "p", expected_answer: "  ", generation: "g" }], [{ file: "f", line: 1 }], [0])?.goldAnswer).toBeNull();
    expect(() => nemoSkillsRecord([{ problem: "p", generation: "g", judgement: 3 }], [{ file: "output-rs0.jsonl", line: 4 }], [0])).toThrow(
      'output-rs0.jsonl line 4: field "judgement" must be a string, got number',
    );
  });
});
