// Protects the generation journey end to end on the real server and worker: an admin's endpoint
// (added with the CLI) points at the LLM stand-in this spec runs; a curator opens "Launch a
// batch", reviews the request count and token estimate, launches with one more click, and
// watches the batch page reach "completed" without reloading, with every sample stored; the
// admin's endpoint page tests the endpoint and never shows a key; a reviewer cannot launch.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { type LlmStub, startLlmStub } from "../lib/llm-stub/start-llm-stub";
import { storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { sql } from "./support/sql";

let stub: LlmStub;
const endpointName = `e2e-stand-in-${randomBytes(3).toString("hex")}`;
let setId = 0;

test.beforeAll(async () => {
  stub = await startLlmStub({ latencyMs: 30 });
  const added = runCli(["endpoint", "add", "--name", endpointName, "--base-url", stub.url, "--model", "boxed-stand-in", "--api", "chat", "--concurrency", "4"]);
  expect(added.status, added.stderr).toBe(0);
  const [set] = await sql<{ id: number }>(`SELECT id FROM problem_sets WHERE role = 'seed' AND problem_count > 0 ORDER BY id LIMIT 1`);
  expect(set, "the demo data has a seed set").toBeTruthy();
  setId = set?.id ?? 0;
});

test.afterAll(async () => {
  await stub?.close();
});

test.describe("as a curator", () => {
  test.use({ storageState: storageStateFor("curator") });

  test("launches a batch after reviewing it and watches it finish live", async ({ page }) => {
    test.setTimeout(120_000);
    const [endpoint] = await sql<{ id: number }>(`SELECT id FROM model_endpoints WHERE name = $1`, [endpointName]);
    await page.goto("/batches");
    await page.getByRole("link", { name: "Launch a batch" }).click();
    await expect(page.getByRole("heading", { name: "Launch a batch" })).toBeVisible();
    await page.getByRole("radio", { name: "Solutions for problems with known answers" }).check();
    await page.getByRole("combobox", { name: /Problem set/ }).selectOption(String(setId));
    await page.getByRole("combobox", { name: /Endpoint/ }).selectOption(String(endpoint?.id));
    await page.getByRole("spinbutton", { name: /Samples per problem/ }).fill("2");
    await page.getByRole("spinbutton", { name: /At most this many problems/ }).fill("3");
    await page.getByRole("button", { name: "Review requests and tokens" }).click();
    const review = page.getByRole("region", { name: "Review" });
    await expect(review).toContainText("6 requests");
    await expect(review).toContainText("prompt tokens");
    await expect(review).toContainText("The endpoint answered a test request");
    await review.getByRole("button", { name: "Launch 6 requests" }).click();

    await page.waitForURL(/\/batches\/\d+$/);
    const batchId = Number(new URL(page.url()).pathname.split("/").pop());
    const progress = page.getByRole("progressbar", { name: `Batch ${batchId} progress` });
    await expect(progress).toBeVisible();
    // No reload: the page polls and flips to completed on its own.
    await expect(page.getByTestId("batch-state")).toHaveText("completed", { timeout: 90_000 });
    await expect(progress).toHaveAttribute("aria-valuenow", "100");
    const [row] = await sql<{ done_count: number; samples: number; graded: number }>(
      `SELECT b.done_count, (SELECT count(*)::int FROM samples s WHERE s.batch_id = b.id) AS samples,
              (SELECT count(*)::int FROM samples s WHERE s.batch_id = b.id AND s.verdict <> 'ungraded') AS graded
       FROM generation_batches b WHERE b.id = $1`,
      [batchId],
    );
    expect(row).toEqual({ done_count: 6, samples: 6, graded: 6 });
    expect(stub.stats().totalRequests).toBeGreaterThanOrEqual(6);
    await page.goto("/batches");
    await expect(page.getByRole("link", { name: new RegExp(`#${batchId} `) })).toBeVisible();
  });

  test("the launch form offers each kind with the templates and defaults its plug-in declares", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/batches/new");
    const template = page.getByRole("combobox", { name: /Template/ });
    const templateNames = async () => (await template.locator("option").allTextContents()).filter((t) => !t.startsWith("Default"));
    for (const title of ["Solutions for problems with known answers", "New problems from seeds", "Solutions + majority-vote labels for synthetic problems", "LLM judge for decontamination candidates"]) {
      await expect(page.getByRole("radio", { name: title })).toBeVisible();
    }
    // The judge: its own template only, greedy sampling, and no sample count (both orders of a pair).
    await page.getByRole("radio", { name: "LLM judge for decontamination candidates" }).check();
    expect(await templateNames()).toEqual([expect.stringMatching(/^contamination-judge v\d+$/)]);
    await expect(page.getByRole("spinbutton", { name: /per problem|per seed/ })).toHaveCount(0);
    await expect(page.getByRole("spinbutton", { name: "Temperature" })).toHaveValue("0");
    await expect(page.getByRole("spinbutton", { name: "Max new tokens" })).toHaveValue("32");
    await page.screenshot({ path: "test-results/e2e/launch-form-judge.png" });
    // New problems: the problem templates, four per seed by default, the recipe's sampling.
    await page.getByRole("radio", { name: "New problems from seeds" }).check();
    const problemTemplates = await templateNames();
    expect(problemTemplates.length).toBeGreaterThan(0);
    for (const name of problemTemplates) expect(name).toMatch(/problem/);
    await expect(page.getByRole("spinbutton", { name: /New problems per seed/ })).toHaveValue("4");
    await expect(page.getByRole("spinbutton", { name: "Temperature" })).toHaveValue("1");
    await expect(page.getByRole("spinbutton", { name: "Max new tokens" })).toHaveValue("2048");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("tests an endpoint from the settings page; no key reaches the browser", async ({ page }) => {
    const secret = `sk-e2e-${randomBytes(8).toString("hex")}`;
    const keyed = runCli(["endpoint", "add", "--name", `${endpointName}-keyed`, "--base-url", stub.url, "--model", "boxed-stand-in", "--api", "chat", "--api-key-stdin"], `${secret}\n`);
    expect(keyed.status, keyed.stderr).toBe(0);
    const bodies: string[] = [];
    page.on("response", async (response) => {
      bodies.push(await response.text().catch(() => ""));
    });
    await page.goto("/settings/endpoints");
    const card = page.getByRole("article", { name: `Endpoint ${endpointName}`, exact: true });
    await card.getByRole("button", { name: `Test ${endpointName}`, exact: true }).click();
    await expect(card.getByRole("status")).toContainText("Reply in", { timeout: 30_000 });
    await expect(page.getByRole("article", { name: `Endpoint ${endpointName}-keyed`, exact: true })).toContainText("key stored (encrypted)");
    expect((await page.content()).includes(secret)).toBe(false);
    expect(bodies.some((body) => body.includes(secret))).toBe(false);
  });
});

test.describe("a curator's Batch API upload", () => {
  test.use({ storageState: storageStateFor("curator") });
  let batchId = 0;

  test.beforeAll(async () => {
    const [set] = await sql<{ name: string }>(`SELECT name FROM problem_sets WHERE id = $1`, [setId]);
    const created = runCli(["batch", "create", "--kind", "solutions", "--set", set?.name ?? "", "--endpoint", endpointName, "--n", "1", "--limit", "2", "--offline"]);
    expect(created.status, created.stderr).toBe(0);
    batchId = Number(created.stdout.trim());
  });

  const outputLine = (customId: number, content: string) =>
    `${JSON.stringify({ custom_id: String(customId), response: { status_code: 200, body: { choices: [{ message: { content }, finish_reason: "stop" }] } } })}\n`;

  test("streams past the proxy's 10 MB body limit and is checked whole", async ({ request }) => {
    // 12 MB of well-formed output lines whose custom_ids are no request of the batch: every one of
    // them must reach the checker, so the count in the refusal proves the whole body arrived.
    const lines: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < 12 * 2 ** 20; i++) {
      lines.push(outputLine(1_000_000_000 + i, "x".repeat(120)));
      bytes += lines[i]?.length ?? 0;
    }
    const response = await request.post(`/api/batches/${batchId}/results?name=big-output.jsonl`, { data: Buffer.from(lines.join("")) });
    expect(response.status()).toBe(422);
    const { error } = (await response.json()) as { error: string };
    expect(error).toContain(`big-output.jsonl: ${lines.length} bad lines; nothing was imported.`);
    expect(error).not.toContain("uploads");
  });

  test("a batch that cannot take results says why", async ({ request }) => {
    // The demo's recorded batches have no template: a clear refusal, not a server error.
    const [demo] = await sql<{ id: number }>(`SELECT id FROM generation_batches WHERE template_id IS NULL ORDER BY id LIMIT 1`);
    const response = await request.post(`/api/batches/${demo?.id}/results?name=out.jsonl`, { data: Buffer.from(outputLine(1, "4")) });
    expect(response.status()).toBe(422);
    expect(((await response.json()) as { error: string }).error).toContain(`batch ${demo?.id} has no template`);
  });

  test("the batch page uploads an output file and shows what was wrong with it", async ({ page }) => {
    await page.goto(`/batches/${batchId}`);
    await page.getByLabel("Output file").setInputFiles({ name: "cluster-output.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(outputLine(1_999_999_999, "4")) });
    await page.getByRole("button", { name: "Import results" }).click();
    await expect(page.getByRole("status").filter({ hasText: "cluster-output.jsonl: 1 bad line; nothing was imported." })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: `custom_id "1999999999" is not a request of batch ${batchId}` })).toBeVisible();
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateFor("reviewer") });

  test("cannot open the launch page", async ({ page }) => {
    await page.goto("/batches/new");
    await expect(page).toHaveURL(/\/forbidden/);
    await page.goto("/batches");
    await expect(page.getByRole("link", { name: "Launch a batch" })).toHaveCount(0);
  });
});
