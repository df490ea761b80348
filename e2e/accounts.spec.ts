// Protects accounts and roles end to end, on the real server: every route handler refuses anonymous
// callers and roles below its minimum (the table is checked against the route files on disk), every
// studio page needs a session, an admin creates a reviewer and assigns them a review queue, the
// reviewer signs in and reviews but cannot open admin pages, a deactivated user is thrown out
// mid-session, the audit page shows the changes, and no secret reaches the browser.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { e2eEnv } from "./support/e2e-env";
import { PUBLIC_ROUTE_FILES, ROUTE_TABLE } from "./support/route-table";
import { E2E_PASSWORD, E2E_ROLES, emailFor, storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { fillSignIn } from "./support/sign-in-form";
import { sql } from "./support/sql";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

/** Files under a folder of the checkout with this name (any name when null), relative to the root. */
function filesNamed(name: string | null, under: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === null || entry === name) found.push(relative(root, path));
    }
  };
  walk(join(root, under));
  return found.sort();
}

// Lowest to highest, as in lib/auth/permissions.ts.
const ROLE_ORDER = ["viewer", "reviewer", "curator", "admin"];
const rank = (role: string) => ROLE_ORDER.indexOf(role);

async function signIn(browser: Browser, baseURL: string | undefined, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  // A context of its own, as a second person on another machine; the empty storage state matters:
  // inside a test, browser.newContext() otherwise starts from the describe's storageState.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/login");
  await fillSignIn(page, email, password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  return { context, page };
}

test.describe("route handlers", () => {
  test("the route table lists every route file under app/api", () => {
    const onDisk = filesNamed("route.ts", "app/api").filter((f) => !PUBLIC_ROUTE_FILES.includes(f));
    expect(ROUTE_TABLE.map((r) => r.file).sort()).toEqual(onDisk);
  });

  test("refuse anonymous callers and every role below the minimum, and let the others through", async ({ baseURL }) => {
    const contexts = {
      anonymous: await playwrightRequest.newContext({ baseURL }),
      ...Object.fromEntries(await Promise.all(E2E_ROLES.map(async (role) => [role, await playwrightRequest.newContext({ baseURL, storageState: storageStateFor(role) })]))),
    } as Record<"anonymous" | (typeof E2E_ROLES)[number], Awaited<ReturnType<typeof playwrightRequest.newContext>>>;
    for (const route of ROUTE_TABLE) {
      const send = (who: keyof typeof contexts) => contexts[who].fetch(route.path, { method: route.method, maxRedirects: 0, ...(route.method === "POST" ? { data: "" } : {}) });
      const anonymous = await send("anonymous");
      const where = `${route.method} ${route.path}`;
      // The proxy sends anonymous page-like requests to sign in; routes outside it answer 401.
      if (anonymous.status() === 307 || anonymous.status() === 302) expect(anonymous.headers().location, where).toMatch(/\/login/);
      else expect(anonymous.status(), `${where} as nobody`).toBe(401);
      for (const role of E2E_ROLES) {
        const response = await send(role);
        if (rank(role) < rank(route.minimum)) expect(response.status(), `${where} as ${role}`).toBe(403);
        else expect([401, 403], `${where} as ${role} (allowed) got ${response.status()}`).not.toContain(response.status());
      }
    }
    for (const context of Object.values(contexts)) await context.dispose();
  });
});

test.describe("pages", () => {
  test("every studio page sends an anonymous visitor to sign in", async ({ request }) => {
    const pages = filesNamed("page.tsx", "app/(studio)");
    expect(pages.length).toBeGreaterThan(3);
    for (const file of pages) {
      const path = `/${relative("app/(studio)", file).replace(/page\.tsx$/, "").replace(/\[[^\]]+\]/g, "1").replace(/\/$/, "")}`;
      const response = await request.get(path, { maxRedirects: 0 });
      expect([302, 307], `${path} (${file})`).toContain(response.status());
      expect(response.headers().location, path).toMatch(/\/login/);
    }
  });
});

test.describe("an admin manages accounts", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("creates a reviewer and assigns them a queue; the reviewer reviews, is refused admin pages, and it all shows in the audit log", async ({ page, browser, baseURL }) => {
    test.slow(); // two people, several pages and a review: over a minute on a busy machine
    const email = `new-reviewer-${Date.now()}@e2e.test`;
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("reviewer");
    await page.getByRole("button", { name: "Create user" }).click();
    const shown = page.getByRole("status").filter({ hasText: email });
    await expect(shown).toContainText("Shown once");
    const password = (await shown.locator("code").textContent())?.trim() ?? "";
    expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
    await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("active");

    // A queue of three demo solutions, which the admin assigns to the new reviewer alone.
    const queueName = `accounts-${Date.now()}`;
    const [{ id: queueId }] = await sql<{ id: number }>(
      `WITH q AS (INSERT INTO review_queues (name, item_count) VALUES ($1, 3) RETURNING id)
       INSERT INTO review_items (queue_id, sample_id, position)
       SELECT q.id, s.id, row_number() OVER (ORDER BY s.id) FROM q, (SELECT id FROM samples ORDER BY id LIMIT 3) s
       RETURNING queue_id AS id`,
      [queueName],
    );
    await page.goto(`/review/${queueId}/report`);
    const panel = page.getByRole("region", { name: "Assignment and agreement" });
    await expect(panel).toContainText("Not assigned");
    await panel.getByRole("checkbox", { name: new RegExp(email) }).check();
    await panel.getByLabel("Reviewers per item").fill("1");
    await panel.getByRole("button", { name: "Assign" }).click();
    await expect(panel.getByRole("status")).toContainText("Assigned 3 items");
    await expect(panel.getByRole("table", { name: "Assigned reviewers" }).getByRole("row", { name: new RegExp(email) })).toContainText("3");

    const reviewer = await signIn(browser, baseURL, email, password);
    await expect(reviewer.page.getByText("Role: reviewer")).toBeVisible();
    await expect(reviewer.page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await reviewer.page.goto(`/review/${queueId}`);
    await expect(reviewer.page.getByRole("heading", { name: `Review: ${queueName}` })).toBeVisible();
    await reviewer.page.getByRole("button", { name: "Accept (a)" }).click();
    await expect.poll(async () => (await sql("SELECT 1 FROM review_annotations WHERE queue_id = $1", [queueId])).length).toBe(1);
    await reviewer.page.goto(`/review/${queueId}/report`);
    const progress = reviewer.page.getByRole("table", { name: "Assigned reviewers" }).getByRole("row", { name: new RegExp(email) });
    await expect(progress).toContainText("33.3%");
    // A reviewer sees the figures but not the assignment form.
    await expect(reviewer.page.getByRole("button", { name: "Assign" })).toHaveCount(0);
    await reviewer.page.goto("/settings/users");
    await expect(reviewer.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await reviewer.page.goto("/audit");
    await expect(reviewer.page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await reviewer.context.close();

    await page.goto("/audit");
    await page.getByLabel("Action starts with").fill("user.create");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=user\.create/);
    const entry = page.getByRole("table", { name: "Audit entries" }).getByRole("row").filter({ hasText: email });
    await expect(entry).toContainText("user.create");
    await expect(entry).toContainText(emailFor("admin"));
    await page.goto("/audit?action=review.queue.assign");
    await expect(page.getByRole("table", { name: "Audit entries" }).getByRole("row").filter({ hasText: `review_queue #${queueId}` })).toBeVisible();
    await page.goto("/audit?action=auth.sign_in");
    await expect(page.getByRole("table", { name: "Audit entries" }).getByRole("row").filter({ hasText: "auth.sign_in" }).first()).toBeVisible();
  });

  test("deactivating a user ends their open session at once; reactivating lets them sign in again", async ({ page, browser, baseURL }) => {
    test.slow();
    const email = `leaver-${Date.now()}@e2e.test`;
    expect(runCli(["user", "add", "--email", email, "--role", "curator"], `${E2E_PASSWORD}\n`).status).toBe(0);
    const leaver = await signIn(browser, baseURL, email, E2E_PASSWORD);

    await page.goto("/settings/users");
    const row = page.getByRole("row", { name: new RegExp(email) });
    await row.getByRole("button", { name: `Deactivate ${email}` }).click();
    await expect(row).toContainText("deactivated");

    await leaver.page.goto("/");
    await expect(leaver.page).toHaveURL(/\/login/);
    await fillSignIn(leaver.page, email, E2E_PASSWORD);
    await expect(leaver.page.getByText("Wrong email or password.")).toBeVisible();

    await row.getByRole("button", { name: `Reactivate ${email}` }).click();
    await expect(row).not.toContainText("deactivated");
    await leaver.page.getByRole("button", { name: "Sign in" }).click();
    await expect(leaver.page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await leaver.context.close();

    await page.goto(`/audit?action=user.`);
    const entries = page.getByRole("table", { name: "Audit entries" });
    await expect(entries.getByRole("row").filter({ hasText: "user.deactivate" }).first()).toBeVisible();
    await expect(entries.getByRole("row").filter({ hasText: "user.activate" }).first()).toBeVisible();
  });

  test("an admin cannot lock themselves out from the users page", async ({ page }) => {
    await page.goto("/settings/users");
    const me = page.getByRole("row", { name: new RegExp(emailFor("admin")) });
    await me.getByRole("button", { name: `Deactivate ${emailFor("admin")}` }).click();
    await expect(page.getByRole("alert").filter({ hasText: "You cannot deactivate your own account" })).toBeVisible();
    await expect(me).not.toContainText("deactivated");
  });
});

test.describe("secrets", () => {
  test("neither the session secret nor endpoint keys reach the browser", async ({ baseURL }) => {
    // `boxed start` generated the secrets into BOXED_HOME (or took them from the environment).
    const { boxedHome } = e2eEnv();
    const fromHome = (name: string) => (existsSync(join(boxedHome, name)) ? readFileSync(join(boxedHome, name), "utf8").trim() : undefined);
    const sessionSecret = process.env.NEXTAUTH_SECRET || fromHome("nextauth-secret");
    expect(sessionSecret, "the e2e server's NEXTAUTH_SECRET").toBeTruthy();
    const needles: Record<string, string> = { NEXTAUTH_SECRET: sessionSecret as string, api_key_encrypted: "api_key_encrypted", apiKeyEncrypted: "apiKeyEncrypted" };
    const encryptionKey = process.env.BOXED_SECRET_KEY || fromHome("secret-key");
    if (encryptionKey) needles.BOXED_SECRET_KEY = encryptionKey;

    const scripts = filesNamed(null, ".next/static").filter((f) => f.endsWith(".js"));
    expect(scripts.length, "the built client bundle").toBeGreaterThan(10);
    for (const file of scripts) {
      const text = readFileSync(join(root, file), "utf8");
      for (const [name, value] of Object.entries(needles)) expect(text.includes(value), `${file} contains ${name}`).toBe(false);
    }
    // And the pages as each role receives them (server components' payload included).
    for (const role of E2E_ROLES) {
      const context = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor(role) });
      for (const path of ["/", "/settings/users", "/audit", "/solutions", "/review", "/exports"]) {
        const body = await (await context.get(path)).text();
        for (const [name, value] of Object.entries(needles)) expect(body.includes(value), `${path} as ${role} contains ${name}`).toBe(false);
      }
      await context.dispose();
    }
  });
});
