// Where a checkout keeps its local state: the embedded database, the generated auth secret, export
// files. Default `<checkout>/.boxed`; BOXED_HOME moves it (tests use a temporary one).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readSetting } from "@/lib/settings/read-settings";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function boxedHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(readSetting("BOXED_HOME", env) ?? join(repoRoot, ".boxed"));
}
