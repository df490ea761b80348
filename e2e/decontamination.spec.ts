// Protects the decontamination journey in a real browser: `boxed decontam retrieve` flags an
// exact copy of a benchmark problem; a reviewer opens it in the review queue (the synthesized
// problem beside the benchmark problem, with the word diff and scores), decides "contaminated"
// with the keyboard, sees it leave the queue, and can undo with z; the funnel chart on
// /decontamination renders with its stages linking to the filtered queue; a viewer cannot decide.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { sql } from "./support/sql";

const tag = `dc${randomBytes(3).toString("hex")}`;
const setName = `e2e-decontam-${tag}`;
let setId = 0;
let copyId = 0;

test.beforeAll(async () => {
  const [set] = await sql<{ id: number }>(`INSERT INTO problem_sets (name, role, problem_count) VALUES ($1, 'synthetic', 2) RETURNING id`, [setName]);
  setId = set.id;
  const texts = [
    // The demo benchmark's GCD problem, re-cased and re-spaced: an exact match after normalisation.
    "  What is the GREATEST common divisor of $252$ and   $198$?",
    `A ${tag} gardener plants 7 rows of 9 tulips. How many tulips are there?`,
  ];
  const rows = await sql<{ id: number }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source)
     SELECT $1, t, encode(sha256(convert_to(t, 'UTF8')), 'hex'), $2 || '/' || i, 'augmented_math' FROM unnest($3::text[]) WITH ORDINALITY AS x(t, i) RETURNING id`,
    [setId, tag, texts],
  );
  copyId = rows[0].id;
  const result = runCli(["decontam", "retrieve", "--problems", setName, "--against", "demo-benchmark"]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/flagged \(exact match, no judge\)\s+1/);
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateFor("reviewer") });

  test("decides a flagged problem with the keyboard, sees it leave the queue, and undoes", async ({ page }) => {
    await page.goto(`/decontamination/review?status=flagged&set=${setId}`);
    const heading = page.getByRole("heading", { name: new RegExp(`Problem #${copyId} `) });
    await expect(heading).toBeVisible();
    await expect(page.getByText("Status: flagged")).toBeVisible();
    const pair = page.getByRole("article", { name: "Benchmark demo-benchmark/demo-test/math/number_theory/0" });
    await expect(pair.getByText("exact match (verbatim)")).toBeVisible();
    await expect(pair.getByText("score 1.00")).toBeVisible();
    await expect(pair.getByText("Judge, synthesized first")).toBeVisible();
    // The keys work once the page is hydrated (the workspace marks itself).
    await expect(page.getByRole("region", { name: "Decision" })).toHaveAttribute("data-keys", "ready");

    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.keyboard.press("n");
    await expect(page.getByPlaceholder(/Note \(n\)/)).toBeFocused();
    await page.keyboard.type("same GCD question");
    await page.keyboard.press("Escape");
    await page.keyboard.press("c");

    await expect(page.getByRole("region", { name: "Queue empty" })).toBeVisible();
    await expect(page.getByText(`Problem #${copyId} marked contaminated. Press z to undo.`)).toBeVisible();
    await expect(heading).toHaveCount(0);
    const [after] = await sql<{ status: string }>(`SELECT contamination_status::text AS status FROM problems WHERE id = $1`, [copyId]);
    expect(after.status).toBe("contaminated");
    const [decision] = await sql<{ note: string; evidence: { statusBefore: string } }>(`SELECT note, evidence FROM contamination_decisions WHERE problem_id = $1 AND undone_at IS NULL`, [copyId]);
    expect(decision).toMatchObject({ note: "same GCD question", evidence: { statusBefore: "flagged" } });
    await page.reload();
    await expect(page.getByRole("region", { name: "Queue empty" })).toHaveAttribute("data-keys", "ready");

    await page.keyboard.press("z");
    await expect(page.getByRole("heading", { name: new RegExp(`Problem #${copyId} `) })).toBeVisible();
    await expect(page.getByText(/is flagged again/)).toBeVisible();
    const [undone] = await sql<{ status: string }>(`SELECT contamination_status::text AS status FROM problems WHERE id = $1`, [copyId]);
    expect(undone.status).toBe("flagged");
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees the funnel chart with stages linking to the filtered queue, and cannot decide", async ({ page }) => {
    await page.goto("/decontamination");
    await expect(page.getByRole("heading", { name: "Decontamination", exact: true })).toBeVisible();
    const chart = page.getByRole("region", { name: "Against demo-benchmark" });
    await expect(chart).toBeVisible();
    await expect(chart.locator("svg").first()).toBeVisible();
    const checkedBar = chart.getByRole("link", { name: /^Problems · Checked: [\d,]+ problems$/ });
    await expect(checkedBar).toBeVisible();
    const flaggedCell = page.getByRole("link", { name: /^Flagged against demo-benchmark: \d+ problems$/ });
    await expect(flaggedCell).toBeVisible();
    await expect(page.getByRole("link", { name: "JSON" })).toHaveAttribute("href", "/api/decontamination/report?format=json");
    await expect(page.getByRole("button", { name: "Start retrieval" })).toHaveCount(0);

    await flaggedCell.click();
    await expect(page).toHaveURL(/\/decontamination\/review\?.*pair=machine_flagged.*benchmarkSet=\d+/);
    await expect(page.getByText(/flagged by an exact match or a True/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Contaminated (c)" })).toBeDisabled();
    await expect(page.getByText("You can look; deciding needs the reviewer role.")).toBeVisible();
  });
});
