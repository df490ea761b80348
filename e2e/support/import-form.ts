// Importing a file through the browser's import form (/sets/import), as a curator does: the one
// place that knows the form's labels. Only the fields given are filled; the rest keep the form's
// defaults (format: detect).
import type { Locator, Page } from "@playwright/test";

export interface ImportFormFields {
  file: string;
  set: string;
  role?: "seed" | "synthetic" | "benchmark";
  format?: string;
  idColumn?: string;
  problemSource?: string;
  /** Where to save a screenshot of the filled form, before it is sent. */
  screenshot?: string;
}

/** Opens the import page, fills the form, sends it and returns the summary region (it shows once
 * the import has finished, so wait on what it should say). */
export async function importThroughForm(page: Page, fields: ImportFormFields): Promise<Locator> {
  await page.goto("/sets/import");
  await page.getByLabel("File").setInputFiles(fields.file);
  await page.getByLabel("Problem set").fill(fields.set);
  if (fields.role) await page.getByLabel("Role").selectOption(fields.role);
  if (fields.format) await page.getByLabel("Format").selectOption(fields.format);
  if (fields.idColumn) await page.getByLabel("Id column").fill(fields.idColumn);
  if (fields.problemSource) await page.getByLabel("Problem source").fill(fields.problemSource);
  if (fields.screenshot) await page.screenshot({ path: fields.screenshot });
  await page.getByRole("button", { name: "Import" }).click();
  return page.getByRole("region", { name: "Import summary" });
}
