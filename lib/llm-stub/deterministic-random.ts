// The stand-in must answer identically for the same (prompt, seed) across runs and machines, so it
// never touches Math.random: every choice comes from a hash of its inputs fed into a small PRNG.
import { mulberry32 } from "@/lib/seeded-random";

/** FNV-1a over UTF-16 code units, 32-bit. Fast and stable; not for security. */
export function hashText(text: string, salt = 0): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** One 32-bit seed from any mix of strings and numbers (order matters). */
export function seedFrom(...parts: Array<string | number>): number {
  let hash = 0x9e3779b9;
  for (const part of parts) hash = hashText(`${typeof part}:${part}\u0000`, hash);
  return hash >>> 0;
}

/** mulberry32 (lib/seeded-random.ts): picks phrasings and answers. */
export const createRandom: (seed: number) => () => number = mulberry32;

export function pickOne<T>(random: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pickOne: empty list");
  return items[Math.floor(random() * items.length)] as T;
}
