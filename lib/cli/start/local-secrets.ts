// Secrets a single-machine install needs and a user should not have to invent: the next-auth
// signing secret and the key that encrypts endpoint API keys at rest. Env vars win; otherwise
// they are generated once into BOXED_HOME with mode 600.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readSetting } from "@/lib/settings/read-settings";

function fileSecret(home: string, name: string): string {
  const file = join(home, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(home, { recursive: true });
  const value = randomBytes(32).toString("base64url");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

export function localSecrets(home: string, env: NodeJS.ProcessEnv): { NEXTAUTH_SECRET: string; BOXED_SECRET_KEY: string } {
  return {
    NEXTAUTH_SECRET: readSetting("NEXTAUTH_SECRET", env) || fileSecret(home, "nextauth-secret"),
    BOXED_SECRET_KEY: readSetting("BOXED_SECRET_KEY", env) || fileSecret(home, "secret-key"),
  };
}
