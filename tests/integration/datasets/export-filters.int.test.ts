// The export filters against hand-computed expectations on a small fixture: which rows leave,
// which are removed by which filter (the manifest), trimming, fair downsampling, scope options.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ExportManifest } from "@/lib/datasets/export/export-manifest";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { type ExportSettingsInput, NO_FILTERS } from "@/lib/datasets/export/export-settings";
import { pool } from "@/lib/db/pool";
import { prisma } from "@/lib/db/prisma";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-filters-");
// Long enough for the 200-character minimum.
const PAD = "We read the problem carefully, restate what is given and what is asked, and then work through the computation one step at a time so that every intermediate value is checked before it is used.";
const row = (problem: string, solution: string, answer: string, source = "augmented_math") =>
  JSON.stringify({ problem, generated_solution: solution, expected_answer: answer, problem_source: source });

const P1 = "What is 3 + 4?";
const P2 = "What is 10 - 3? (contaminated)";
const P3 = `${"Consider a very long problem statement. ".repeat(200)}What is 1 + 1?`;
const P4 = "What is 2 + 5?";

// [problem, solution, verdict we force] in file order; comments say the expected fate.
const FIXTURE: [string, string, string][] = [
  [P1, `${PAD}\n3 + 4 = 7, so the answer is \\boxed{7}.`, "equal"], // kept
  [P1, `${PAD}\n3 + 4 = 8, so the answer is \\boxed{7}.`, "equal"], // arithmetic
  [P1, `${PAD}\nMaybe \\boxed{6} or \\boxed{7}.`, "equal"], // multi-boxed
  [P1, "Short: \\boxed{7}.", "equal"], // solution-too-short
  [P1, `${PAD}\nThe answer is \\boxed{6}.`, "not_equal"], // not-correct
  [P1, `${PAD}\n3 + 4 = 7, so the answer is \\boxed{7}.`, "equal"], // duplicate of the first
  [P1, `${PAD}\nSo we get \\boxed{7}.\nI hope it is correct. Let me double-check by another method.`, "equal"], // kept, trimmed
  [P2, `${PAD}\n10 - 3 = 7, so \\boxed{7}.`, "equal"], // contaminated
  [P3, `${PAD}\nThe sum is \\boxed{2}.`, "equal"], // problem-too-long
  [P4, `${PAD}\nFirst way: \\boxed{7}.`, "equal"], // kept
  [P4, `${PAD}\nSecond way: \\boxed{7}.`, "equal"], // kept
  [P4, `${PAD}\nThird way: \\boxed{7}.`, "equal"], // kept
];

beforeAll(async () => {
  const text = FIXTURE.map(([p, s]) => row(p, s, p === P3 ? "2" : "7")).join("\n");
  const { summary } = await importFiles([writeTemp(dir, "fixture.jsonl", `${text}\n`)], "filters", "synthetic");
  expect(summary.ok).toBe(true);
  const samples = await prisma().sample.findMany({ orderBy: { id: "asc" } });
  expect(samples).toHaveLength(FIXTURE.length);
  for (let i = 0; i < samples.length; i++) {
    await pool().query(`UPDATE samples SET verdict = $2::"Verdict" WHERE id = $1`, [samples[i].id, FIXTURE[i][2]]);
  }
  await pool().query(`UPDATE problems SET contamination_status = 'contaminated' WHERE text = $1`, [P2]);
  // A second set, to check the scope options.
  await importFiles([writeTemp(dir, "other.jsonl", `${row("Other set problem?", `${PAD} \\boxed{1}`, "1", "gsm8k")}\n`)], "other", "seed");
  await pool().query(`UPDATE samples SET verdict = 'equal' WHERE set_id = (SELECT id FROM problem_sets WHERE name = 'other')`);
});

