// Protects question diversity in a real browser: a curator starts the clustering of a synthetic
// set on /decontamination/clusters (a Task the worker runs), sees the cluster count and the
// largest clusters with their problems (linking to /problems/N), keeps one per cluster and sees
// the other members marked; a viewer sees the same page without the buttons.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { sql } from "./support/sql";

const tag = `cl${randomBytes(3).toString("hex")}`;
const setName = `e2e-clusters-${tag}`;
let setId = 0;
let ids: number[] = [];

const ducks = (name: string, eggs: number, price: number) =>
  `${name}'s ducks lay ${eggs} eggs per day. She eats 3 for breakfast and bakes muffins with 4. She sells the rest for $${price} each. How much does she make every day?`;

test.beforeAll(async () => {
  const texts = [
    ducks("Janet", 16, 2),
    `A ${tag} gardener plants 7 rows of 9 tulips and gives away 12. How many tulips are left?`,
    ducks("Priyanka", 21, 3),
    ducks("Kwame", 30, 5),
    "What is the sum of the first 100 positive odd integers?",
  ];
  const [set] = await sql<{ id: number }>(`INSERT INTO problem_sets (name, role, problem_count) VALUES ($1, 'synthetic', $2) RETURNING id`, [setName, texts.length]);
  setId = set.id;
  const rows = await sql<{ id: number }>(
    `INSERT INTO problems (set_id, text, text_hash, source_key, source)
     SELECT $1, t, encode(sha256(convert_to(t, 'UTF8')), 'hex'), $2 || '/' || i, 'augmented_gsm8k' FROM unnest($3::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i RETURNING id`,
    [setId, tag, texts],
  );
  ids = rows.map((r) => r.id).sort((a, b) => a - b);
});

test.describe.configure({ mode: "serial" });

test.describe("as a curator", () => {
  test.use({ storageState: storageStateFor("curator"), viewport: { width: 1440, height: 900 } });

  test("clusters a set, sees the largest cluster with its problems, keeps one per cluster", async ({ page }) => {
    await page.goto(`/decontamination/clusters?set=${setId}`);
    await expect(page.getByRole("heading", { name: setName })).toBeVisible();
    await expect(page.getByText("This set has not been clustered yet.")).toBeVisible();
    await page.getByRole("button", { name: "Cluster near-duplicates" }).click();
    await expect(page.getByRole("status")).toHaveText(/Clustering task #\d+ queued\./);
    // The worker runs the task; the page refreshes itself while it runs.
    const cluster = page.getByTestId("cluster");
    await expect(cluster).toHaveCount(1, { timeout: 60_000 });
    await expect(cluster.getByText(`Cluster of problem #${ids[0]} · 3 problems`)).toBeVisible();
    await expect(page.getByText("Clusters", { exact: true }).locator("..")).toContainText("3");
    await expect(page.getByText("Near-duplicates", { exact: true }).locator("..")).toContainText("2");
    const link = cluster.getByRole("link", { name: `#${ids[2]}` });
    await expect(link).toHaveAttribute("href", `/problems/${ids[2]}`);
    await expect(cluster).toContainText("Priyanka's ducks lay 21 eggs per day.");

    await page.getByRole("button", { name: "Keep one per cluster" }).click();
    await expect(page.getByRole("status")).toHaveText("Kept one per cluster: 2 near-duplicates marked, 3 kept.");
    await expect(cluster.getByText("near-duplicate", { exact: true })).toHaveCount(2);
    await expect(cluster.getByText("kept", { exact: true })).toHaveCount(1);
    await page.screenshot({ path: "test-results/clusters-curator.png", fullPage: true });
    const marked = await sql<{ problem_id: number }>("SELECT problem_id FROM problem_clusters WHERE set_id = $1 AND kept = false ORDER BY problem_id", [setId]);
    expect(marked.map((r) => r.problem_id)).toEqual([ids[2], ids[3]]);
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("sees the clusters but cannot start or keep", async ({ page }) => {
    await page.goto(`/decontamination/clusters?set=${setId}`);
    await expect(page.getByTestId("cluster")).toHaveCount(1);
    await expect(page.getByRole("button", { name: /Cluster/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Keep one per cluster" })).toHaveCount(0);
  });
});
