// Protects issue #19's reviewer journeys on real GSM8K and MATH rows, in a real browser:
// - money stays money (GSM8K train's "costs $1000. A computer shop accepts payment in installments
//   of $65 per month") and MATH's align* renders as a display formula, on the problem page and in
//   the decontamination review;
// - a seed set (a slice of GSM8K train holding one verbatim GSM8K test question) is checked
//   against GSM8K test; the review queue says "n of N", shows the closest pair in full and folds
//   the others, and clearing the verbatim copy asks once (Esc cancels, Enter confirms);
// - the sign-in form posts without JavaScript and never puts the password in the address; the
//   favicon is served to signed-out visitors;
// - a batch whose every request fails ends "failed" with the reason on its page and the dashboard,
//   and a paused batch's page keeps refreshing (it follows a resume made elsewhere).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type LlmStub, startLlmStub } from "../lib/llm-stub/start-llm-stub";
import { hasSharedData, sharedDataPath } from "../tests/support/shared-data";
import { E2E_PASSWORD, emailFor, storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { fillSignIn } from "./support/sign-in-form";
import { sql } from "./support/sql";

const tag = `wb${Date.now().toString(36)}`;
const seedSet = `e2e-gsm8k-train-slice-${tag}`;
const benchSet = `e2e-gsm8k-test-${tag}`;
const dir = mkdtempSync(join(tmpdir(), "boxed-e2e-workbench-"));

const jsonl = (file: string) =>
  readFileSync(sharedDataPath(file), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, string>);

let currencyQuestion = "";
let leakedQuestion = "";
let alignProblem = "";

test.skip(!hasSharedData, "needs ../shared/data (GSM8K and MATH)");

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const train = jsonl("gsm8k/train.jsonl");
  const test_ = jsonl("gsm8k/test.jsonl");
  currencyQuestion = train.find((r) => r.question.includes("installments of $65 per month"))?.question ?? "";
  leakedQuestion = test_.find((r) => r.question.includes("6 monthly installments of $350 each"))?.question ?? "";
  const align = jsonl("math/test.jsonl").find((r) => r.unique_id === "test/algebra/96.json");
  alignProblem = align?.problem ?? "";
  expect(currencyQuestion && leakedQuestion && alignProblem).toBeTruthy();
  // The seed set: 150 GSM8K train rows (the currency one among them) and one GSM8K test question
  // copied verbatim, the leak a GSM8K-train-against-GSM8K-test audit exists to find.
  const slice = [...train.slice(0, 150), { question: leakedQuestion, answer: test_.find((r) => r.question === leakedQuestion)?.answer }];
  expect(slice.some((r) => r.question === currencyQuestion)).toBe(true);
  const gsmFile = join(dir, "gsm8k-train-slice.jsonl");
  writeFileSync(gsmFile, `${slice.map((r) => JSON.stringify(r)).join("\n")}\n`);
  const mathFile = join(dir, "math-align.jsonl");
  writeFileSync(mathFile, `${JSON.stringify(align)}\n`);
  for (const args of [
    ["import", "--set", benchSet, "--role", "benchmark", sharedDataPath("gsm8k/test.jsonl")],
    ["import", "--set", seedSet, "--role", "seed", gsmFile],
    ["import", "--set", seedSet, "--role", "seed", mathFile],
    ["decontam", "retrieve", "--problems", seedSet, "--against", benchSet],
  ]) {
    const result = runCli(args);
    expect(result.status, `${args.join(" ")}\n${result.stderr}`).toBe(0);
  }
});

/** Screenshots of the journey for a person to look at, when E2E_SCREENSHOTS_DIR names a folder. */
async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const to = process.env.E2E_SCREENSHOTS_DIR;
  if (to) await page.screenshot({ path: join(to, name), fullPage });
}

async function problemId(text: string): Promise<number> {
  const [row] = await sql<{ id: number }>(`SELECT p.id FROM problems p JOIN problem_sets s ON s.id = p.set_id WHERE s.name = $1 AND p.text = $2`, [seedSet, text]);
  return row.id;
}

