// Rewrites docs/cli.md from the registered commands (see lib/cli/cli-reference.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderCliReference } from "@/lib/cli/cli-reference";
import { repoRoot } from "@/lib/db/boxed-home";

writeFileSync(join(repoRoot, "docs", "cli.md"), renderCliReference());
console.log("wrote docs/cli.md");
