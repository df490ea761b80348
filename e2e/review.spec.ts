// Protects the review workspace in a real browser: filtering and sorting the solutions table,
// sharing a view by its address, opening a problem and a solution, reviewing five solutions with
// the keyboard (with undo), bulk-acting on everything matching a filter, role limits in the UI,
// and hostile problem/solution texts (script tags, event handlers, javascript: links, untrusted
// KaTeX commands) rendering as inert text.
import { randomBytes } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { sql } from "./support/sql";

const tag = `rv${randomBytes(3).toString("hex")}`;
let setId = 0;
let hostileProblemId = 0;
let hostileSampleId = 0;

const HOSTILE_PROBLEM = [
  `${tag} hostile problem <script>window.__pwned = "problem script"</script>`,
  `<img src=x onerror="window.__pwned = 'problem img'"> and [a link](javascript:window.__pwned='problem link')`,
  "Compute $\\href{javascript:window.__pwned='katex href'}{x}$ and $\\htmlData{onerror=alert(1)}{y}$.",
].join("\n");
const HOSTILE_SOLUTION = [
  `<script>window.__pwned = "solution script"</script><svg onload="window.__pwned='svg'"></svg>`,
  `<a href="javascript:window.__pwned='raw a'">raw link</a> [md link](javascript:alert(1)) ![img](javascript:alert(1))`,
  "$\\url{javascript:alert(1)}$ $\\def\\a{\\a\\a}\\a$ $\\includegraphics{http://127.0.0.1:9/x.png}$",
  "So the answer is $\\boxed{7}$.",
].join("\n");

// Solutions of one fresh set, so this spec does not depend on the demo data: 8 problems x 6.
test.beforeAll(async () => {
  const [set] = await sql<{ id: number }>(`INSERT INTO problem_sets (name, role) VALUES ($1, 'synthetic') RETURNING id`, [`${tag}-set`]);
  setId = set.id;
  await sql(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source, majority_votes, total_votes, agreement)
     SELECT $1, $2 || ' problem ' || g || ': what is $' || g || ' + ' || g || '$?', md5($2 || g), $2 || '-' || g, 'augmented_math', (2 * g)::text, 'majority_vote', 4, 6, 4 / 6.0
     FROM generate_series(1, 8) g`,
    [setId, tag],
  );
  await sql(
    `INSERT INTO samples (problem_id, set_id, sample_index, text, model, extracted_answer, answer_key, verdict, verdict_rule, verdict_reason, char_length, token_count)
     SELECT p.id, p.set_id, k,
            'We add the two numbers.' || repeat(' Step.', k * 3) || E'\\n\\nSo the answer is $\\\\boxed{' || (CASE WHEN k < 4 THEN p.gold_answer ELSE '99' END) || '}$.',
            'stub-model', CASE WHEN k < 4 THEN p.gold_answer ELSE '99' END, CASE WHEN k < 4 THEN p.gold_answer ELSE '99' END,
            (CASE WHEN k < 4 THEN 'equal' ELSE 'not_equal' END)::"Verdict", 'numeric', 'compared as numbers',
            50 + k * 18 + p.id % 5, 20 + k
     FROM problems p CROSS JOIN generate_series(0, 5) k WHERE p.set_id = $1`,
    [setId],
  );
  const [hostile] = await sql<{ id: number }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source, gold_answer, gold_source) VALUES ($1, $2, md5($2), $3, 'augmented_math', '7', 'dataset') RETURNING id`,
    [setId, HOSTILE_PROBLEM, `${tag}-hostile`],
  );
  hostileProblemId = hostile.id;
  const [sample] = await sql<{ id: number }>(
    `INSERT INTO samples (problem_id, set_id, sample_index, text, extracted_answer, answer_key, verdict, verdict_rule, char_length)
     VALUES ($1, $2, 0, $3, '7', '7', 'equal', 'numeric', length($3)) RETURNING id`,
    [hostileProblemId, setId, HOSTILE_SOLUTION],
  );
  hostileSampleId = sample.id;
  await sql(`UPDATE problem_sets SET sample_count = (SELECT count(*) FROM samples WHERE set_id = $1), problem_count = 9 WHERE id = $1`, [setId]);
});

