// Rewrites docs/cli.md from the registered commands (see lib/cli/cli-reference.ts). The commands
// import server-only data modules, so the marker is mapped first (bin/server-only-outside-next.mjs)
// and the rest is imported after it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import "../bin/server-only-outside-next.mjs";

const { renderCliReference } = await import("@/lib/cli/cli-reference");
const { repoRoot } = await import("@/lib/db/boxed-home");
writeFileSync(join(repoRoot, "docs", "cli.md"), renderCliReference());
console.log("wrote docs/cli.md");
