// The stand-in must answer identically for the same (prompt, seed) across runs and machines, so it
// never touches Math.random: every choice comes from a hash of its inputs fed into a small PRNG.

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

/** mulberry32: a tiny PRNG with good enough spread for picking phrasings and answers. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickOne<T>(random: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pickOne: empty list");
  return items[Math.floor(random() * items.length)] as T;
}