const table = (page: Page) => page.getByRole("table", { name: "Solutions" });
const bodyRows = (page: Page) => table(page).locator("tbody tr");

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("filters and sorts the table, and shares the view by its address", async ({ page, browser }) => {
    // Every column but provenance, named in the address: Length is the 9th cell of a row.
    await page.goto(`/solutions?set=${setId}&cols=problem,set,batch,answer,gold,verdict,rule,length,agreement,contamination,review,reviewer`);
    await expect(page.getByTestId("match-count")).toHaveText("49");
    await expect(bodyRows(page)).toHaveCount(49);
    // Viewers cannot bulk-act: no selection bar appears.
    await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
    await expect(page.getByRole("region", { name: "Bulk actions" })).toHaveCount(0);

    const filters = page.getByRole("complementary", { name: "Filters" });
    await filters.getByRole("checkbox", { name: /^not equal/ }).check();
    await expect(page).toHaveURL(/verdict=not_equal/);
    await expect(page.getByTestId("match-count")).toHaveText("16");
    // Facet counts arrive after the rows: "equal" would give the set's 33 equal solutions.
    await expect(filters.locator("label").filter({ hasText: /^equal/ })).toContainText("33");
    await expect(bodyRows(page)).toHaveCount(16);
    expect(new Set(await table(page).locator("tbody tr td:nth-child(7)").allInnerTexts())).toEqual(new Set(["not equal"]));

    await page.getByRole("button", { name: /^Length/ }).click();
    await expect(page).toHaveURL(/sort=length\.(asc|desc)/);
    const direction = new URL(page.url()).searchParams.get("sort")?.endsWith("asc") ? 1 : -1;
    const lengths = (await table(page).locator("tbody tr td:nth-child(9)").allInnerTexts()).map((t) => Number(t.split(" ch")[0].replace(/,/g, "")));
    expect(lengths).toHaveLength(16);
    expect(lengths).toEqual([...lengths].sort((a, b) => direction * (a - b)));

    // Hide a column: remembered in the address (and in localStorage).
    await page.getByRole("button", { name: "Columns" }).click();
    await page.getByRole("checkbox", { name: "Reviewer" }).uncheck();
    await expect(page).toHaveURL(/cols=/);
    await expect(table(page).getByRole("columnheader", { name: "Reviewer" })).toHaveCount(0);

    // Someone else opens the shared address and sees the same view.
    const other = await browser.newContext({ storageState: storageStateFor("curator") });
    const shared = await other.newPage();
    await shared.goto(page.url());
    await expect(shared.getByTestId("match-count")).toHaveText("16");
    await expect(bodyRows(shared)).toHaveCount(16);
    await expect(table(shared).getByRole("columnheader", { name: "Reviewer" })).toHaveCount(0);
    expect(await table(shared).locator("tbody tr td:nth-child(9)").allInnerTexts()).toEqual(await table(page).locator("tbody tr td:nth-child(9)").allInnerTexts());
    await other.close();
  });

  test("opens a problem and one of its solutions", async ({ page }) => {
    await page.goto(`/solutions?set=${setId}&verdict=equal&sort=problem.asc`);
    await table(page).locator("tbody tr").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/problems\/\d+/);
    await expect(page.getByRole("heading", { name: "Answers of its solutions" })).toBeVisible();
    await expect(page.getByText(/by majority vote: 4 of 6 votes/)).toBeVisible();
    const classes = page.getByRole("list", { name: "Answer classes" }).getByRole("link");
    await expect(classes).toHaveCount(2);
    await classes.filter({ hasText: "99" }).click();
    await expect(page).toHaveURL(/class=99/);
    await expect(page.getByRole("heading", { name: /Solutions answering/ })).toBeVisible();
    await page.getByRole("link", { name: /^#\d+$/ }).first().click();

    await expect(page).toHaveURL(/\/samples\/\d+/);
    const solution = page.getByRole("region", { name: "Solution", exact: true });
    await expect(solution.locator("mark.answer-highlight .katex")).toBeVisible();
    await expect(page.getByRole("region", { name: "Verdict" })).toContainText("compared as numbers");
    await expect(page.getByRole("region", { name: "Verdict" })).toContainText("not equal");
    await solution.getByRole("tab", { name: "Raw text" }).click();
    await expect(page.getByTestId("raw-solution")).toContainText("\\boxed{99}");
    // Viewers see the review history, not the decision buttons.
    await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  });

  test("hostile problem and solution texts stay inert", async ({ page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    for (const path of [`/problems/${hostileProblemId}`, `/samples/${hostileSampleId}`, `/solutions?set=${setId}&problem=${hostileProblemId}`]) {
      await page.goto(path);
      await expect(page.getByText(`${tag} hostile problem`).first()).toBeVisible();
      // The markup shows as text...
      await expect(page.getByText("<script>window.__pwned", { exact: false }).first()).toBeVisible();
      // ...and nothing ran or was built from it.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(await page.locator("main img, main svg[onload], main script, main iframe").count()).toBe(0);
      expect(await page.locator('main a[href^="javascript:" i]').count()).toBe(0);
    }
    // Clicking what looks like links does nothing either.
    await page.goto(`/samples/${hostileSampleId}`);
    const links = page.getByRole("region", { name: "Solution", exact: true }).getByRole("link");
    expect(await links.count()).toBe(0);
    await expect(page.getByRole("region", { name: "Solution", exact: true }).locator(".katex")).not.toHaveCount(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => url.includes("127.0.0.1:9"))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  });
});

