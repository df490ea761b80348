// Protects `boxed import` on NeMo-Skills run folders as a user types it (a real child process):
// files of two folders become two runs, --source and --full-generation reach the import, the
// summary says where verdicts came from and what was skipped; and `boxed export --python-json`
// notes a source outside the release's four.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { tempDir } from "./import-helpers";

function boxed(args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { encoding: "utf8", env: process.env, timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const shapes = join(__dirname, "..", "..", "fixtures", "datasets", "nemo-skills-shapes");
const files = (folder: string) =>
  readdirSync(join(shapes, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

describe("boxed import of NeMo-Skills outputs", () => {
  it("imports each run folder on its own, with the source and options given, and says what it read", { timeout: 300_000 }, () => {
    const runs = boxed(["import", "--set", "cli-nemo", "--role", "seed", "--source", "math", ...files("seeded-runs"), ...files("judged")]);
    expect(runs.stderr).not.toMatch(/refused/);
    expect(runs.code).toBe(0);
    expect(runs.stdout.match(/^imported /gm)).toHaveLength(3);
    expect(runs.stdout).toContain("imported output-rs0.jsonl, output-rs1.jsonl (nemo-skills)");
    expect(runs.stdout).toMatch(/file verdicts from\s+symbolic_correct 4/);
    expect(runs.stdout).toMatch(/file verdicts from\s+is_correct 1, symbolic_correct 1, judgement 4/);
    expect(runs.stdout).toMatch(/judgements without a verdict\s+1/);

    const reasoning = boxed(["import", "--set", "cli-nemo-think", "--role", "seed", "--source", "my_cluster", "--full-generation", ...files("reasoning")]);
    expect(reasoning.code).toBe(0);
    expect(reasoning.stdout).toMatch(/unfinished thinking skipped\s+2/);
    expect(reasoning.stdout).toMatch(/full generations\s+imported/);
    expect(reasoning.stdout).toMatch(/source\s+"my_cluster" is not one of the release's/);

    const out = join(tempDir(), "sft.jsonl");
    const exported = boxed(["export", "--out", out, "--format", "nemo-sft", "--set", "cli-nemo-think", "--no-filters", "--python-json"]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("note: my_cluster: this source is not one of the release's");
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\{"expected_answer": "19", "input": "<\|begin_of_text\|>/);
    expect(JSON.parse(lines[0] as string).output).toBe("<think>9+10 is 19, not 21.</think>\nSo $9+10=\\boxed{19}$.<|eot_id|>");

    const bad = boxed(["import", "--set", "cli-nemo-bad", "--role", "seed", "--source", " ", ...files("judged")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--source must be a name of 1-200 printable characters");
  });
});
