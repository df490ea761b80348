// Seeded PRNG (mulberry32) so every evaluation and benchmark run rewrites the same way.
import { mulberry32 } from "@/lib/seeded-random";

export type Rng = () => number;

export const createRng: (seed: number) => Rng = mulberry32;

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

/** A stable per-item seed, so one item's rewrite does not depend on which other items were sampled. */
export function seedFor(base: number, key: string): number {
  let h = 2166136261 ^ base;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}
