// Protects: the "Code layout" block of docs/architecture.md names exactly the folders that exist
// at the top level, in lib/ and in components/ (a new folder must be described; a removed one must
// leave the doc).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/db/boxed-home";

const TOP_LEVEL = ["app", "components", "lib", "prisma", "e2e", "tests", "bench", "bin", "scripts", "docs"];

function layoutBlock(): string {
  const doc = readFileSync(join(repoRoot, "docs", "architecture.md"), "utf8");
  const start = doc.indexOf("## Code layout");
  const open = doc.indexOf("```\n", start);
  const close = doc.indexOf("```\n", open + 4);
  expect(start, "docs/architecture.md has a Code layout section").toBeGreaterThan(0);
  return doc.slice(open + 4, close);
}

/** Folder names the block lists at an indentation (0 = top level, 2 = inside lib/ or components/). */
function named(block: string, indent: number, parent?: string): string[] {
  const lines = block.split("\n");
  let inside = parent === undefined;
  const names: string[] = [];
  for (const line of lines) {
    const match = /^( *)([A-Za-z0-9_.-]+)\/(\s|$)/.exec(line);
    if (!match) continue;
    const depth = match[1].length;
    if (depth === 0) inside = parent === undefined || match[2] === parent;
    if (inside && depth === indent) names.push(match[2]);
  }
  return names.sort();
}

const foldersIn = (dir: string) =>
  readdirSync(join(repoRoot, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("docs/architecture.md's code layout", () => {
  it("names the top-level folders of the product", () => {
    const listed = named(layoutBlock(), 0);
    for (const folder of TOP_LEVEL) expect(listed, `${folder}/ is described`).toContain(folder);
    const present = new Set(foldersIn("."));
    for (const folder of listed) expect(present.has(folder), `${folder}/ exists`).toBe(true);
  });

  for (const parent of ["lib", "components"]) {
    it(`names exactly the folders of ${parent}/`, () => {
      expect(named(layoutBlock(), 2, parent)).toEqual(foldersIn(parent));
    });
  }
});