async function runExport(settings: ExportSettingsInput, name: string): Promise<{ rows: { problem: string; generated_solution: string }[]; manifest: ExportManifest }> {
  const out = join(dir, name);
  const manifest = await exportToFile(settings, out, { user: null, via: "cli" });
  const rows = readFileSync(out, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  expect(JSON.parse(readFileSync(`${out}.manifest.json`, "utf8"))).toEqual(JSON.parse(JSON.stringify(manifest)));
  return { rows, manifest };
}

describe("export filters", () => {
  it("the published defaults remove exactly the rows each filter should, and say why", async () => {
    const { rows, manifest } = await runExport({ sets: ["filters"] }, "defaults.jsonl");
    expect(rows.map((r) => [r.problem === P1 ? "P1" : r.problem === P4 ? "P4" : "?", r.generated_solution.split("\n").pop()])).toEqual([
      ["P1", "3 + 4 = 7, so the answer is \\boxed{7}."],
      ["P1", "So we get \\boxed{7}."],
      ["P4", "First way: \\boxed{7}."],
      ["P4", "Second way: \\boxed{7}."],
      ["P4", "Third way: \\boxed{7}."],
    ]);
    const removed = Object.fromEntries(Object.entries(manifest.removed).map(([k, v]) => [k, v.count]));
    expect(removed).toEqual({
      contaminated: 1,
      "not-correct": 1,
      "multi-boxed": 1,
      "solution-too-short": 1,
      "problem-too-long": 1,
      arithmetic: 1,
      duplicate: 1,
    });
    expect(manifest.removed.arithmetic.examples[0].reason).toMatch(/3 \+ 4 = 8/);
    expect(manifest.removed["not-correct"].why).toMatch(/verdict/);
    expect(manifest).toMatchObject({ rows: 5, scanned: 12, trimmed: 1, perSource: { augmented_math: 5 } });
    expect(manifest.settings).toMatchObject({ correctOnly: true, excludeContaminated: true, maxProblemTokens: 1024, minSolutionChars: 200, maxSolutionTokens: 1024 });
  });

  it("each filter can be turned off", async () => {
    const { manifest } = await runExport(
      { sets: ["filters"], correctOnly: false, excludeContaminated: false, dropMultiBoxed: false, minSolutionChars: null, maxProblemTokens: null, arithmeticCheck: false, dedup: false, trimAfterBoxed: false },
      "all-off.jsonl",
    );
    expect(manifest).toMatchObject({ rows: 12, removed: {}, trimmed: 0 });
  });

  it("fair downsampling takes the k-th solution of every problem before any (k+1)-th", async () => {
    const { rows, manifest } = await runExport({ sets: ["filters"], maxRows: 3 }, "fair.jsonl");
    // Kept before downsampling: P1 x2, P4 x3. Round robin: P1#1, P4#1, P1#2.
    expect(rows.map((r) => [r.problem === P1 ? "P1" : "P4", r.generated_solution.split("\n").pop()])).toEqual([
      ["P1", "3 + 4 = 7, so the answer is \\boxed{7}."],
      ["P4", "First way: \\boxed{7}."],
      ["P1", "So we get \\boxed{7}."],
    ]);
    expect(manifest.removed.downsampled.count).toBe(2);
    expect(manifest.rows).toBe(3);
    expect(manifest.perSource).toEqual({ augmented_math: 3 });
  });

  it("scope: sets, sources; benchmark sets stay out unless named", async () => {
    const all = await runExport({ minSolutionChars: null }, "all-sets.jsonl");
    expect(all.manifest.sets.map((s) => s.name).sort()).toEqual(["filters", "other"]);
    expect(all.manifest.perSource).toMatchObject({ gsm8k: 1 });
    const onlyGsm = await runExport({ sources: ["gsm8k"] }, "gsm.jsonl");
    expect(onlyGsm.rows.map((r) => r.problem)).toEqual(["Other set problem?"]);
    await expect(exportToFile({ sets: ["nope"] }, join(dir, "x.jsonl"), { user: null, via: "cli" })).rejects.toThrow(/No problem set named "nope"/);
  });

  it("writes an audit entry for each export", async () => {
    const before = await prisma().auditLog.count({ where: { action: "dataset.export" } });
    await runExport({ sets: ["other"] }, "audited.jsonl");
    const entries = await prisma().auditLog.findMany({ where: { action: "dataset.export" }, orderBy: { id: "desc" } });
    expect(entries.length).toBe(before + 1);
    expect(entries[0].details).toMatchObject({ ok: true, file: "audited.jsonl", rows: 1 });
  });
});

describe("provenance in exports", () => {
  // GSM8K rows bring reference solutions ("#### 72", no \boxed{}); OMI2 rows for the same
  // problems bring generated ones. Every solution is forced correct, so only provenance decides.
  const Q1 = "Natalia sold 48 clips in April and half as many in May. How many altogether?";
  const Q2 = "A shop has 12 apples and sells 5. How many are left?";
  beforeAll(async () => {
    const gsm8k = [
      JSON.stringify({ question: Q1, answer: "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\nAltogether 48+24 = <<48+24=72>>72.\n#### 72" }),
      JSON.stringify({ question: Q2, answer: "12 - 5 = <<12-5=7>>7\n#### 7" }),
    ];
    expect((await importFiles([writeTemp(dir, "refs-gsm8k.jsonl", `${gsm8k.join("\n")}\n`)], "refs", "seed")).summary.ok).toBe(true);
    const omi2 = [
      row(Q1, `${PAD}\nIn May she sold 48 / 2 = 24 clips, so 48 + 24 = 72 in all: \\boxed{72}.`, "72", "gsm8k"),
      row(Q1, `${PAD}\nShe sold 24 in May and 72 in both months, \\boxed{72}.`, "72", "gsm8k"),
      row(Q2, `${PAD}\nThe shop keeps 12 - 5 = 7 apples, \\boxed{7}.`, "7", "gsm8k"),
    ];
    expect((await importFiles([writeTemp(dir, "refs-omi2.jsonl", `${omi2.join("\n")}\n`)], "refs", "seed")).summary.ok).toBe(true);
    await pool().query(`UPDATE samples SET verdict = 'equal' WHERE set_id = (SELECT id FROM problem_sets WHERE name = 'refs')`);
  });

  it("imports stamp each format's provenance: GSM8K answers are references, OMI2 rows generated", async () => {
    const rows = await pool().query<{ provenance: string; n: number }>(
      `SELECT provenance::text, count(*)::int AS n FROM samples WHERE set_id = (SELECT id FROM problem_sets WHERE name = 'refs') GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { provenance: "generated", n: 3 },
      { provenance: "reference", n: 2 },
    ]);
  });

  it("by default only generated solutions go out; the references left out are counted apart", async () => {
    const { rows, manifest } = await runExport({ sets: ["refs"] }, "refs-default.jsonl");
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.generated_solution).toContain("\\boxed{");
    expect(manifest).toMatchObject({ rows: 3, scanned: 5, removed: {}, perProvenance: { generated: 3, reference: 0 } });
    expect(manifest.references.included).toBe(false);
    expect(manifest.references.leftOut).toBe(2);
    expect(manifest.references.examples).toHaveLength(2);
  });

  it("references are an explicit choice; without a boxed answer the recipe filters still drop them", async () => {
    const asked = await runExport({ sets: ["refs"], includeReferences: true }, "refs-included.jsonl");
    expect(asked.manifest.references).toEqual({ included: true, leftOut: 0, examples: [] });
    expect(asked.manifest.removed["no-boxed"].count).toBe(2);
    expect(asked.manifest.removed["no-boxed"].why).toBe("no boxed answer: the solution has no \\boxed{}");
    expect(asked.manifest.rows).toBe(3);
    const unboxed = await runExport({ sets: ["refs"], includeReferences: true, requireBoxed: false, minSolutionChars: null, arithmeticCheck: false }, "refs-unboxed.jsonl");
    expect(unboxed.manifest).toMatchObject({ rows: 5, perProvenance: { generated: 3, reference: 2 } });
    expect(unboxed.rows.filter((r) => r.generated_solution.includes("#### ")).map((r) => r.problem).sort()).toEqual([Q2, Q1].sort());
  });

  it("the COPY path and the general path leave the same references out and write the same bytes", async () => {
    for (const includeReferences of [false, true]) {
      const settings: ExportSettingsInput = { sets: ["refs"], ...NO_FILTERS, includeReferences, correctOnly: true };
      const fast = await exportToFile(settings, join(dir, `refs-fast-${includeReferences}.jsonl`), { user: null, via: "cli" });
      const general = await exportToFile(settings, join(dir, `refs-general-${includeReferences}.jsonl`), { user: null, via: "cli", path: "general" });
      expect([fast.path, general.path]).toEqual(["copy", "stream"]);
      expect(readFileSync(join(dir, `refs-fast-${includeReferences}.jsonl`), "utf8")).toBe(readFileSync(join(dir, `refs-general-${includeReferences}.jsonl`), "utf8"));
      expect([fast.references, fast.perProvenance, fast.rows]).toEqual([general.references, general.perProvenance, general.rows]);
      expect(fast.references.leftOut).toBe(includeReferences ? 0 : 2);
    }
  });
});
