// Protects: mutations audit themselves. No server action, route handler, page or CLI command writes
// an audit entry itself: each calls a library function with the actor, and that function writes the
// entry in the transaction of its change (lib/db/README.md lists which). A caller that audits by
// hand is how the same action came to be audited with different details from the web and the CLI.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

describe("audit entries are written by the library mutations", () => {
  it("no file of app/ or lib/cli/ calls recordAudit or writes audit_log", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("lib/cli")];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) => /\brecordAudit\b|lib\/audit\/record-audit|auditLog\.create|INSERT INTO audit_log/i.test(readFileSync(join(repoRoot, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
