// Rewrites the generated configuration table of README.md (see lib/settings/settings-table.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "@/lib/db/boxed-home";
import { withSettingsTable } from "@/lib/settings/settings-table";

const file = join(repoRoot, "README.md");
writeFileSync(file, withSettingsTable(readFileSync(file, "utf8")));
console.log("wrote the configuration table of README.md");
