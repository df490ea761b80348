// How strongly the samples of synthetic problems agree on their majority answer, from
// problem_stats: problems per agreement tenth (the last bar is unanimous).
import { pool } from "@/lib/db/pool";
import { AGREEMENT_BUCKETS, agreementBucketLabel, agreementBucketRange } from "@/lib/insights/buckets";
import type { InsightScope } from "@/lib/insights/insight-scope";
import { solutionsLink } from "@/lib/insights/solutions-link";

export interface AgreementBucketRow {
  bucket: number;
  label: string;
  problems: number;
  href: string;
}

export interface AgreementHistogram {
  rows: AgreementBucketRow[];
  /** Synthetic problems without a vote yet. */
  unvoted: number;
  /** The synthetic sets counted (the links filter on them). */
  setIds: number[];
}

export async function findAgreementHistogram(scope: InsightScope): Promise<AgreementHistogram> {
  const { rows } = await pool().query<{ set_id: number; bucket: number; problems: string }>(
    `SELECT ps.set_id, ps.agreement_bucket AS bucket, sum(ps.problems)::bigint AS problems
     FROM problem_stats ps JOIN problem_sets s ON s.id = ps.set_id
     WHERE s.role = 'synthetic' AND ps.problems <> 0 AND ($1::int IS NULL OR ps.set_id = $1)
     GROUP BY 1, 2`,
    [scope.setId],
  );
  const setIds = [...new Set(rows.map((r) => r.set_id))].sort((a, b) => a - b);
  const count = (bucket: number) => rows.filter((r) => r.bucket === bucket).reduce((s, r) => s + Number(r.problems), 0);
  return {
    rows: AGREEMENT_BUCKETS.map((bucket) => ({
      bucket,
      label: agreementBucketLabel(bucket),
      problems: count(bucket),
      href: solutionsLink({ setIds, agreement: agreementBucketRange(bucket) }),
    })),
    unvoted: count(-1),
    setIds,
  };
}
