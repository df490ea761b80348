// Protects `boxed decontam retrieve|judge|report` as a user runs them (a real child process):
// the JSONL file in score order with the candidates stored, the judge batch run in the CLI's
// process against the LLM stand-in with the statuses settled, the report as JSON and Markdown,
// and one-line errors with the fix for bad arguments.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBoxed } from "@/tests/support/run-boxed";
import { pool } from "@/lib/db/pool";
import { type LlmStub, startLlmStub } from "@/lib/llm-stub/start-llm-stub";
import { addEndpoint, auditActions, loadDemo, problemIdByKey, statusOf } from "./decontam-helpers";

const boxed = runBoxed;

const looksLikeStack = /\n\s+at .+\(.+:\d+:\d+\)/;
let stub: LlmStub;
const dir = mkdtempSync(join(tmpdir(), "decontam-cli-"));

beforeAll(async () => {
  await loadDemo();
  stub = await startLlmStub({ judge: { trueRate: 1, malformedRate: 0 } });
});

afterAll(async () => {
  await stub?.close();
});

describe("boxed decontam", () => {
  it("retrieve writes JSONL in score order and stores the candidates", async () => {
    const out = join(dir, "candidates.jsonl");
    const run = await boxed(["decontam", "retrieve", "--problems", "demo-synthetic", "--against", "demo-benchmark", "--top-k", "3", "--out", out]);
    expect(run.stderr).not.toMatch(looksLikeStack);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/6 problems of "demo-synthetic" checked against demo-benchmark/);
    const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    const paraphrase = lines.find((l) => l.problem === "demo-synthetic/1");
    expect(paraphrase.candidates).toHaveLength(3);
    expect(paraphrase.candidates[0]).toMatchObject({ benchmark: "demo-benchmark", key: "demo-test/gsm8k/1" });
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(["problem", "candidates"]);
      const scores = line.candidates.map((c: { score: number }) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const stored = await pool().query(`SELECT count(*)::int AS n FROM contamination_candidates c JOIN problems p ON p.id = c.problem_id WHERE p.source_key = 'demo-synthetic/1'`);
    expect(stored.rows[0].n).toBe(3);
  });

  it("judge runs the batch here and settles the statuses", async () => {
    await addEndpoint("cli-judge", stub.url);
    const paraphraseId = await problemIdByKey("demo-synthetic/1");
    expect(await statusOf(paraphraseId)).toBe("candidate");
    const run = await boxed(["decontam", "judge", "--problems", "demo-synthetic", "--endpoint", "cli-judge"]);
    expect(run.stderr).not.toMatch(looksLikeStack);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/batch #\d+ ".*": \d+ pairs of \d+ problems, \d+ requests \(both orders\)/);
    expect(run.stdout).toMatch(/completed: answers True \d+, False 0, failed 0/);
    expect(await statusOf(paraphraseId)).toBe("flagged");
    // Audited as the settle job audits a judge batch's end: one entry, with what moved.
    const batchId = run.stdout.match(/batch #(\d+)/)?.[1];
    const settled = await auditActions("decontam.judge.settle");
    expect(settled.map((a) => [a.objectId, a.details.batchState, a.details.flagged])).toEqual([[batchId, "completed", expect.any(Number)]]);
    expect(settled[0].details.flagged).toBeGreaterThan(0);
  });

  it("report prints Markdown and writes JSON", async () => {
    const md = await boxed(["decontam", "report"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("# Decontamination report");
    expect(md.stdout).toMatch(/\| demo-benchmark \| 6 \|/);
    const file = join(dir, "report.json");
    const json = await boxed(["decontam", "report", "--json", "--out", file]);
    expect(json.code).toBe(0);
    const report = JSON.parse(readFileSync(file, "utf8"));
    expect(report.rows[0]).toMatchObject({ benchmarkSet: "demo-benchmark", checked: 6 });
    expect(report.total.flagged).toBeGreaterThanOrEqual(1);
  });

  it("refuses bad arguments in one line with the fix", async () => {
    const noSet = await boxed(["decontam", "retrieve", "--against", "demo-benchmark"]);
    expect(noSet.code).toBe(1);
    expect(noSet.stderr).toContain("--problems SET is required");
    const badK = await boxed(["decontam", "retrieve", "--problems", "demo-synthetic", "--against", "demo-benchmark", "--top-k", "0"]);
    expect(badK.stderr).toContain("--top-k must be a whole number from 1 to 100 (got 0)");
    const wrongRole = await boxed(["decontam", "retrieve", "--problems", "demo-synthetic", "--against", "demo-gsm8k-style"]);
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(/Set "demo-gsm8k-style" is a seed set, not a benchmark set\. — import the test set/);
    expect(wrongRole.stderr).not.toMatch(looksLikeStack);
    const both = await boxed(["decontam", "report", "--json", "--md"]);
    expect(both.stderr).toContain("choose one of --json and --md");
  });
});