/** The visible text of a rendered block: KaTeX's hidden MathML (which repeats the source) left out. */
async function visibleText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).first().evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll(".katex-mathml")) hidden.remove();
    return copy.textContent ?? "";
  });
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("money stays money and align* renders, on the problem page", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/problems/${await problemId(currencyQuestion)}`);
    const prose = page.locator(".math-prose").first();
    await expect(prose).toContainText("costs $1000. A computer shop accepts payment in installments of $65 per month");
    await expect(prose.locator(".katex")).toHaveCount(0);

    // The solutions table renders the same text through the inline path.
    await page.goto(`/solutions?problem=${await problemId(currencyQuestion)}`);
    const cell = page.locator("table .math-inline").filter({ hasText: "A computer shop accepts payment" }).first();
    await expect(cell).toContainText("costs $1000. A computer shop accepts payment in installments of $65 per month");
    await expect(cell.locator(".katex")).toHaveCount(0);
    await shoot(page, "workbench-solutions-currency.png");

    await page.goto(`/problems/${await problemId(alignProblem)}`);
    const math = page.locator(".math-prose").first();
    await expect(math.locator(".katex-display")).toHaveCount(1);
    await expect(math.locator(".katex-error")).toHaveCount(0);
    const text = await visibleText(page, ".math-prose");
    expect(text).not.toContain("\\begin{");
    expect(text).not.toContain("\\\\");
    await shoot(page, "workbench-align-problem.png");
  });
});

test.describe("as a reviewer", () => {
  test.use({ storageState: storageStateFor("reviewer") });

  test("reviews the seed set's audit: n of N, the closest pair in full, the others folded, and clearing the verbatim copy asks once", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const [set] = await sql<{ id: number }>(`SELECT id FROM problem_sets WHERE name = $1`, [seedSet]);
    const leakId = await problemId(leakedQuestion);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM problems WHERE set_id = $1 AND contamination_status IN ('flagged', 'judge_failed', 'candidate')`, [set.id]);
    expect(n).toBeGreaterThan(1);

    await page.goto(`/decontamination/review?set=${set.id}`);
    await expect(page.getByRole("heading", { name: new RegExp(`Problem #${leakId} `) })).toBeVisible();
    await expect(page.getByTestId("queue-position")).toHaveText(`1 of ${n}`);
    // The closest pair in full; the others folded under one line each.
    const best = page.getByRole("article").first();
    await expect(best.getByText("exact match (verbatim)")).toBeVisible();
    await expect(best.getByText("Closest pair:")).toBeVisible();
    const folded = page.locator("details");
    expect(await folded.count()).toBeGreaterThan(0);
    for (const d of await folded.all()) await expect(d).not.toHaveAttribute("open", "");
    // Money in the benchmark text renders as money here too.
    await expect(best).toContainText("includes a $1,350 advance payment and 6 monthly installments of $350 each");
    await shoot(page, "workbench-decontam-review.png", true);

    await expect(page.getByRole("region", { name: "Decision" })).toHaveAttribute("data-keys", "ready");
    await page.keyboard.press("l");
    const confirm = page.getByRole("alertdialog", { name: "Confirm clearing" });
    await expect(confirm).toContainText(/an exact match with .+ \(score 1\.00\)/);
    expect((await sql<{ s: string }>(`SELECT contamination_status::text AS s FROM problems WHERE id = $1`, [leakId]))[0].s).toBe("flagged");
    await shoot(page, "workbench-confirm-clear.png");
    // Other keys do nothing while it asks; Esc cancels.
    await page.keyboard.press("c");
    await page.keyboard.press("Escape");
    await expect(confirm).toHaveCount(0);
    expect((await sql<{ s: string }>(`SELECT contamination_status::text AS s FROM problems WHERE id = $1`, [leakId]))[0].s).toBe("flagged");

    await page.keyboard.press("l");
    await expect(confirm).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByText(`Problem #${leakId} marked clean. Press z to undo.`)).toBeVisible();
    await expect(page.getByTestId("queue-position")).toHaveText(`1 of ${n - 1}`);
    expect((await sql<{ s: string }>(`SELECT contamination_status::text AS s FROM problems WHERE id = $1`, [leakId]))[0].s).toBe("cleared");
  });
});

