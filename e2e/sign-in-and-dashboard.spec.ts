// Protects the front door: anonymous visitors are sent to sign in, wrong passwords get an error
// on the form and are throttled, and a signed-in user sees the demo data on the dashboard.
import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, emailFor, storageStateFor } from "./support/roles";
import { runCli } from "./support/run-cli";
import { fillSignIn } from "./support/sign-in-form";

test.describe("signed out", () => {
  test("asks to sign in, shows a wrong password on the form, then lets the right one in", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await fillSignIn(page, emailFor("admin"), "not-the-password");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("throttles repeated failures for an account", async ({ page }) => {
    const email = "throttled@e2e.test";
    expect(runCli(["user", "add", "--email", email, "--role", "viewer"], `${E2E_PASSWORD}\n`).status).toBe(0);
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByLabel("Password").fill(`wrong-${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
    }
    // Locked now: even the right password is refused until the lock expires.
    await page.getByLabel("Password").fill(E2E_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/Too many failed sign-ins\. Try again in \d+ minute/)).toBeVisible();
  });

  test("serves security headers on every page", async ({ request }) => {
    const response = await request.get("/login");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("signed in as a viewer", () => {
  test.use({ storageState: storageStateFor("viewer") });

  test("the dashboard shows problem sets by role and source, solution counts and correct share", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    const seeds = page.getByRole("region", { name: "Seed sets" });
    await expect(seeds.getByRole("cell", { name: "demo-gsm8k-style" })).toBeVisible();
    await expect(seeds.getByText("math · 14")).toBeVisible();
    await expect(page.getByRole("region", { name: "Synthetic sets" }).getByRole("cell", { name: "demo-synthetic" })).toBeVisible();
    await expect(page.getByRole("region", { name: /Benchmark sets/ }).getByRole("cell", { name: "demo-benchmark" })).toBeVisible();
    const totals = page.getByRole("region", { name: "Totals" });
    await expect(totals.getByText("Solutions", { exact: true })).toBeVisible();
    await expect(totals.getByText(/\d+\.\d%/)).toBeVisible();
    // The headline share is over generated solutions, with its denominator.
    await expect(totals.getByText("Correct share (generated)")).toBeVisible();
    await expect(totals.getByText(/of [\d,]+ graded generated solutions; references apart/)).toBeVisible();
    await expect(page.getByRole("meter", { name: "Correct share of demo-math-style" })).toBeVisible();
    await expect(page.getByText(`Role: viewer`)).toBeVisible();
  });
});
