// Protects retiring endpoints and templates from the browser: an admin disables an endpoint on
// Settings → Endpoints and it leaves the launch form (enable brings it back), deletes one no
// batch names; a curator disables a template on /templates and it leaves the launch form.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { sql } from "./support/sql";

const tag = randomBytes(3).toString("hex");
const kept = `e2e-retire-${tag}`;
const spare = `e2e-spare-${tag}`;
// A template of this spec's own: disabling a shipped one would race other specs' launches.
const template = `e2e-template-${tag}`;

test.beforeAll(async () => {
  await sql(`INSERT INTO prompt_templates (name, version, kind, body) SELECT $1, 1, kind, body FROM prompt_templates WHERE name = 'openmath-chat-solution' AND version = 1`, [template]);
  for (const name of [kept, spare]) {
    const added = runCli(["endpoint", "add", "--name", name, "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--api", "chat"]);
    expect(added.status, added.stderr).toBe(0);
  }
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("disables, enables and deletes endpoints", async ({ page }) => {
    await page.goto("/settings/endpoints");
    await page.getByRole("button", { name: `Disable ${kept}` }).click();
    await expect(page.getByRole("article", { name: `Endpoint ${kept}` })).toContainText("disabled");
    await page.goto("/batches/new");
    await expect(page.getByRole("combobox", { name: /Endpoint/ })).not.toContainText(kept);

    await page.goto("/settings/endpoints");
    await page.getByRole("button", { name: `Enable ${kept}` }).click();
    await expect(page.getByRole("button", { name: `Disable ${kept}` })).toBeVisible();
    await expect(page.getByRole("article", { name: `Endpoint ${kept}` })).not.toContainText("disabled");
    await page.goto("/batches/new");
    await expect(page.getByRole("combobox", { name: /Endpoint/ })).toContainText(kept);
    // Nothing listens behind this endpoint: the review warns before the launch.
    const [endpoint] = await sql<{ id: number }>("SELECT id FROM model_endpoints WHERE name = $1", [kept]);
    const [seed] = await sql<{ id: number }>("SELECT id FROM problem_sets WHERE role = 'seed' AND problem_count > 0 ORDER BY id LIMIT 1");
    await page.getByRole("combobox", { name: /Problem set/ }).selectOption(String(seed?.id));
    await page.getByRole("combobox", { name: /Endpoint/ }).selectOption(String(endpoint?.id));
    await page.getByRole("button", { name: "Review requests and tokens" }).click();
    const review = page.getByRole("region", { name: "Review" });
    await expect(review.getByRole("alert")).toContainText("The endpoint did not answer a test request");
    await expect(review.getByRole("button", { name: /Launch anyway/ })).toBeVisible();

    await page.goto("/settings/endpoints");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Delete ${spare}` }).click();
    await expect(page.getByRole("article", { name: `Endpoint ${spare}` })).toHaveCount(0);
  });
});

test.describe("as a curator", () => {
  test.use({ storageState: storageStateFor("curator") });

  test("disables a template and it leaves the launch form; deletes one no batch used", async ({ page }) => {
    await page.goto("/batches/new");
    const templates = page.getByRole("combobox", { name: /Template/ });
    await expect(templates).toContainText(template);
    await page.goto("/templates");
    await page.getByRole("button", { name: `Disable template ${template}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(template) })).toContainText("disabled");
    await page.goto("/batches/new");
    await expect(templates).not.toContainText(template);
    await page.goto("/templates");
    await page.getByRole("button", { name: `Enable template ${template}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(template) })).not.toContainText("disabled");
    // Shipped templates offer no delete; this one does.
    await expect(page.getByRole("button", { name: "Delete template openmath-chat-solution" })).toHaveCount(0);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Delete template ${template}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(template) })).toHaveCount(0);
  });
});
