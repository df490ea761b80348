import { createHash } from "node:crypto";

// Duplicate detection must not be fooled by invisible differences: composed vs decomposed accents
// (NFC), tabs/newlines/runs of spaces, and leading/trailing blanks. Case and punctuation are kept
// because they can change a math problem's meaning.
export function normalizeProblemText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** sha256 hex of the normalised problem text. */
export function problemHash(text: string): string {
  return createHash("sha256").update(normalizeProblemText(text), "utf8").digest("hex");
}
