// Rewrites the generated role table in docs/security.md (see lib/auth/security-table.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withSecurityTable } from "@/lib/auth/security-table";
import { repoRoot } from "@/lib/db/boxed-home";

const file = join(repoRoot, "docs", "security.md");
writeFileSync(file, withSecurityTable(readFileSync(file, "utf8")));
console.log("wrote the role table of docs/security.md");
