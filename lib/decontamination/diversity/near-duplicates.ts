// Question diversity (issue #20): clusters of near-duplicate synthesized problems — the same
// problem with other names or numbers, and verbatim copies across seeds — so a set can keep one
// problem per cluster before labelling (each kept problem costs 32 solutions).
//
// Method: each problem becomes the set of 3-grams of its skeleton (numbers -> #, names -> @,
// swappable objects -> &; views.ts), so renamed and re-numbered copies have the same set. MinHash
// (32 hashes) estimates the Jaccard similarity of two sets; locality-sensitive hashing (8 bands
// of 4 hashes) proposes pairs, each proposed pair is verified on the full signature (estimated
// Jaccard >= threshold) and joined by union-find. Streaming: `add` keeps only the 32-number
// signature and the seed of a problem (not its text), so 600K problems fit in ~100 MiB.
import { tokenize } from "@/lib/decontamination/tokenize";
import { maskedSkeleton } from "@/lib/decontamination/views";

export const SIGNATURE_SIZE = 32;
const BANDS = 8;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Estimated Jaccard at or above which two problems are the same problem. */
export const DEFAULT_DUPLICATE_JACCARD = 0.7;

// Per-hash seeds (odd multipliers), fixed so runs are reproducible and incremental checks agree.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);

function fnv1a(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = Math.imul(h ^ seed, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The MinHash signature of a problem's skeleton 3-grams (a short problem falls back to its tokens). */
export function signatureOf(text: string, out = new Uint32Array(SIGNATURE_SIZE)): Uint32Array {
  const words = maskedSkeleton(tokenize(text));
  const shingles = new Set<number>();
  if (words.length < 3) shingles.add(fnv1a(words.join(" ")));
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  out.fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = mix(h, SEEDS[k]);
      if (v < out[k]) out[k] = v;
    }
  }
  return out;
}

export function estimatedJaccard(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[ai * SIGNATURE_SIZE + k] === b[bi * SIGNATURE_SIZE + k]) same++;
  return same / SIGNATURE_SIZE;
}

export type ClusterResult = {
  /** problem ids in the order they were added */
  ids: Float64Array;
  /** per problem (same order): index of its cluster's representative (the first added member) */
  representative: Int32Array;
  /** per problem: size of its cluster */
  clusterSize: Int32Array;
  problems: number;
  clusters: number;
  /** per seed (parent id; -1 for none): problems and distinct clusters among them */
  perSeed: Map<number, { problems: number; distinct: number }>;
};

/** Collects problems one at a time (streamed from the database or a file), then clusters them. */
export class NearDuplicateClusterer {
  private ids: number[] = [];
  private seeds: number[] = [];
  private sigs = new Uint32Array(SIGNATURE_SIZE * 1024);
  private count = 0;
  private readonly scratch = new Uint32Array(SIGNATURE_SIZE);

  constructor(private readonly threshold = DEFAULT_DUPLICATE_JACCARD) {}

  add(id: number, text: string, seedId: number | null = null): void {
    if (this.count * SIGNATURE_SIZE >= this.sigs.length) {
      const grown = new Uint32Array(this.sigs.length * 2);
      grown.set(this.sigs);
      this.sigs = grown;
    }
    this.sigs.set(signatureOf(text, this.scratch), this.count * SIGNATURE_SIZE);
    this.ids.push(id);
    this.seeds.push(seedId ?? -1);
    this.count++;
  }

  finish(): ClusterResult {
    const n = this.count;
    const sigs = this.sigs;
    const parent = Int32Array.from({ length: n }, (_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    // The smaller index wins, so the representative is the earliest problem of its cluster.
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    // Per band: sort (band hash, index) packed in a double (32 + 20 bits, exact), then join each
    // run of equal hashes to its first member when the full signatures agree.
    if (n >= 2 ** 21) throw new Error(`clustering holds at most ${2 ** 21 - 1} problems per run (got ${n})`);
    const keys = new Float64Array(n);
    for (let band = 0; band < BANDS; band++) {
      for (let i = 0; i < n; i++) {
        let h = 2166136261 ^ band;
        for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sigs[i * SIGNATURE_SIZE + band * ROWS + r], 16777619);
        keys[i] = (h >>> 0) * 2 ** 21 + i;
      }
      keys.sort();
      for (let s = 0; s < n; ) {
        const hash = Math.floor(keys[s] / 2 ** 21);
        let e = s + 1;
        while (e < n && Math.floor(keys[e] / 2 ** 21) === hash) e++;
        const first = keys[s] % 2 ** 21;
        for (let j = s + 1; j < e; j++) {
          const other = keys[j] % 2 ** 21;
          if (find(other) !== find(first) && estimatedJaccard(sigs, first, sigs, other) >= this.threshold) union(first, other);
        }
        s = e;
      }
    }
    const representative = new Int32Array(n);
    const size = new Int32Array(n);
    let clusters = 0;
    for (let i = 0; i < n; i++) {
      representative[i] = find(i);
      if (representative[i] === i) clusters++;
      size[representative[i]]++;
    }
    const clusterSize = Int32Array.from(representative, (r) => size[r]);
    const perSeed = new Map<number, { problems: number; distinct: number }>();
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const seed = this.seeds[i];
      const s = perSeed.get(seed) ?? { problems: 0, distinct: 0 };
      s.problems++;
      const key = `${seed}:${representative[i]}`;
      if (!seen.has(key)) {
        seen.add(key);
        s.distinct++;
      }
      perSeed.set(seed, s);
    }
    return { ids: Float64Array.from(this.ids), representative, clusterSize, problems: n, clusters, perSeed };
  }
}

/** "Keep one per cluster": the ids to keep (each cluster's earliest problem) and to drop. */
export function keepOnePerCluster(result: ClusterResult): { keep: number[]; drop: number[] } {
  const keep: number[] = [];
  const drop: number[] = [];
  for (let i = 0; i < result.problems; i++) (result.representative[i] === i ? keep : drop).push(result.ids[i]);
  return { keep, drop };
}
