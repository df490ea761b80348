// Protects the insight plots: on a fresh install (demo data) every plot of /insights and the
// dashboard draws bars or points, and a click on one opens the solutions table with exactly the
// filter it counts, written in the table's own URL format. Also the dashboard's batch and
// activity sections: the launch button for curators, the last audit entries for admins.
import { expect, type Page, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";

// Chart bars are SVG links that can sit under a neighbouring bar or an axis at the point a
// mouse click would land (a 1-pixel bar of another series, say); the tests activate the link
// element itself, which is what a keyboard user's Enter does too.

/** The chart region titled `title` (a section labelled by its heading). */
const chart = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

async function expectSolutionsUrl(page: Page, expected: Record<string, string | RegExp>) {
  await page.waitForURL((url) => url.pathname === "/solutions");
  const params = new URL(page.url()).searchParams;
  for (const [name, value] of Object.entries(expected)) {
    if (typeof value === "string") expect(params.get(name), name).toBe(value);
    else expect(params.get(name) ?? "", name).toMatch(value);
  }
}

test.describe("insights as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("every plot of /insights draws the demo data", async ({ page }) => {
    await page.goto("/insights");
    await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
    for (const title of [
      "Solutions by source",
      "Solutions by batch",
      "Solutions by model",
      "pass@k by source",
      "pass@k by MATH level",
      "pass@k by MATH type",
      "Solution length in characters",
      "Solution length in tokens",
      "Majority agreement of synthetic problems",
      "Why not gradable",
      "Decontamination funnel",
    ]) {
      await expect(chart(page, title).getByRole("link").first(), title).toBeVisible();
    }
    await expect(chart(page, "Suspect gold answers")).toBeVisible();
    // Accessible names carry the numbers: a screen reader (or a test) reads the plot.
    await expect(chart(page, "Solutions by source").getByRole("link", { name: /^Correct · gsm8k \(\d+\.\d% correct\): \d+ solutions$/ })).toBeVisible();
  });

  test("a bar of solutions by source opens that source's correct solutions", async ({ page }) => {
    await page.goto("/insights");
    await chart(page, "Solutions by source").getByRole("link", { name: /^Correct · gsm8k / }).dispatchEvent("click");
    await expectSolutionsUrl(page, { source: "gsm8k", verdict: "equal" });
  });

  test("a bar of the agreement histogram opens the solutions of those synthetic problems", async ({ page }) => {
    await page.goto("/insights");
    const bar = chart(page, "Majority agreement of synthetic problems").getByRole("link").last();
    const name = (await bar.getAttribute("aria-label")) ?? "";
    await bar.dispatchEvent("click");
    // The last drawn bar is the highest agreement reached: 100% means agree=1-1.
    await expectSolutionsUrl(page, { set: /^\d+$/, agree: name.includes("100%") ? "1-1" : /^0\.\d+-0\.\d+$/ });
  });

  test("a bar of the length histogram opens wrong solutions of that length", async ({ page }) => {
    await page.goto("/insights");
    const bar = chart(page, "Solution length in characters").getByRole("link", { name: /^Wrong · / }).first();
    const name = (await bar.getAttribute("aria-label")) ?? "";
    await bar.dispatchEvent("click");
    await expectSolutionsUrl(page, { verdict: "not_equal", len: /^\d+-\d*$/ });
    const [min] = (new URL(page.url()).searchParams.get("len") ?? "").split("-");
    // The bar's label starts at the same lower bound ("Wrong · 750–1k: ...").
    expect(name).toMatch(new RegExp(`^Wrong · ${Number(min) >= 1000 ? `${Number(min) / 1000}` : min}`));
  });

  test("a point of a pass@k curve opens the solutions of its source", async ({ page }) => {
    await page.goto("/insights");
    await chart(page, "pass@k by source").getByRole("link", { name: /^math \(\d+ problems\), pass@1: / }).dispatchEvent("click");
    // Curves count generated solutions only; the link says so.
    await expectSolutionsUrl(page, { source: "math", provenance: "generated" });
  });

  test("a cause of 'why not gradable' opens the solutions without an answer", async ({ page }) => {
    await page.goto("/insights");
    await chart(page, "Why not gradable").getByRole("link", { name: /^No answer · / }).first().dispatchEvent("click");
    await expectSolutionsUrl(page, { verdict: "no_answer" });
  });

  test("scoping to one set narrows every plot and its links", async ({ page }) => {
    await page.goto("/insights");
    await page.getByRole("navigation", { name: "Problem set" }).getByRole("link", { name: /^demo-math-style/ }).click();
    await page.waitForURL(/\/insights\?set=\d+/);
    const setId = new URL(page.url()).searchParams.get("set") ?? "";
    await expect(chart(page, "Solutions by source").getByRole("link", { name: /^Correct · gsm8k/ })).toHaveCount(0);
    await chart(page, "Solutions by source").getByRole("link", { name: /^Correct · math / }).dispatchEvent("click");
    await expectSolutionsUrl(page, { set: setId, source: "math", verdict: "equal", provenance: "generated" });
  });

  test("the dashboard shows solutions by source, and no audit entries to a viewer", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("region", { name: "Totals" }).getByText("Contaminated", { exact: true })).toBeVisible();
    await expect(page.getByRole("meter", { name: "Contaminated share of demo-synthetic" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Running batches" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Launch a batch" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Recent activity" })).toHaveCount(0);
    await chart(page, "Solutions by source").getByRole("link", { name: /^Wrong · math / }).dispatchEvent("click");
    await expectSolutionsUrl(page, { source: "math", verdict: "not_equal" });
  });
});

test.describe("the dashboard for curators and admins", () => {
  test.describe("curator", () => {
    test.use({ storageState: storageStateFor("curator") });
    test("offers to launch a batch", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("link", { name: "Launch a batch" })).toHaveAttribute("href", "/batches/new");
    });
  });

  test.describe("admin", () => {
    test.use({ storageState: storageStateFor("admin") });
    test("lists the latest audit entries with who, what and when, and links to the log", async ({ page }) => {
      await page.goto("/");
      const activity = page.getByRole("region", { name: "Recent activity" });
      // The global setup created users after the demo load, so entries exist; at most ten show.
      const items = activity.getByRole("listitem");
      await expect(items.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
      expect(await items.count()).toBeLessThanOrEqual(10);
      await expect(items.first().locator("code")).toHaveText(/^[\w-]+\.[\w.-]+$/);
      await activity.getByRole("link", { name: "Full audit log" }).click();
      await page.waitForURL((url) => url.pathname === "/audit");
    });
  });
});
