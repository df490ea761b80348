// How often the automatic verdict is wrong according to reviewers, per stratum, with Wilson 95%
// confidence intervals.
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import type { summarizeVerdictErrors } from "@/lib/review/summarize-verdict-errors";
import type { ProportionEstimate } from "@/lib/review/wilson-interval";

const COLUMNS: DataColumn[] = [{ header: "Stratum" }, { header: "Wrong verdicts" }, { header: "Equal but rejected" }, { header: "Not equal but accepted" }, numberColumn("Excluded")];

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);

function Estimate({ e }: { e: ProportionEstimate }) {
  if (e.trials === 0) return <span className="text-slate-400">no data</span>;
  return (
    <span className="tabular-nums">
      {pct(e.rate)} <span className="text-xs text-slate-500">[{pct(e.low)}, {pct(e.high)}]</span>
      <span className="block text-xs text-slate-500">
        {e.successes} of {e.trials}
      </span>
    </span>
  );
}

export function ErrorEstimateTable({ estimate }: { estimate: ReturnType<typeof summarizeVerdictErrors> }) {
  const rows = [...estimate.strata, estimate.pooled];
  return (
    <section aria-labelledby="error-estimate">
      <h2 id="error-estimate" className="mb-1 text-sm font-semibold text-slate-700">
        How often the automatic verdict is wrong
      </h2>
      <p className="mb-2 text-xs text-slate-600">
        From reviewed solutions: graded <em>equal</em> but rejected, or graded <em>not equal</em> but accepted. Rates with Wilson 95% confidence intervals. Unsure reviews and
        undecided/ungraded verdicts are left out (counted under “excluded”). The pooled row weights strata by how many items were reviewed, not by their size.
      </p>
      <DataTable label="Verdict error estimate" columns={COLUMNS}>
        {rows.map((row) => (
          <Row key={row.stratum} className="align-top">
            <Td>{row.stratum}</Td>
            <Td>
              <Estimate e={row.overall} />
            </Td>
            <Td>
              <Estimate e={row.falseEqual} />
            </Td>
            <Td>
              <Estimate e={row.falseNotEqual} />
            </Td>
            <NumTd>{row.excluded}</NumTd>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
