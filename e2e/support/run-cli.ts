import { fileURLToPath } from "node:url";
// Runs the real `boxed` CLI against the e2e database, for setting up data a spec needs.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { e2eEnv } from "./e2e-env";

const here = dirname(fileURLToPath(import.meta.url));

export function runCli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const env = e2eEnv();
  const result = spawnSync(process.execPath, [join(here, "..", "..", "bin", "boxed.mjs"), ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DATABASE_URL: env.databaseUrl, BOXED_HOME: env.boxedHome },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
