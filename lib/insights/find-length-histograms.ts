// Solution lengths (characters and tokens) of correct and wrong generated solutions, from sample_stats.
import { pool } from "@/lib/db/pool";
import { LENGTH_EDGES, NO_TOKEN_COUNT, TOKEN_EDGES, bucketLabel, bucketRange } from "@/lib/insights/buckets";
import { scopeSetIds, type InsightScope } from "@/lib/insights/insight-scope";
import { GENERATED, solutionsLink } from "@/lib/insights/solutions-link";

export interface LengthBucketRow {
  lower: number;
  label: string;
  correct: number;
  wrong: number;
  /** Without a gradable answer or not graded yet: shown in the total, not as a bar. */
  other: number;
  correctHref: string;
  wrongHref: string;
}

export interface LengthHistograms {
  chars: LengthBucketRow[];
  tokens: LengthBucketRow[];
  /** Solutions without a token count (imports that had none). */
  uncountedTokens: number;
}

export async function findLengthHistograms(scope: InsightScope): Promise<LengthHistograms> {
  const { rows } = await pool().query<{ axis: "len" | "tok"; lower: number; verdict: string; samples: string }>(
    `SELECT 'len' AS axis, len_bucket AS lower, verdict::text AS verdict, sum(samples)::bigint AS samples FROM sample_stats
     WHERE samples <> 0 AND provenance = 'generated' AND ($1::int IS NULL OR set_id = $1) GROUP BY 2, 3
     UNION ALL
     SELECT 'tok', tok_bucket, verdict::text, sum(samples)::bigint FROM sample_stats
     WHERE samples <> 0 AND provenance = 'generated' AND ($1::int IS NULL OR set_id = $1) GROUP BY 2, 3`,
    [scope.setId],
  );
  const setIds = scopeSetIds(scope);
  const build = (axis: "len" | "tok", edges: readonly number[]): LengthBucketRow[] => {
    const mine = rows.filter((r) => r.axis === axis && r.lower !== NO_TOKEN_COUNT);
    if (mine.length === 0) return [];
    const highest = Math.max(...mine.map((r) => r.lower));
    // Every bucket up to the highest used one, so empty buckets show as gaps, not as missing bars.
    return edges
      .filter((lower) => lower <= highest)
      .map((lower) => {
        const at = mine.filter((r) => r.lower === lower);
        const sum = (pred: (v: string) => boolean) => at.filter((r) => pred(r.verdict)).reduce((s, r) => s + Number(r.samples), 0);
        const range = bucketRange(edges, lower);
        const filter = axis === "len" ? { length: range } : { tokens: range };
        return {
          lower,
          label: bucketLabel(edges, lower),
          correct: sum((v) => v === "equal"),
          wrong: sum((v) => v === "not_equal"),
          other: sum((v) => v !== "equal" && v !== "not_equal"),
          correctHref: solutionsLink({ setIds, provenances: GENERATED, ...filter, verdicts: ["equal"] }),
          wrongHref: solutionsLink({ setIds, provenances: GENERATED, ...filter, verdicts: ["not_equal"] }),
        };
      });
  };
  const uncountedTokens = rows.filter((r) => r.axis === "tok" && r.lower === NO_TOKEN_COUNT).reduce((s, r) => s + Number(r.samples), 0);
  return { chars: build("len", LENGTH_EDGES), tokens: build("tok", TOKEN_EDGES), uncountedTokens };
}
