// Files under app/ with a given name (actions.ts, route.ts, page.tsx), found on disk so that a new
// route or action file is covered by the security tests without anyone listing it.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "@/lib/db/boxed-home";

export function findAppFiles(fileName: string, under = "app"): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === fileName) found.push(relative(repoRoot, path));
    }
  };
  walk(join(repoRoot, under));
  return found.sort();
}
