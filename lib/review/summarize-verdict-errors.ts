// How often the automatic verdict is wrong, judged by reviewers: a sample graded "equal" that a
// reviewer rejects, or one graded "not_equal" that a reviewer accepts. Only samples with both a
// decisive verdict (equal / not_equal) and a decisive review (accepted / rejected) count; unsure
// reviews and undecided or ungraded samples are reported but left out of the rate.
import { type ProportionEstimate, wilsonInterval } from "@/lib/review/wilson-interval";

export interface ReviewedCell {
  stratum: string;
  verdict: string;
  decision: string;
  count: number;
}

export interface VerdictErrorEstimate {
  stratum: string;
  /** Wrong verdicts among decisive pairs. */
  overall: ProportionEstimate;
  /** Rejected among those graded equal (the grader said right, the reviewer said wrong). */
  falseEqual: ProportionEstimate;
  /** Accepted among those graded not_equal. */
  falseNotEqual: ProportionEstimate;
  /** Reviewed but not decisive (unsure, or no equal/not_equal verdict). */
  excluded: number;
}

export function summarizeVerdictErrors(cells: ReviewedCell[]): { strata: VerdictErrorEstimate[]; pooled: VerdictErrorEstimate } {
  const tally = new Map<string, { eqOk: number; eqWrong: number; neOk: number; neWrong: number; excluded: number }>();
  const add = (stratum: string, cell: ReviewedCell) => {
    const t = tally.get(stratum) ?? { eqOk: 0, eqWrong: 0, neOk: 0, neWrong: 0, excluded: 0 };
    const decisive = (cell.verdict === "equal" || cell.verdict === "not_equal") && (cell.decision === "accepted" || cell.decision === "rejected");
    if (!decisive) t.excluded += cell.count;
    else if (cell.verdict === "equal" && cell.decision === "accepted") t.eqOk += cell.count;
    else if (cell.verdict === "equal") t.eqWrong += cell.count;
    else if (cell.decision === "rejected") t.neOk += cell.count;
    else t.neWrong += cell.count;
    tally.set(stratum, t);
  };
  for (const cell of cells) {
    add(cell.stratum, cell);
    add("\u0000pooled", cell);
  }
  const estimate = (stratum: string): VerdictErrorEstimate => {
    const t = tally.get(stratum) ?? { eqOk: 0, eqWrong: 0, neOk: 0, neWrong: 0, excluded: 0 };
    const wrong = t.eqWrong + t.neWrong;
    const all = t.eqOk + t.eqWrong + t.neOk + t.neWrong;
    return {
      stratum: stratum === "\u0000pooled" ? "all reviewed (pooled)" : stratum,
      overall: wilsonInterval(wrong, all),
      falseEqual: wilsonInterval(t.eqWrong, t.eqOk + t.eqWrong),
      falseNotEqual: wilsonInterval(t.neWrong, t.neOk + t.neWrong),
      excluded: t.excluded,
    };
  };
  const strata = [...tally.keys()].filter((k) => k !== "\u0000pooled").sort().map(estimate);
  return { strata, pooled: estimate("\u0000pooled") };
}
