// Endpoint API keys at rest: AES-256-GCM with a key derived from BOXED_SECRET_KEY (`boxed start`
// sets it, generating it once into BOXED_HOME/secret-key). Stored as "v1:<iv>:<tag>:<ciphertext>"
// in base64url, so a changed secret fails loudly (GCM's tag) instead of yielding garbage.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { boxedHome } from "@/lib/db/boxed-home";
import { UserFacingError } from "@/lib/errors";
import { readSetting } from "@/lib/settings/read-settings";

const VERSION = "v1";

/** BOXED_SECRET_KEY, else the one `boxed start` generated into BOXED_HOME (same machine). */
export function secretKeyFrom(env: NodeJS.ProcessEnv = process.env): string {
  const configured = readSetting("BOXED_SECRET_KEY", env);
  if (configured) return configured;
  const file = join(boxedHome(env), "secret-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  throw new UserFacingError(
    "BOXED_SECRET_KEY is not set, so endpoint API keys cannot be encrypted or read.",
    "start the studio with `npm start` (it sets one), set BOXED_SECRET_KEY to the same value on every machine, or store the key's environment variable name instead (--api-key-env)",
  );
}

function aesKey(secret: string): Buffer {
  return createHash("sha256").update(`boxed-endpoint-keys:${secret}`, "utf8").digest();
}

export function encryptApiKey(plain: string, secret: string = secretKeyFrom()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", aesKey(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

export function decryptApiKey(stored: string, secret: string = secretKeyFrom()): string {
  const [version, iv, tag, body] = stored.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new UserFacingError("A stored endpoint API key has an unknown format.", "enter the key again in Settings → Endpoints");
  try {
    const decipher = createDecipheriv("aes-256-gcm", aesKey(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UserFacingError(
      "A stored endpoint API key cannot be decrypted with this BOXED_SECRET_KEY.",
      "use the BOXED_SECRET_KEY the key was saved with, or enter the key again in Settings → Endpoints",
    );
  }
}
