// Runs the real `boxed` CLI against the e2e database, for setting up data a spec needs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { e2eEnv } from "./e2e-env";

export function runCli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const env = e2eEnv();
  const result = spawnSync(process.execPath, [join(__dirname, "..", "..", "bin", "boxed.mjs"), ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DATABASE_URL: env.databaseUrl, BOXED_HOME: env.boxedHome },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
