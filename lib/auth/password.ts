// Passwords are hashed with scrypt (memory-hard, in Node's standard library): no native addon to
// build, and the parameters travel inside the stored string so they can be raised later.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const N = 16_384;
const r = 8;
const p = 1;
const keyLength = 64;

function derive(password: string, salt: Buffer, n: number, rr: number, pp: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    scrypt(password, salt, keyLength, { N: n, r: rr, p: pp, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolvePromise(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, r, p);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const [scheme, n, rr, pp, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(rr), Number(pp));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A readable random password for generated accounts (about 100 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url").replace(/[-_]/g, "x");
}

export const MIN_PASSWORD_LENGTH = 10;
