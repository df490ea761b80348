// `npm run bench -- <name> [args]`: runs bench/<name>.ts, which prints its figures and writes its
// section of docs/benchmarks.md. Each benchmark measures against a baseline in the same run.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && !["run.ts", "report.ts"].includes(f) && !f.endsWith(".test.ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || name === "--help" || !available.includes(name)) {
  if (name && name !== "--help") console.error(`bench: no benchmark named "${name}".`);
  console.error(`usage: npm run bench -- <name> [options]\nbenchmarks: ${available.join(", ")}`);
  process.exit(name && name !== "--help" ? 2 : 0);
}
const file = join(here, `${name}.ts`);
if (!existsSync(file)) process.exit(2);
const mod = (await import(pathToFileURL(file).href)) as { main?: (args: string[]) => Promise<void> };
if (typeof mod.main !== "function") {
  console.error(`bench/${name}.ts must export main(args)`);
  process.exit(2);
}
await mod.main(rest);
