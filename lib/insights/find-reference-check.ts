// A data-quality check, not a model's score: the reference solutions that came with the problem
// files (GSM8K answers, MATH solutions), per set, and how many of them our grader finds agreeing
// with the gold. A reference that disagrees with its own dataset's gold is worth a look (a gold
// extracted from the wrong box, a reference that ends without a final answer). From sample_stats.
import { pool } from "@/lib/db/pool";
import type { InsightScope } from "@/lib/insights/insight-scope";
import { solutionsLink } from "@/lib/insights/solutions-link";
import { emptyVerdictCounts, gradedOf, totalOf, type VerdictCounts } from "@/lib/insights/verdict-counts";
import type { VerdictName } from "@/lib/solutions/solution-view";

export interface ReferenceCheckRow {
  setId: number;
  setName: string;
  counts: VerdictCounts;
  total: number;
  graded: number;
  /** Graded equal to the gold: "reference solutions whose boxed answer agrees with the gold". */
  agreeing: number;
  /** agreeing / graded, or null when none is graded yet. */
  agreeingShare: number | null;
  /** The set's references that do not agree (wrong, no answer, undecided). */
  disagreeingHref: string;
}

export async function findReferenceCheck(scope: InsightScope): Promise<ReferenceCheckRow[]> {
  const { rows } = await pool().query<{ set_id: number; set_name: string; verdict: VerdictName; samples: string }>(
    `SELECT st.set_id, ps.name AS set_name, st.verdict::text AS verdict, sum(st.samples)::bigint AS samples
       FROM sample_stats st JOIN problem_sets ps ON ps.id = st.set_id
      WHERE st.provenance = 'reference' AND st.samples <> 0 AND ($1::int IS NULL OR st.set_id = $1)
      GROUP BY 1, 2, 3`,
    [scope.setId],
  );
  const bySet = new Map<number, { name: string; counts: VerdictCounts }>();
  for (const r of rows) {
    const entry = bySet.get(r.set_id) ?? { name: r.set_name, counts: emptyVerdictCounts() };
    entry.counts[r.verdict] += Number(r.samples);
    bySet.set(r.set_id, entry);
  }
  return [...bySet.entries()]
    .map(([setId, { name, counts }]) => {
      const graded = gradedOf(counts);
      return {
        setId,
        setName: name,
        counts,
        total: totalOf(counts),
        graded,
        agreeing: counts.equal,
        agreeingShare: graded > 0 ? counts.equal / graded : null,
        disagreeingHref: solutionsLink({ setIds: [setId], provenances: ["reference"], verdicts: ["not_equal", "no_answer", "undecided"] }),
      };
    })
    .sort((a, b) => a.setName.localeCompare(b.setName));
}
