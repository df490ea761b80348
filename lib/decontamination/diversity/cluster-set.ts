// Near-duplicate clusters of one synthetic set from the database (CLI `boxed decontam clusters`).
// Streams the set in keyset chunks (`id > last ORDER BY id`), so only the signatures and the keys
// stay in memory. `kept` (optional): sets whose problems were already kept; they go first, so a
// new batch's copies of them are found without re-clustering anything else by hand.
import { type ClusterResult, DEFAULT_DUPLICATE_JACCARD, NearDuplicateClusterer } from "@/lib/decontamination/diversity/near-duplicates";
import { problemPages } from "@/lib/decontamination/pipeline/problem-pages";
import { resolveCheckedSet } from "@/lib/decontamination/pipeline/resolve-decontam-sets";

export type SetClusters = {
  result: ClusterResult;
  /** per problem (same order as result.ids): its source key and set name */
  keys: string[];
  sets: string[];
};

export async function clusterProblemSet(ref: string | number, options: { threshold?: number; kept?: string[] } = {}): Promise<SetClusters> {
  const sets = [];
  for (const k of options.kept ?? []) sets.push(await resolveCheckedSet(k));
  const target = await resolveCheckedSet(ref);
  sets.push(target);
  const clusterer = new NearDuplicateClusterer(options.threshold ?? DEFAULT_DUPLICATE_JACCARD);
  const keys: string[] = [];
  const setNames: string[] = [];
  for (const set of sets) {
    for await (const rows of problemPages<{ id: number; source_key: string; text: string; parent_id: number | null }>(set.id, "id, source_key, text, parent_id")) {
      for (const r of rows) {
        clusterer.add(r.id, r.text, r.parent_id);
        keys.push(r.source_key);
        setNames.push(set.name);
      }
    }
  }
  return { result: clusterer.finish(), keys, sets: setNames };
}
