// Protects datasets in and out from the browser: a curator uploads a file, watches the import's
// progress (counts, rate, ETA), reads the summary, then the grading result, then (over 50,000
// solutions into a new set) the search index the worker builds after grading; and a curator
// exports from the exports page, and the downloaded file holds the rows that went in.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { importThroughForm } from "./support/import-form";
import { runCli } from "./support/run-cli";

test.use({ storageState: storageStateFor("curator") });

const dir = mkdtempSync(join(tmpdir(), "boxed-e2e-datasets-"));
const PAD = "We restate the problem, name the unknown, and compute it in small steps, checking each intermediate value before we move on to the next one.";

function omi2File(name: string, problems: number, perProblem: number, tag: string): string {
  const lines: string[] = [];
  for (let p = 0; p < problems; p++) {
    for (let k = 0; k < perProblem; k++) {
      const answer = p === 0 && k === 0 ? 99 : p + 1;
      lines.push(JSON.stringify({ problem: `${tag} problem ${p}: what is ${p} + 1?`, generated_solution: `${PAD}\n${p} + 1 = ${p + 1}, so the answer is \\boxed{${answer}}.`, expected_answer: String(p + 1), problem_source: "augmented_gsm8k" }));
    }
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

test("a curator imports a file from the browser and sees progress, the summary and the grading", async ({ page }) => {
  test.setTimeout(300_000);
  // 50,400 solutions: over the 50,000 a new set's import indexes for search itself.
  const file = omi2File("browser-upload.jsonl", 12_600, 4, "Browser");
  // Over the 10 MB a proxied request body is cut at: the upload route must stream past it.
  expect(statSync(file).size).toBeGreaterThan(10 * 2 ** 20);
  const summary = await importThroughForm(page, { file, set: "e2e-browser-upload", role: "synthetic" });

  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByRole("region", { name: "Import progress" })).toContainText("rows/s");

  await expect(summary).toBeVisible({ timeout: 120_000 });
  await expect(summary.getByRole("row", { name: /Problems inserted/ })).toContainText("12,600");
  await expect(summary.getByRole("row", { name: /Solutions inserted/ })).toContainText("50,400");
  await expect(summary.getByRole("row", { name: /Rejected rows/ })).toContainText("0");
  await expect(summary.getByText("Grading finished")).toBeVisible({ timeout: 150_000 });
  // One solution (problem 0, first) boxes a wrong answer.
  await expect(summary.getByRole("row", { name: /Not equal/ })).toContainText("1");
  // Grading done, the worker builds the set's search index.
  await expect(summary.getByText("Search index built")).toBeVisible({ timeout: 120_000 });

  await page.goto("/sets");
  const row = page.getByRole("row", { name: /e2e-browser-upload/ });
  await expect(row).toContainText("50,400");
  await expect(row).toContainText("indexed");
});

test("a refused upload says where the file is wrong and imports nothing", async ({ page }) => {
  const path = join(dir, "broken.jsonl");
  writeFileSync(path, `${JSON.stringify({ question: "Fine?", answer: "#### 1" })}\n{"question": "broken", \n`);
  const summary = await importThroughForm(page, { file: path, set: "e2e-refused" });
  await expect(summary).toContainText("Nothing was imported", { timeout: 30_000 });
  await expect(summary).toContainText("broken.jsonl line 2: invalid JSON");
});

test("a chat messages file with its own id column imports from the browser", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const path = join(dir, "chat.jsonl");
  const rows = [1, 2, 3].map((i) => ({
    qid: `chat-${i}`,
    expected_answer: String(2 * i),
    messages: [
      { role: "user", content: `Browser chat ${i}: what is ${i} + ${i}?` },
      { role: "assistant", content: `${PAD}\n${i} + ${i} = ${2 * i}, so \\boxed{${2 * i}}.` },
      { role: "assistant", content: `${PAD}\nTwice ${i} is \\boxed{${2 * i}}.` },
    ],
  }));
  writeFileSync(path, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
  const summary = await importThroughForm(page, {
    file: path,
    set: "e2e-chat",
    role: "synthetic",
    format: "messages",
    idColumn: "qid",
    screenshot: "test-results/e2e/import-chat-form.png",
  });
  await expect(summary.getByRole("row", { name: /Problems inserted/ })).toContainText("3", { timeout: 60_000 });
  await expect(summary.getByRole("row", { name: /Solutions inserted/ })).toContainText("6");
  await page.screenshot({ path: "test-results/e2e/import-chat-summary.png", fullPage: true });
});

test("a curator exports from the browser and the download holds the rows", async ({ page }) => {
  const file = omi2File("for-export.jsonl", 5, 2, "Export");
  const imported = runCli(["import", "--set", "e2e-export", "--role", "synthetic", file]);
  expect(imported.status, imported.stderr).toBe(0);

  await page.goto("/exports");
  // Only our set, every filter off (the rows need not be graded yet).
  for (const box of await page.getByRole("group", { name: "Problem sets" }).getByRole("checkbox").all()) await box.uncheck();
  await page.getByLabel(/^e2e-export/).check();
  await page.getByLabel("Correct solutions only").uncheck();
  await page.getByLabel("Min solution characters").fill("");
  await page.getByLabel("Drop exact duplicates").uncheck();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download now" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/);
  const rows = readFileSync(await download.path(), "utf8").trim().split("\n").map((line) => JSON.parse(line));
  expect(rows).toHaveLength(10);
  expect(new Set(rows.map((r) => r.problem)).size).toBe(5);
  expect(rows[0]).toMatchObject({ problem: "Export problem 0: what is 0 + 1?", expected_answer: "1", problem_source: "augmented_gsm8k" });
});

test("a curator imports a NeMo-Skills majority-vote output with its problem source and sees what was not taken as gold", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const fixture = join(process.cwd(), "tests", "fixtures", "datasets", "nemo-skills-shapes", "majority", "problem-set0", "generation", "output-rs0.jsonl");
  const summary = await importThroughForm(page, {
    file: fixture,
    set: "e2e-nemo-voted",
    role: "synthetic",
    problemSource: "augmented_math",
    screenshot: "test-results/nemo-import-form.png",
  });

  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByRole("row", { name: /Problems without gold answer/ })).toContainText("1");
  await expect(summary.getByRole("row", { name: /No answer to vote on/ })).toContainText("no_valid_answer_found");
  await expect(summary.getByRole("row", { name: /File verdicts from/ })).toContainText("is_correct 1");
  await page.screenshot({ path: "test-results/nemo-import-summary.png", fullPage: true });

  await page.goto("/exports");
  await expect(page.getByLabel("Drop rows without a gold answer (else written null)")).toBeChecked();
  await page.getByLabel("Format").selectOption("nemo-sft");
  await page.getByLabel(/Write JSON as Python's json.dumps does/).check();
  await expect(page.getByRole("link", { name: "Download now" })).toHaveAttribute("href", /pythonJson=1/);
  await page.screenshot({ path: "test-results/nemo-export-form.png", fullPage: true });
});
