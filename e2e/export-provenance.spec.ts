// Protects the curator's journey on real data, where provenance matters: 500 GSM8K train problems
// imported as seeds from the browser come with their reference solutions ("... #### 72", graded,
// mostly equal); a solutions batch against the LLM stand-in (which knows the golds, right 80% of
// the time) adds generated ones. Then:
// - the solutions browser tells them apart (facet and badge);
// - the dashboard's correct share of the set is the generated one, not the mix with references;
// - an export with the default settings from the browser holds generated solutions only, every
//   one boxed and correct; its manifest counts the 500 references left out and the rows each
//   filter removed, and those counts add up to the rows read.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { gsm8kGoldAnswer } from "../lib/datasets/formats/gsm8k-record";
import { type LlmStub, startLlmStub } from "../lib/llm-stub/start-llm-stub";
import { storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { importThroughForm } from "./support/import-form";
import { sql } from "./support/sql";

test.use({ storageState: storageStateFor("curator"), viewport: { width: 1440, height: 900 } });

const PROBLEMS = 500;
const SET = "e2e-gsm8k-train-500";
const dir = mkdtempSync(join(tmpdir(), "boxed-e2e-provenance-"));
const shots = process.env.E2E_SCREENSHOTS;
const screenshot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
};

let stub: LlmStub;
let file = "";
const endpointName = `e2e-provenance-stand-in-${process.pid}`;

test.beforeAll(async () => {
  const lines = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "shared", "data", "gsm8k", "train.jsonl"), "utf8").split("\n").filter(Boolean).slice(0, PROBLEMS);
  expect(lines).toHaveLength(PROBLEMS);
  file = join(dir, "gsm8k-train-500.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  // The stand-in knows every gold and answers it 80% of the time, so "not correct" has work to do.
  const answers = Object.fromEntries(
    lines.map((line) => {
      const row = JSON.parse(line) as { question: string; answer: string };
      return [row.question, gsm8kGoldAnswer(row.answer) ?? ""];
    }),
  );
  stub = await startLlmStub({ answers, accuracy: 0.8, seed: 17 });
  const added = runCli(["endpoint", "add", "--name", endpointName, "--base-url", stub.url, "--model", "boxed-stand-in", "--api", "chat", "--concurrency", "8"]);
  expect(added.status, added.stderr).toBe(0);
});

test.afterAll(async () => {
  await stub?.close();
});

