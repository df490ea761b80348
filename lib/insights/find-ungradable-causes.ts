// "Why not gradable": solutions without a usable answer (no_answer) or whose check did not decide
// (undecided), by cause (the verdict rule: no-box, several-different-boxes, truncated, empty-box,
// unbalanced-braces, parse-failure, timeout, ...) and by batch and model. From sample_stats.
import { pool } from "@/lib/db/pool";
import { scopeSetIds, type InsightScope } from "@/lib/insights/insight-scope";
import { GENERATED, solutionsLink } from "@/lib/insights/solutions-link";

export type UngradableVerdict = "no_answer" | "undecided";

export interface UngradableCause {
  cause: string;
  verdict: UngradableVerdict;
  samples: number;
}

export interface UngradableByOrigin {
  batchId: number;
  batchName: string | null;
  model: string;
  causes: Record<string, number>;
  total: number;
  /** no_answer and undecided solutions of this batch and model (the table has no rule filter). */
  href: string;
}

export interface UngradableCauses {
  causes: UngradableCause[];
  byOrigin: UngradableByOrigin[];
  /** Causes in display order (largest first), the columns of byOrigin. */
  causeNames: string[];
  /** All no_answer / undecided solutions of the scope. */
  href: string;
}

export async function findUngradableCauses(scope: InsightScope): Promise<UngradableCauses> {
  const { rows } = await pool().query<{ batch_id: number; batch_name: string | null; model: string; verdict: UngradableVerdict; cause: string; samples: string }>(
    `SELECT st.batch_id, b.name AS batch_name, st.model, st.verdict::text AS verdict, st.verdict_rule AS cause, sum(st.samples)::bigint AS samples
     FROM sample_stats st LEFT JOIN generation_batches b ON b.id = st.batch_id
     WHERE st.verdict IN ('no_answer', 'undecided') AND st.samples <> 0 AND st.provenance = 'generated' AND ($1::int IS NULL OR st.set_id = $1)
     GROUP BY 1, 2, 3, 4, 5`,
    [scope.setId],
  );
  const setIds = scopeSetIds(scope);
  const causeName = (cause: string) => cause || "(no rule)";
  const totals = new Map<string, UngradableCause>();
  const origins = new Map<string, UngradableByOrigin>();
  for (const r of rows) {
    const n = Number(r.samples);
    const name = causeName(r.cause);
    const key = `${r.verdict}\u0000${name}`;
    const cause = totals.get(key) ?? { cause: name, verdict: r.verdict, samples: 0 };
    cause.samples += n;
    totals.set(key, cause);
    const originKey = `${r.batch_id}\u0000${r.model}`;
    const origin = origins.get(originKey) ?? {
      batchId: r.batch_id,
      batchName: r.batch_name,
      model: r.model,
      causes: {},
      total: 0,
      href: solutionsLink({ setIds, provenances: GENERATED, batchIds: [r.batch_id], models: [r.model], verdicts: ["no_answer", "undecided"] }),
    };
    origin.causes[name] = (origin.causes[name] ?? 0) + n;
    origin.total += n;
    origins.set(originKey, origin);
  }
  const causes = [...totals.values()].sort((a, b) => b.samples - a.samples || a.cause.localeCompare(b.cause));
  return {
    causes,
    causeNames: [...new Set(causes.map((c) => c.cause))],
    byOrigin: [...origins.values()].sort((a, b) => b.total - a.total),
    href: solutionsLink({ setIds, provenances: GENERATED, verdicts: ["no_answer", "undecided"] }),
  };
}
