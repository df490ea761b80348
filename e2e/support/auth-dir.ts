// Each Playwright run keeps its signed-in states and environment in its own directory, so two
// runs at once (two developers' terminals, say) never read each other's accounts. The global
// setup creates it and passes it to the test workers in E2E_AUTH_DIR.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

// Playwright also loads spec files to list them before the global setup has run; only the
// workers, started after it, read the files these paths name.
export function authDir(): string {
  return process.env.E2E_AUTH_DIR ?? join(here, "..", ".auth", "not-set-up");
}

export const authRoot = join(here, "..", ".auth");
