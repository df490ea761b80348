// What the global setup tells the specs: the app URL, the database URL (for direct setup through
// the CLI or SQL) and BOXED_HOME. Written to a file because specs run in other processes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { authDir } from "./auth-dir";

export interface E2eEnv {
  baseUrl: string;
  databaseUrl: string;
  boxedHome: string;
}

export const e2eEnvFile = () => join(authDir(), "env.json");

export function e2eEnv(): E2eEnv {
  return JSON.parse(readFileSync(e2eEnvFile(), "utf8")) as E2eEnv;
}
