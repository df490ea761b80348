// Protects: docs/security.md lists every action of lib/auth/permissions.ts with the roles the
// server actually allows (regenerate with `node --import tsx scripts/security-table.ts`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/lib/auth/permissions";
import { renderSecurityTable, withSecurityTable } from "@/lib/auth/security-table";
import { repoRoot } from "@/lib/db/boxed-home";

describe("docs/security.md", () => {
  it("carries the current generated role table", () => {
    const document = readFileSync(join(repoRoot, "docs", "security.md"), "utf8");
    expect(document).toBe(withSecurityTable(document));
  });
});

describe("renderSecurityTable", () => {
  it("has one row per action, and each role column follows the role order", () => {
    const lines = renderSecurityTable().split("\n");
    expect(lines).toHaveLength(2 + Object.keys(ACTIONS).length);
    expect(lines[0]).toBe("| Action | What it allows | viewer | reviewer | curator | admin |");
    expect(lines.find((l) => l.startsWith("| `users.manage` |"))).toMatch(/\| — \| — \| — \| yes \|$/);
    expect(lines.find((l) => l.startsWith("| `dashboard.view` |"))).toMatch(/\| yes \| yes \| yes \| yes \|$/);
    expect(lines.find((l) => l.startsWith("| `review.annotate` |"))).toMatch(/\| — \| yes \| yes \| yes \|$/);
  });

  it("refuses a document without the markers", () => {
    expect(() => withSecurityTable("# Security\n")).toThrow(/markers/);
  });
});