test.describe("signed out, without JavaScript", () => {
  test.use({ javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });

  test("the sign-in form posts, never putting the password in the address; the favicon is served", async ({ page, request }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image/);

    const addresses: string[] = [];
    page.on("request", (r) => addresses.push(r.url()));
    await page.goto("/login");
    await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico/);
    const form = page.locator("form");
    await expect(form).toHaveAttribute("method", "post");
    const signIn = () => fillSignIn(page, emailFor("viewer"), E2E_PASSWORD);
    await signIn();
    // A first visit has no CSRF cookie yet: next-auth sets it and sends the person back to the
    // form once, which then carries the token.
    if (page.url().includes("/login")) {
      await expect(page.locator('input[name="csrfToken"]')).toHaveCount(1);
      // A wrong password comes back as a message on the form, still without JavaScript.
      await fillSignIn(page, emailFor("viewer"), "not-the-password");
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
      await signIn();
    }
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(addresses.filter((url) => url.includes(E2E_PASSWORD) || /[?&]password=/.test(url))).toEqual([]);
  });
});

test.describe("batches that tell the truth", () => {
  test.use({ storageState: storageStateFor("curator") });
  let failing: LlmStub;
  let slow: LlmStub;
  let seedSetName = "";

  test.beforeAll(async () => {
    failing = await startLlmStub({ errorRate: { "500": 1 } });
    slow = await startLlmStub({ latencyMs: 300 });
    for (const [name, stub] of [
      [`e2e-failing-${tag}`, failing],
      [`e2e-slow-${tag}`, slow],
    ] as const) {
      const added = runCli(["endpoint", "add", "--name", name, "--base-url", stub.url, "--model", "boxed-stand-in", "--api", "chat", "--concurrency", "1"]);
      expect(added.status, added.stderr).toBe(0);
    }
    const [set] = await sql<{ name: string }>(`SELECT name FROM problem_sets WHERE role = 'seed' AND name LIKE 'demo-%' AND problem_count > 0 ORDER BY id LIMIT 1`);
    seedSetName = set.name;
  });

  test.afterAll(async () => {
    await failing?.close();
    await slow?.close();
  });

  const create = (endpoint: string, n: number) => {
    const created = runCli(["batch", "create", "--kind", "solutions", "--set", seedSetName, "--endpoint", endpoint, "--n", String(n), "--limit", "3", "--name", `${endpoint}-batch`]);
    expect(created.status, created.stderr).toBe(0);
    return Number(created.stdout.trim());
  };

  test("a batch whose every request fails ends failed, with the reason on its page and the dashboard", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    const id = create(`e2e-failing-${tag}`, 1);
    await page.goto(`/batches/${id}`);
    await expect(page.getByTestId("batch-state")).toHaveText("failed", { timeout: 90_000 });
    await expect(page.getByTestId("batch-failure-reason")).toContainText(/every request failed: 3 of 3 requests failed with server/);
    await page.goto("/");
    const failed = page.getByRole("region", { name: "Failed batches" });
    await expect(failed.getByRole("link", { name: `#${id} e2e-failing-${tag}-batch` })).toBeVisible();
    await expect(failed).toContainText("3 of 3 requests failed with server");
    await shoot(page, "workbench-dashboard-failed-batch.png");
  });

  test("a paused batch's page keeps refreshing and follows a resume made elsewhere", async ({ page }) => {
    test.setTimeout(120_000);
    const id = create(`e2e-slow-${tag}`, 4);
    expect(runCli(["batch", "pause", String(id)]).status).toBe(0);
    await page.goto(`/batches/${id}`);
    await expect(page.getByTestId("batch-state")).toHaveText("paused");
    // Resumed from the command line: the open page sees it without a reload.
    expect(runCli(["batch", "resume", String(id)]).status).toBe(0);
    await expect(page.getByTestId("batch-state")).toHaveText(/running|completed/, { timeout: 30_000 });
    await expect(page.getByTestId("batch-state")).toHaveText("completed", { timeout: 90_000 });
  });
});
