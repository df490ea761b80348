// A compact decontamination funnel per checked set, from problem_stats' contamination_status
// counts: all problems -> checked -> had a candidate -> flagged by the judge or a reviewer ->
// decided contaminated. /decontamination has the full, per-benchmark view.
import { pool } from "@/lib/db/pool";
import { solutionsLink } from "@/lib/insights/solutions-link";
import type { ContaminationName } from "@/lib/solutions/solution-view";

export interface FunnelStage {
  name: string;
  problems: number;
  /** Solutions of the problems at this stage. */
  href: string;
}

export interface SetFunnel {
  setId: number;
  setName: string;
  stages: FunnelStage[];
}

const CHECKED: ContaminationName[] = ["clean", "candidate", "judge_failed", "flagged", "contaminated", "cleared", "unsure"];
const CANDIDATE: ContaminationName[] = ["candidate", "judge_failed", "flagged", "contaminated", "cleared", "unsure"];
// Flagged by the judge (or an exact match), whatever the reviewer decided since.
const FLAGGED: ContaminationName[] = ["flagged", "contaminated", "cleared", "unsure"];
const CONTAMINATED: ContaminationName[] = ["contaminated"];

export async function findContaminationFunnel(): Promise<SetFunnel[]> {
  const { rows } = await pool().query<{ set_id: number; name: string; status: ContaminationName; problems: string }>(
    `SELECT ps.set_id, s.name, ps.contamination_status::text AS status, sum(ps.problems)::bigint AS problems
     FROM problem_stats ps JOIN problem_sets s ON s.id = ps.set_id
     WHERE s.role <> 'benchmark' AND ps.problems <> 0 GROUP BY 1, 2, 3 ORDER BY 2`,
  );
  const bySet = new Map<number, { name: string; counts: Map<ContaminationName, number> }>();
  for (const r of rows) {
    const entry = bySet.get(r.set_id) ?? { name: r.name, counts: new Map() };
    entry.counts.set(r.status, (entry.counts.get(r.status) ?? 0) + Number(r.problems));
    bySet.set(r.set_id, entry);
  }
  return [...bySet.entries()].map(([setId, { name, counts }]) => {
    const sum = (statuses: ContaminationName[]) => statuses.reduce((s, st) => s + (counts.get(st) ?? 0), 0);
    const stage = (stageName: string, statuses: ContaminationName[] | null): FunnelStage => ({
      name: stageName,
      problems: statuses ? sum(statuses) : [...counts.values()].reduce((a, b) => a + b, 0),
      href: solutionsLink({ setIds: [setId], contamination: statuses ?? [] }),
    });
    return {
      setId,
      setName: name,
      stages: [stage("Problems", null), stage("Checked", CHECKED), stage("With a candidate", CANDIDATE), stage("Flagged", FLAGGED), stage("Contaminated", CONTAMINATED)],
    };
  });
}
