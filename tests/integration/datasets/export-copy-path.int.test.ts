// The COPY fast path of JSONL exports (PostgreSQL renders the lines) against the general path
// (Node filters and JSON.stringify's each row): for every JSONL format and every scope the fast
// path takes, the files must be byte-identical and the manifests equal, on text built to break
// JSON escaping and CSV framing.
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { canExportInSql } from "@/lib/datasets/export/copy-jsonl-export";
import type { ExportManifest } from "@/lib/datasets/export/export-manifest";
import { NO_FILTERS, parseExportSettings, type ExportSettingsInput } from "@/lib/datasets/export/export-settings";
import { exportToFile } from "@/lib/datasets/export/export-to-file";
import { PROBLEM_PAGE } from "@/lib/datasets/export/stream-export-candidates";
import { runExport } from "@/lib/datasets/export/run-export";
import { pool } from "@/lib/db/pool";
import { importFiles, tempDir, writeTemp } from "./import-helpers";

const dir = tempDir("boxed-copy-export-");

// Every character class JSON.stringify and to_json must agree on, and the bytes COPY's CSV
// framing uses (0x1E, 0x1F, newlines, quotes, "\." alone on a line).
const HOSTILE = [
  'quote " and backslash \\ and \\boxed{\\frac{1}{2}}',
  "controls \u0001\u0008\u0009\u000b\u000c\u001e\u001f\u007f end",
  "lines\r\nand\n\\.\nand a tab\there",
  "unicode: é ß 数学 😀 \u2028 \u2029 \ufeff",
  "html </script><b>x</b> & 'single'",
];

function omi2(problem: string, solution: string, answer: string, source: string) {
  return JSON.stringify({ problem, generated_solution: solution, expected_answer: answer, problem_source: source });
}

beforeAll(async () => {
  const lines: string[] = [];
  HOSTILE.forEach((text, i) => {
    for (let k = 0; k < 3; k++) lines.push(omi2(`Problem ${i}: ${text}`, `Solution ${k}: ${text} \\boxed{${i}}`, i === 2 ? "" : `${i} ${text.slice(0, 8)}`, i % 2 ? "augmented_math" : `src "${i}" \u0001`));
  });
  const { summary } = await importFiles([writeTemp(dir, "hostile.jsonl", `${lines.join("\n")}\n`)], "hostile", "synthetic");
  expect(summary.ok).toBe(true);
  // Verdicts and statuses so the SQL-decidable filters have something to remove.
  await pool().query(`UPDATE samples SET verdict = CASE WHEN id % 3 = 0 THEN 'not_equal'::"Verdict" ELSE 'equal'::"Verdict" END`);
  await pool().query(`UPDATE problems SET contamination_status = 'flagged' WHERE text LIKE 'Problem 3:%'`);
  await pool().query(`UPDATE problems SET gold_answer = NULL WHERE text LIKE 'Problem 4:%'`);
  // Several problem pages and COPY chunks, so lines straddle chunk boundaries.
  const long = HOSTILE.join(" ").repeat(8);
  const many: string[] = [];
  for (let i = 0; i < PROBLEM_PAGE * 2 + 7; i++) many.push(omi2(`Long problem ${i}: ${long}`, `${long} \\boxed{${i}}`, String(i), "augmented_gsm8k"));
  expect((await importFiles([writeTemp(dir, "many.jsonl", `${many.join("\n")}\n`)], "many", "synthetic")).summary.ok).toBe(true);
});

async function both(settings: ExportSettingsInput, name: string, problemsPerCopy?: number): Promise<{ fast: string; general: string; fastManifest: ExportManifest; generalManifest: ExportManifest }> {
  const fastFile = join(dir, `${name}.fast`);
  const generalFile = join(dir, `${name}.general`);
  const fastManifest = await exportToFile(settings, fastFile, { user: null, via: "cli", problemsPerCopy });
  const generalManifest = await exportToFile(settings, generalFile, { user: null, via: "cli", path: "general" });
  return { fast: readFileSync(fastFile, "utf8"), general: readFileSync(generalFile, "utf8"), fastManifest, generalManifest };
}

const comparable = (m: ExportManifest) => ({ ...m, file: null, startedAt: null, finishedAt: null, durationMs: null, path: null });

