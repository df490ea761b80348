// Protects the page of one problem set, on real GSM8K rows: the set links of the sets list lead to
// it (no 404), its counts and source/verdict lists link into the filtered solutions table, a viewer
// sees no management, and a curator renames, archives and deletes it (the confirmation lists what
// goes and wants the name; the deletion's progress runs to "gone").
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { sql } from "./support/sql";
import { hasSharedData, sharedDataPath } from "../tests/support/shared-data";

test.skip(!hasSharedData, "needs the real GSM8K file in ../shared/data (absent in a user's clone)");
const dir = mkdtempSync(join(tmpdir(), "boxed-e2e-sets-"));

function gsm8kSlice(name: string, from: number, count: number): string {
  const lines = readFileSync(sharedDataPath("gsm8k", "test.jsonl"), "utf8").split("\n").filter(Boolean).slice(from, from + count);
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

async function setIdOf(name: string): Promise<number> {
  const rows = await sql<{ id: number }>("SELECT id FROM problem_sets WHERE name = $1", [name]);
  return rows[0]?.id as number;
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the set page shows counts and links, and no management", async ({ page }) => {
    expect(runCli(["import", "--set", "e2e-sets-viewer", "--role", "seed", gsm8kSlice("viewer.jsonl", 0, 40)]).status).toBe(0);
    // The references are graded by the worker after the import: the page is rendered once, so wait
    // for the grading to land first (a busy machine can take longer than an assertion's timeout).
    const graded = async () => (await sql<{ n: number }>("SELECT graded_count AS n FROM problem_sets WHERE name = $1", ["e2e-sets-viewer"]))[0]?.n;
    await expect.poll(graded, { timeout: 60_000 }).toBe(40);
    await page.goto("/sets");
    await page.getByRole("link", { name: "e2e-sets-viewer" }).click();
    await expect(page.getByRole("heading", { name: "e2e-sets-viewer" })).toBeVisible();
    await expect(page.getByText("Problems", { exact: true }).first().locator("..")).toContainText("40");
    await expect(page.getByRole("table", { name: "Imports of this set" })).toContainText("40");
    // GSM8K's answers are references: their agreement is a data-quality figure, never the model's share.
    await expect(page.getByText("References agreeing with the gold").locator("..")).toContainText("40 of 40 graded references");
    await expect(page.getByText("Correct share (generated)").locator("..")).toContainText("0 of 0");
    const source = page.getByRole("region", { name: "Problems by source" });
    await expect(source).toContainText("40");
    await expect(page.getByRole("region", { name: "Manage this set" })).toHaveCount(0);
  });
});

test.describe("as a curator", () => {
  test.use({ storageState: storageStateFor("curator") });

  test("renames, archives and deletes a set with a confirmation that says what goes", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(runCli(["import", "--set", "e2e-sets-curator", "--role", "seed", gsm8kSlice("curator.jsonl", 100, 25)]).status).toBe(0);
    const id = await setIdOf("e2e-sets-curator");
    await page.goto(`/sets/${id}`);
    await expect(page.getByRole("heading", { name: "e2e-sets-curator" })).toBeVisible();

    await page.getByLabel("Name").fill("e2e-sets-renamed");
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("heading", { name: "e2e-sets-renamed" })).toBeVisible();

    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Archived" })).toBeVisible();
    await page.goto("/sets");
    await expect(page.getByRole("table", { name: "Problem sets", exact: true })).not.toContainText("e2e-sets-renamed");
    await page.getByText(/Archived sets/).click();
    await page.getByRole("link", { name: "e2e-sets-renamed" }).click();

    await page.getByRole("button", { name: "Delete this set…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this set" });
    await expect(dialog).toContainText("25 problems");
    await page.screenshot({ path: "test-results/e2e/set-delete-confirmation.png", fullPage: true });
    const confirm = dialog.getByRole("button", { name: "Delete set" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Set name to confirm").fill("e2e-sets-renamed");
    await confirm.click();
    await expect(page.getByText("The set is gone.")).toBeVisible({ timeout: 60_000 });
    expect(await setIdOf("e2e-sets-renamed")).toBeUndefined();
    const audit = await sql<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'set.%' AND object_id = $1 ORDER BY id", [String(id)]);
    expect(audit.map((a) => a.action)).toEqual(["set.rename", "set.archive", "set.delete.start", "set.delete.finish"]);
    await page.goto(`/sets/${id}`);
    await expect(page.getByText(/could not be found|404/i).first()).toBeVisible();
  });
});
