// Signing in through the real sign-in form, as a person does: the one place that knows the form's
// labels. Specs that test the form's answers (a wrong password, a lock) send it with fillSignIn and
// look at what comes back; the others sign in with signInThroughForm and go on.
import type { Page } from "@playwright/test";

/** Fills the form on the page as it is and sends it; waits for nothing. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the sign-in page (`/login`, or that address with a callbackUrl), signs in and waits until
 * the browser has left the sign-in page. */
export async function signInThroughForm(page: Page, email: string, password: string, loginAddress = "/login"): Promise<void> {
  await page.goto(loginAddress);
  await fillSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
