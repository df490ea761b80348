// Protects: docs/cli.md describes the commands that exist, with their current options.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderCliReference } from "@/lib/cli/cli-reference";
import { repoRoot } from "@/lib/db/boxed-home";
import { commands } from "@/lib/cli/registry";

describe("docs/cli.md", () => {
  it("is the generated reference of the registered commands (run scripts/cli-reference.ts)", () => {
    expect(readFileSync(join(repoRoot, "docs", "cli.md"), "utf8")).toBe(renderCliReference());
  });

  it("has no two commands with the same words", () => {
    const paths = commands.map((c) => c.path.join(" "));
    expect(new Set(paths).size).toBe(paths.length);
  });
});