test.describe("review queues", () => {
  test.use({ storageState: storageStateFor("curator") });

  test("a curator draws a queue and a reviewer reviews five solutions with the keyboard", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const name = `${tag} keyboard queue`;
    await page.goto(`/review?from=${encodeURIComponent(`set=${setId}&verdict=equal`)}`);
    const form = page.getByRole("region", { name: "New review queue" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Size (items)").fill("8");
    await form.getByRole("button", { name: "Create queue" }).click();
    await expect(form.getByRole("status")).toContainText("created");
    const row = page.getByRole("table", { name: "Review queues" }).getByRole("row").filter({ hasText: name });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText("0 / 8 reviewed", { timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    const [queue] = await sql<{ id: number }>("SELECT id FROM review_queues WHERE name = $1", [name]);

    const reviewerContext = await browser.newContext({ storageState: storageStateFor("reviewer") });
    const reviewer = await reviewerContext.newPage();
    await reviewer.goto(`/review/${queue.id}`);
    const article = reviewer.getByRole("article");
    await expect(article).toBeVisible();
    await reviewer.keyboard.press("?");
    await expect(reviewer.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await reviewer.keyboard.press("?");

    const seen: string[] = [];
    for (const key of ["a", "r", "u", "a", "a"]) {
      const label = await article.getAttribute("aria-label");
      expect(seen).not.toContain(label);
      seen.push(label ?? "");
      if (key === "r") {
        await reviewer.keyboard.press("n");
        await reviewer.getByLabel("Note for this item").fill("the sum is wrong");
        await reviewer.keyboard.press("Escape");
      }
      await reviewer.keyboard.press(key);
      // The next item is already there: no wait for the server.
      await expect(article).not.toHaveAttribute("aria-label", label ?? "", { timeout: 1_000 });
    }
    await expect(reviewer.getByText("5 decided in this session")).toBeVisible();
    const counts = async () =>
      (await sql<{ decision: string; n: number }>(
        "SELECT decision::text, count(*)::int AS n FROM review_annotations WHERE queue_id = $1 AND superseded_at IS NULL GROUP BY 1 ORDER BY 1",
        [queue.id],
      )).map((r) => `${r.decision}:${r.n}`);
    await expect.poll(counts).toEqual(["accepted:3", "rejected:1", "unsure:1"]);
    const [note] = await sql<{ note: string }>("SELECT note FROM review_annotations WHERE queue_id = $1 AND decision = 'rejected'", [queue.id]);
    expect(note.note).toBe("the sum is wrong");

    // Undo the last decision: back on that item, the annotation superseded.
    await reviewer.keyboard.press("z");
    await expect(article).toHaveAttribute("aria-label", seen[4]);
    await expect.poll(counts).toEqual(["accepted:2", "rejected:1", "unsure:1"]);
    // k goes back, j forward.
    await reviewer.keyboard.press("k");
    await expect(article).toHaveAttribute("aria-label", seen[3]);
    await reviewer.keyboard.press("j");
    await expect(article).toHaveAttribute("aria-label", seen[4]);

    await reviewer.goto(`/review/${queue.id}/report`);
    await expect(reviewer.getByRole("table", { name: "Verdict error estimate" })).toContainText("verdict=equal");
    await expect(reviewer.getByText("4 of 8 items reviewed")).toBeVisible();
    await reviewerContext.close();
  });

  test("a viewer cannot open the review mode", async ({ browser }) => {
    const [queue] = await sql<{ id: number }>("INSERT INTO review_queues (name) VALUES ($1) RETURNING id", [`${tag} forbidden`]);
    const context = await browser.newContext({ storageState: storageStateFor("viewer") });
    const page = await context.newPage();
    await page.goto(`/review/${queue.id}`);
    await expect(page).toHaveURL(/\/forbidden/);
    await context.close();
  });
});

test.describe("bulk actions", () => {
  test.use({ storageState: storageStateFor("curator") });

  test("a curator rejects everything matching a filter after confirming the count", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(`/solutions?set=${setId}&verdict=not_equal&len=100-`);
    const [{ n }] = await sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM samples WHERE set_id = $1 AND verdict = 'not_equal' AND char_length >= 100",
      [setId],
    );
    expect(n).toBeGreaterThan(3);
    await expect(page.getByTestId("match-count")).toHaveText(String(n));
    await page.getByRole("checkbox", { name: "Select all rows on this page" }).check();
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByRole("button", { name: "Select all matching solutions" }).click();
    await expect(bar).toContainText(`Every solution matching this view is selected (${n} solutions)`);
    await bar.getByRole("button", { name: "Reject" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Confirm bulk action" });
    await expect(confirm).toContainText(`applies to ${n} solutions matching the current filter`);
    await confirm.getByRole("button", { name: `Confirm ${n}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "completed" })).toBeVisible({ timeout: 60_000 });
    const [after] = await sql<{ rejected: number }>(
      "SELECT count(*) FILTER (WHERE review_status = 'rejected')::int AS rejected FROM samples WHERE set_id = $1 AND verdict = 'not_equal' AND char_length >= 100",
      [setId],
    );
    expect(after.rejected).toBe(n);
    const [audit] = await sql<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'samples.bulk.finish' AND details->>'processed' = $1", [String(n)]);
    expect(audit.n).toBeGreaterThan(0);
    // The table shows the new status once the job is done.
    await expect(table(page).locator("tbody")).toContainText("rejected");
  });
});