describe("JSONL export through COPY", () => {
  const scopes: [string, ExportSettingsInput][] = [
    ["no filters", { ...NO_FILTERS }],
    ["correct only, contaminated excluded", { ...NO_FILTERS, correctOnly: true, excludeContaminated: true }],
    ["one source", { ...NO_FILTERS, sources: ["augmented_math"], correctOnly: true }],
  ];
  for (const format of ["omi2-jsonl", "nemo-sft", "messages"] as const) {
    for (const [label, scope] of scopes) {
      it(`${format}, ${label}: the same bytes and manifest as the general path`, async () => {
        const { fast, general, fastManifest, generalManifest } = await both({ ...scope, format, sets: ["hostile"] }, `${format}-${label.replaceAll(" ", "-")}`);
        expect(fastManifest.path).toBe("copy");
        expect(generalManifest.path).toBe("stream");
        expect(general.length).toBeGreaterThan(0);
        expect(fast).toBe(general);
        expect(comparable(fastManifest)).toEqual(comparable(generalManifest));
        // Every line is valid JSON holding the stored text unchanged.
        for (const line of fast.split("\n").filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
      });
    }
  }

  it("removes what the SQL filters remove, with reasons, and keeps the hostile text intact", async () => {
    const { fast, fastManifest } = await both({ ...NO_FILTERS, correctOnly: true, excludeContaminated: true, sets: ["hostile"] }, "reasons");
    expect(fastManifest.scanned).toBe(15);
    expect(fastManifest.removed.contaminated?.count).toBe(3);
    expect(fastManifest.removed.contaminated?.examples[0]?.reason).toMatch(/^problem \d+ is flagged$/);
    expect(fastManifest.removed["not-correct"]?.examples[0]?.reason).toBe("verdict is not_equal");
    const rows = fast.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(fastManifest.rows);
    expect(rows.some((r) => r.generated_solution.includes("\u001e\u001f"))).toBe(true);
    expect(rows.some((r) => r.problem.includes("\n\\.\n"))).toBe(true);
  });

  it("pages through thousands of problems with lines across chunk boundaries", async () => {
    // 2,007 problems: three general-path pages; COPY pages of 300 problems, the last one partial.
    const { fast, general, fastManifest } = await both({ ...NO_FILTERS, sets: ["many"] }, "many", 300);
    expect(fastManifest.rows).toBe(PROBLEM_PAGE * 2 + 7);
    expect(fast.length).toBeGreaterThan(4 << 20);
    expect(fast).toBe(general);
  });

  it("an output that fails mid-export rejects the export and leaves the pool usable", async () => {
    let written = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        written += chunk.length;
        callback(written > 300_000 ? new Error("client went away") : null);
      },
    });
    failing.on("error", () => {});
    // Pages of 100 problems: the output fails while a COPY is under way.
    await expect(runExport({ ...NO_FILTERS, sets: ["many"] }, failing, { fileName: "x.jsonl", user: null, problemsPerCopy: 100 })).rejects.toThrow(/client went away|closed/);
    for (let i = 0; i < 12; i++) expect((await pool().query("SELECT 1 AS one")).rows[0].one).toBe(1);
    // And the next export is whole.
    const { fast, general } = await both({ ...NO_FILTERS, sets: ["many"] }, "after-failure", 100);
    expect(fast).toBe(general);
  });

  it("is taken whenever every filter is decidable in SQL: the defaults included", () => {
    expect(canExportInSql(parseExportSettings({ ...NO_FILTERS }))).toBe(true);
    // The per-solution filters read the inputs stored at grading (issue #21).
    expect(canExportInSql(parseExportSettings({}))).toBe(true);
    for (const filter of [{ dropMultiBoxed: true }, { trimAfterBoxed: true }, { dedup: true }, { requireBoxed: true }, { maxProblemTokens: 9 }]) {
      expect(canExportInSql(parseExportSettings({ ...NO_FILTERS, ...filter }))).toBe(true);
    }
    expect(canExportInSql(parseExportSettings({ ...NO_FILTERS, format: "omi2-parquet" }))).toBe(false);
    expect(canExportInSql(parseExportSettings({ pythonJson: true }))).toBe(false);
    // Stored inputs describe the trimmed solution: untrimmed length and arithmetic checks read the text.
    for (const filter of [{ arithmeticCheck: true }, { minSolutionChars: 1 }, { maxSolutionTokens: 9 }, { maxRows: 5 }]) {
      expect(canExportInSql(parseExportSettings({ ...NO_FILTERS, ...filter }))).toBe(false);
    }
  });
});
