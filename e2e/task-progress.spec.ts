// Protects following a Task from a page (components/tasks/use-task-progress.ts behind the
// decontamination Runs list): a running retrieval's bar moves as its Task advances, without a
// reload, and once the Task ends the page is rendered again with its outcome; for a curator and
// for a viewer (retrieval progress needs the decontamination page's permission, dashboard.view).
// The Task is written straight into the database (no job names it, so no worker touches it).
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/roles";
import { sql } from "./support/sql";

for (const role of ["curator", "viewer"] as const) {
  test.describe(`as a ${role}`, () => {
    test.use({ storageState: storageStateFor(role), viewport: { width: 1440, height: 900 } });

    test("a running retrieval's progress moves live, and the page shows its outcome when it ends", async ({ page }) => {
      const [task] = await sql<{ id: number }>(
        `INSERT INTO tasks (kind, state, label, total, done, unit, started_at, updated_at)
         VALUES ('decontam.retrieve', 'running', $1, 1000, 100, 'problems', now() - interval '20 seconds', now()) RETURNING id`,
        [`Retrieval: followed by a ${role}`],
      );
      await page.goto("/decontamination");
      const item = page.getByRole("list", { name: "Retrieval runs" }).locator("li", { hasText: `#${task.id} ` });
      await expect(item.getByRole("progressbar")).toBeVisible();
      await expect(item).toContainText("100 / 1,000 problems");

      await sql("UPDATE tasks SET done = 600, updated_at = now() WHERE id = $1", [task.id]);
      await expect(item).toContainText("600 / 1,000 problems", { timeout: 5_000 });

      await sql("UPDATE tasks SET state = 'completed', done = 1000, finished_at = now(), updated_at = now(), message = $2 WHERE id = $1", [task.id, `1,000 problems checked for the ${role}`]);
      await expect(item).toContainText(`1,000 problems checked for the ${role}`, { timeout: 8_000 });
      await expect(item).toContainText("completed");
      await expect(item.getByRole("progressbar")).toHaveCount(0);
    });
  });
}