test("GSM8K seeds, a solutions batch, and a default export of generated, boxed, correct solutions only", async ({ page }) => {
  test.setTimeout(600_000);

  // 1. Import from the browser; grading of the references follows.
  const summary = await importThroughForm(page, { file, set: SET, role: "seed" });
  await expect(summary.getByRole("row", { name: /Problems inserted/ })).toContainText("500", { timeout: 120_000 });
  await expect(summary.getByText("Grading finished")).toBeVisible({ timeout: 180_000 });
  const [set] = await sql<{ id: number }>("SELECT id FROM problem_sets WHERE name = $1", [SET]);
  const setId = set?.id ?? 0;
  expect(await sql("SELECT provenance::text, count(*)::int AS n FROM samples WHERE set_id = $1 GROUP BY 1", [setId])).toEqual([{ provenance: "reference", n: PROBLEMS }]);

  // 2. A solutions batch: two samples per problem.
  const [endpoint] = await sql<{ id: number }>("SELECT id FROM model_endpoints WHERE name = $1", [endpointName]);
  await page.goto("/batches/new");
  await page.getByRole("radio", { name: "Solutions for problems with known answers" }).check();
  await page.getByRole("combobox", { name: /Problem set/ }).selectOption(String(setId));
  await page.getByRole("combobox", { name: /Endpoint/ }).selectOption(String(endpoint?.id));
  await page.getByRole("spinbutton", { name: /Samples per problem/ }).fill("2");
  await page.getByRole("spinbutton", { name: /At most this many problems/ }).fill(String(PROBLEMS));
  await page.getByRole("button", { name: "Review requests and tokens" }).click();
  await page.getByRole("region", { name: "Review" }).getByRole("button", { name: `Launch ${(PROBLEMS * 2).toLocaleString("en-US")} requests` }).click();
  await page.waitForURL(/\/batches\/\d+$/);
  await expect(page.getByTestId("batch-state")).toHaveText("completed", { timeout: 300_000 });
  const counts = async () =>
    (
      await sql<{ generated: number; graded: number; correct: number; references: number; ref_correct: number; ref_graded: number }>(
        `SELECT count(*) FILTER (WHERE provenance = 'generated')::int AS generated,
                count(*) FILTER (WHERE provenance = 'generated' AND verdict <> 'ungraded')::int AS graded,
                count(*) FILTER (WHERE provenance = 'generated' AND verdict = 'equal')::int AS correct,
                count(*) FILTER (WHERE provenance = 'reference')::int AS references,
                count(*) FILTER (WHERE provenance = 'reference' AND verdict <> 'ungraded')::int AS ref_graded,
                count(*) FILTER (WHERE provenance = 'reference' AND verdict = 'equal')::int AS ref_correct
           FROM samples WHERE set_id = $1`,
        [setId],
      )
    )[0];
  const c = await counts();
  expect(c?.generated).toBe(PROBLEMS * 2);
  expect(c?.references).toBe(PROBLEMS);
  const pct = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;
  const generatedShare = pct(c?.correct ?? 0, c?.graded ?? 1);
  const mixedShare = pct((c?.correct ?? 0) + (c?.ref_correct ?? 0), (c?.graded ?? 0) + (c?.ref_graded ?? 0));
  // The stand-in is right about 80% of the time; the references nearly always: the two must differ.
  expect(generatedShare).not.toBe(mixedShare);

  // 3. The solutions browser: a provenance facet and a badge on every row.
  await page.goto(`/solutions?set=${setId}&provenance=reference`);
  await expect(page.locator("[data-provenance]").first()).toBeVisible();
  expect(await page.locator('[data-provenance="generated"]').count()).toBe(0);
  await expect(page.getByRole("group", { name: "Provenance" })).toBeVisible();
  await screenshot(page, "solutions-references");
  await page.goto(`/solutions?set=${setId}&provenance=generated`);
  await expect(page.locator('[data-provenance="generated"]').first()).toBeVisible();
  expect(await page.locator('[data-provenance="reference"]').count()).toBe(0);

  // 4. The dashboard: the set's correct share is the generated one.
  await page.goto("/");
  const row = page.getByRole("row", { name: new RegExp(SET) });
  await expect(row).toContainText(generatedShare);
  await expect(row).toContainText(`references: ${(c?.ref_correct ?? 0).toLocaleString("en-US")} of ${(c?.ref_graded ?? 0).toLocaleString("en-US")} agree with the gold`);
  // The headline is over generated solutions of every set (other specs may be writing: retry).
  await expect(async () => {
    await page.reload();
    const [all] = await sql<{ correct: number; graded: number }>(
      `SELECT count(*) FILTER (WHERE verdict = 'equal')::int AS correct, count(*) FILTER (WHERE verdict <> 'ungraded')::int AS graded
         FROM samples WHERE provenance = 'generated'`,
    );
    const card = page.getByRole("region", { name: "Totals" }).getByText("Correct share (generated)").locator("..");
    await expect(card).toContainText(pct(all?.correct ?? 0, all?.graded ?? 1), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await screenshot(page, "dashboard");

  // 5. Export with the default settings, our set only, as a background job.
  await page.goto("/exports");
  for (const box of await page.getByRole("group", { name: "Problem sets" }).getByRole("checkbox").all()) await box.uncheck();
  await page.getByLabel(new RegExp(`^${SET}`)).check();
  await expect(page.getByLabel("Also export reference solutions")).not.toBeChecked();
  await expect(page.getByLabel("Drop solutions without a \\boxed{} answer")).toBeChecked();
  await page.getByRole("button", { name: "Run as a background job" }).click();
  const result = page.getByRole("region", { name: "Export result" });
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.getByTestId("references-left-out")).toHaveText("500 reference solutions left out (not asked for)");
  await screenshot(page, "export-result");
  const manifestHref = await result.getByRole("link", { name: "manifest" }).getAttribute("href");
  const fileHref = await result.getByRole("link", { name: /^Download / }).getAttribute("href");
  const manifest = await (await page.request.get(manifestHref ?? "")).json();
  const rows = (await (await page.request.get(fileHref ?? "")).text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { problem: string; generated_solution: string; expected_answer: string });

  // Every row generated, boxed and correct.
  expect(rows.length).toBeGreaterThan(PROBLEMS);
  expect(manifest.rows).toBe(rows.length);
  expect(manifest.perProvenance).toEqual({ generated: rows.length, reference: 0 });
  const stored = await sql<{ text: string; provenance: string; verdict: string }>(
    "SELECT text, provenance::text AS provenance, verdict::text AS verdict FROM samples WHERE set_id = $1",
    [setId],
  );
  const byText = new Map(stored.map((s) => [s.text, s]));
  for (const r of rows) {
    expect(r.generated_solution).toContain(`\\boxed{${r.expected_answer}}`);
    expect(r.generated_solution).not.toContain("####");
    // The default trim cuts after the boxed line; the stand-in ends there, so the text is the stored one.
    expect(byText.get(r.generated_solution)).toMatchObject({ provenance: "generated", verdict: "equal" });
  }

  // The manifest counts the references left out and the rows each filter removed; all add up.
  expect(manifest.references).toMatchObject({ included: false, leftOut: PROBLEMS });
  const notCorrect = (c?.generated ?? 0) - (c?.correct ?? 0);
  expect(manifest.removed["not-correct"].count).toBe(notCorrect);
  expect(manifest.removed["not-correct"].examples.length).toBeGreaterThan(0);
  const removed = Object.values(manifest.removed as Record<string, { count: number }>).reduce((sum, r) => sum + r.count, 0);
  expect(manifest.scanned).toBe(PROBLEMS * 3);
  expect(manifest.rows + removed + manifest.references.leftOut).toBe(manifest.scanned);

  // 6. Insights: pass@k by model states its denominators and counts no reference.
  await page.goto(`/insights?set=${setId}`);
  const denominators = page.getByRole("list", { name: "pass@k and problems per point" }).first();
  await expect(denominators).toContainText(`of ${PROBLEMS}`);
  await expect(page.getByTestId(`reference-check-${SET}`)).toContainText(`${(c?.ref_correct ?? 0).toLocaleString("en-US")} (`);
  await screenshot(page, "insights");
  if (shots) {
    await page.getByRole("heading", { name: "pass@k", exact: true }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(shots, "insights-pass-at-k.png") });
    await page.getByTestId(`reference-check-${SET}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, "insights-reference-check.png") });
  }
});
