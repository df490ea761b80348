// Protects the solutions table at a reviewer's screen size (1440x900) on real GSM8K rows:
// - the columns a reviewer decides by (problem, verdict, extracted answer, gold, review status,
//   provenance) are inside the window without any horizontal scroll;
// - a long set name in the filter panel truncates inside the panel (full name in a tooltip);
// - a column can be hidden and shown again, and resized, and both are remembered;
// - after a bulk action the facet counts are fresh without reloading the page.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { sharedDataPath } from "../tests/support/shared-data";
import { storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { sql } from "./support/sql";

test.use({ storageState: storageStateFor("curator"), viewport: { width: 1440, height: 900 } });

const PROBLEMS = 30;
const tag = `${process.pid}-${Date.now().toString(36)}`;
// Long on purpose: it must not push the filter panel into the table.
const SET = `e2e-table-gsm8k-${tag}-a-set-name-far-longer-than-any-filter-panel-is-wide`;
const dir = mkdtempSync(join(tmpdir(), "boxed-e2e-table-"));
const shots = process.env.E2E_SCREENSHOTS;
const screenshot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
};
let setId = 0;

test.beforeAll(async () => {
  // Real GSM8K test rows; their reference solutions ("... #### 72") are graded by --grade-now.
  const lines = readFileSync(sharedDataPath("gsm8k", "test.jsonl"), "utf8").split("\n").filter(Boolean).slice(500, 500 + PROBLEMS);
  expect(lines).toHaveLength(PROBLEMS);
  const file = join(dir, "gsm8k-table.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const imported = runCli(["import", "--set", SET, "--role", "seed", "--grade-now", file]);
  expect(imported.status, imported.stderr).toBe(0);
  const [set] = await sql<{ id: number }>("SELECT id FROM problem_sets WHERE name = $1", [SET]);
  setId = set?.id ?? 0;
  const [graded] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM samples WHERE set_id = $1 AND verdict <> 'ungraded'", [setId]);
  expect(graded.n).toBe(PROBLEMS);
});

const table = (page: Page) => page.getByRole("table", { name: "Solutions" });
const firstRow = (page: Page) => table(page).locator("tbody tr").first();
const facetCount = (page: Page, facet: string, value: string) => page.locator(`[data-facet-count="${facet}:${value}"]`);

/** The element's box lies inside the 1440x900 window, as laid out without scrolling. */
async function expectInsideWindow(page: Page, selector: string) {
  const box = await firstRow(page).locator(selector).boundingBox();
  expect(box, selector).not.toBeNull();
  if (!box) return;
  expect(box.x, selector).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, selector).toBeLessThanOrEqual(1440);
  expect(box.y + box.height, selector).toBeLessThanOrEqual(900);
}

test("the reviewer's columns fit at 1440x900, columns hide, show and resize, and facet counts follow a bulk action", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/solutions?set=${setId}`);
  await expect(page.getByTestId("match-count")).toHaveText(String(PROBLEMS));

  // 1. No horizontal scroll, neither of the page nor of the table's own box.
  for (const column of ["problem", "verdict", "answer", "gold", "review", "provenance"]) await expectInsideWindow(page, `td[data-column="${column}"]`);
  const overflow = await page.evaluate(() => {
    const box = document.querySelector('table[aria-label="Solutions"]')?.parentElement;
    return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: box ? box.scrollWidth - box.clientWidth : -1 };
  });
  expect(overflow).toEqual({ page: 0, table: 0 });
  // Real GSM8K content in the cells: a gold answer that is a number, and a verdict.
  await expect(firstRow(page).locator('td[data-column="gold"]')).toHaveText(/\d/);
  await expect(firstRow(page).locator('td[data-column="verdict"]')).toHaveText(/equal|undecided|no answer/);
  await expect(firstRow(page).locator('td[data-column="review"]')).toHaveText("unreviewed");

  // 2. The long set name stays inside the filter panel, with its full text in the tooltip.
  const filters = page.getByRole("complementary", { name: "Filters" });
  const setOption = filters.locator(`label[title="${SET}"]`);
  await expect(setOption).toBeVisible();
  const panel = await filters.boundingBox();
  const option = await setOption.boundingBox();
  const tableBox = await table(page).boundingBox();
  expect(panel && option && tableBox).toBeTruthy();
  if (panel && option && tableBox) {
    expect(option.x + option.width).toBeLessThanOrEqual(panel.x + panel.width + 0.5);
    expect(panel.x + panel.width).toBeLessThan(tableBox.x);
  }
  await screenshot(page, "solutions-table-1440");

  // 3. Hide a column, reload: still hidden; show it again.
  const goldHeader = table(page).getByRole("columnheader", { name: "Gold answer" });
  await expect(goldHeader).toHaveCount(1);
  await page.getByRole("button", { name: "Columns", exact: true }).click();
  await page.getByRole("checkbox", { name: "Gold answer" }).uncheck();
  await expect(goldHeader).toHaveCount(0);
  await expect(page).toHaveURL(/cols=/);
  await page.goto(`/solutions?set=${setId}`);
  await expect(goldHeader).toHaveCount(0);
  await page.getByRole("button", { name: "Columns", exact: true }).click();
  await page.getByRole("checkbox", { name: "Gold answer" }).check();
  await expect(goldHeader).toHaveCount(1);
  await page.getByRole("button", { name: "Columns", exact: true }).click();

  // 4. Resize the problem column by dragging its header's edge: wider, and remembered.
  const problemHeader = table(page).getByRole("columnheader", { name: /Problem/ });
  const before = (await problemHeader.boundingBox())?.width ?? 0;
  const handle = (await table(page).locator('[data-resize-handle="Problem"]').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 80, handle.y + handle.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await problemHeader.boundingBox())?.width ?? 0).toBeGreaterThan(before + 60);
  await page.goto(`/solutions?set=${setId}`);
  await expect.poll(async () => (await problemHeader.boundingBox())?.width ?? 0).toBeGreaterThan(before + 60);
  await page.getByRole("button", { name: "Columns", exact: true }).click();
  await page.getByRole("button", { name: "Reset columns and widths" }).click();
  await expect.poll(async () => Math.round((await problemHeader.boundingBox())?.width ?? 0)).toBe(Math.round(before));
  await page.getByRole("button", { name: "Columns", exact: true }).click();

  // 5. A bulk action: the facet counts change without a reload.
  await expect(facetCount(page, "reviewStatuses", "unreviewed")).toHaveText(String(PROBLEMS));
  await expect(facetCount(page, "reviewStatuses", "rejected")).toHaveText("0");
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  const boxes = table(page).locator('tbody input[type="checkbox"]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await bar.getByRole("button", { name: "Reject" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm bulk action" });
  await expect(confirm).toContainText("applies to 3 solutions");
  await confirm.getByRole("button", { name: "Confirm 3" }).click();
  await expect(page.getByRole("status").filter({ hasText: "completed" })).toBeVisible({ timeout: 60_000 });
  await expect(facetCount(page, "reviewStatuses", "rejected")).toHaveText("3");
  await expect(facetCount(page, "reviewStatuses", "unreviewed")).toHaveText(String(PROBLEMS - 3));
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  const [db] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM samples WHERE set_id = $1 AND review_status = 'rejected'", [setId]);
  expect(db.n).toBe(3);
  await screenshot(page, "solutions-table-after-bulk");
});
