// Protects `boxed import`, `boxed sets` and `boxed export` as a user runs them (a real child
// process): summaries, role errors, the sets table and JSON, the export file and its manifest.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";
import { tempDir, writeTemp } from "./import-helpers";

function boxed(args: string[]) {
  const result = spawnSync(process.execPath, [join(repoRoot, "bin", "boxed.mjs"), ...args], { encoding: "utf8", env: process.env, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixtures = join(__dirname, "..", "..", "fixtures", "datasets");

describe("boxed import / sets / export", () => {
  it("imports, lists and exports", () => {
    const imported = boxed(["import", "--set", "cli-seed", "--role", "seed", "--grade-now", join(fixtures, "gsm8k-small.jsonl"), join(fixtures, "math-small.jsonl")]);
    expect(imported.stderr).not.toMatch(/refused/);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('imported gsm8k-small.jsonl (gsm8k) into seed set "cli-seed" (new)');
    expect(imported.stdout).toContain('imported math-small.jsonl (math) into seed set "cli-seed"');
    expect(imported.stdout).toMatch(/problems inserted\s+3/);
    const equal = [...imported.stdout.matchAll(/graded 3: (\d+) equal/g)].map((m) => Number(m[1]));
    expect(equal).toHaveLength(2);
    const correct = equal[0] + equal[1];

    const again = boxed(["import", "--set", "cli-seed", "--role", "seed", join(fixtures, "gsm8k-small.jsonl")]);
    expect(again.stdout).toMatch(/problems inserted\s+0/);
    expect(again.stdout).toMatch(/duplicates\s+3/);
    expect(again.stdout).toContain("grading queued as task");

    const wrongRole = boxed(["import", "--set", "cli-seed", "--role", "benchmark", join(fixtures, "gsm8k-small.jsonl")]);
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toContain('"cli-seed" is a seed set, but this import asked for role benchmark');

    const table = boxed(["sets"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(new RegExp(`cli-seed\\s+seed\\s+6\\s+9\\s+6\\s+${correct}\\s+indexed\\n`));
    const json = JSON.parse(boxed(["sets", "--json"]).stdout);
    expect(json).toEqual([expect.objectContaining({ name: "cli-seed", role: "seed", problemCount: 6, sampleCount: 9, gradedCount: 6, correctCount: correct, searchIndex: "ready" })]);

    // GSM8K's worked answers are references: a default export leaves every one out, and says so.
    const generatedOnly = join(tempDir(), "cli-generated.jsonl");
    const byDefault = boxed(["export", "--out", generatedOnly, "--set", "cli-seed"]);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toContain("left out 9 reference solutions (--include-references to export them)");
    const defaultManifest = JSON.parse(readFileSync(`${generatedOnly}.manifest.json`, "utf8"));
    expect(defaultManifest).toMatchObject({ rows: 0, scanned: 9, removed: {}, references: { included: false, leftOut: 9 }, perProvenance: { generated: 0, reference: 0 } });
    expect(readFileSync(generatedOnly, "utf8")).toBe("");

    // Asked for, they go out; without a \boxed{} they are then dropped unless that filter is off too.
    const out = join(tempDir(), "cli-out.jsonl");
    const exported = boxed(["export", "--out", out, "--set", "cli-seed", "--min-solution-chars", "none", "--include-references", "--keep-unboxed"]);
    expect(exported.stderr).not.toMatch(/error|failed|refused/i);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`manifest: ${out}.manifest.json`);
    // Only solutions graded equal go out; the 3 ungraded duplicates' solutions are not correct (yet).
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"));
    expect(manifest.removed["not-correct"].count).toBe(9 - correct);
    const removedByOthers = Object.entries(manifest.removed as Record<string, { count: number }>)
      .filter(([name]) => name !== "not-correct")
      .reduce((sum, [, r]) => sum + r.count, 0);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(correct - removedByOthers);
    expect(manifest.rows).toBe(correct - removedByOthers);
    expect(manifest.references).toEqual({ included: true, leftOut: 0, examples: [] });
    expect(manifest.perProvenance).toEqual({ generated: 0, reference: manifest.rows });
    const boxedOnly = join(tempDir(), "cli-boxed.jsonl");
    boxed(["export", "--out", boxedOnly, "--set", "cli-seed", "--min-solution-chars", "none", "--include-references"]);
    const boxedManifest = JSON.parse(readFileSync(`${boxedOnly}.manifest.json`, "utf8"));
    // The GSM8K answers ("#### 72") go; the MATH solutions, boxed, stay.
    const boxedRows = readFileSync(boxedOnly, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(boxedRows.length).toBe(boxedManifest.rows);
    expect(boxedRows.length).toBeGreaterThan(0);
    for (const row of boxedRows) expect(row.generated_solution).toContain("\\boxed{");
    expect(boxedManifest.removed["no-boxed"]).toMatchObject({ why: "no boxed answer: the solution has no \\boxed{}" });
    expect(boxedManifest.removed["no-boxed"].count).toBeGreaterThan(0);
    expect(boxedManifest.removed["no-boxed"].examples[0].reason).toBe("no \\boxed{} in the solution");
  }, 240_000);

  it("refuses a bad file with the line and field, and leaves nothing behind", () => {
    const dir = tempDir();
    const bad = writeTemp(dir, "bad.jsonl", `${JSON.stringify({ question: "Q?", answer: "#### 1" })}\n${JSON.stringify({ question: "Q2?" })}\n`);
    const result = boxed(["import", "--set", "cli-bad", "--role", "seed", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("import of bad.jsonl refused: nothing was imported.");
    expect(result.stderr).toContain('bad.jsonl line 2: field "answer" is missing');
    expect(boxed(["sets"]).stdout).not.toContain("cli-bad");
    const usage = boxed(["export", "--out", join(dir, "x.jsonl"), "--format", "csv"]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain("--format must be one of omi2-jsonl, omi2-parquet, nemo-sft, messages");
    expect(existsSync(join(dir, "x.jsonl"))).toBe(false);
  });
});
