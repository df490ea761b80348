// How often the automatic verdict is wrong according to reviewers, per stratum, with Wilson 95%
// confidence intervals.
import type { summarizeVerdictErrors } from "@/lib/review/summarize-verdict-errors";
import type { ProportionEstimate } from "@/lib/review/wilson-interval";

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
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-label="Verdict error estimate">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">Stratum</th>
            <th className="px-3 py-2">Wrong verdicts</th>
            <th className="px-3 py-2">Equal but rejected</th>
            <th className="px-3 py-2">Not equal but accepted</th>
            <th className="px-3 py-2 text-right">Excluded</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stratum} className="border-t border-slate-100 align-top">
              <td className="px-3 py-1.5">{row.stratum}</td>
              <td className="px-3 py-1.5">
                <Estimate e={row.overall} />
              </td>
              <td className="px-3 py-1.5">
                <Estimate e={row.falseEqual} />
              </td>
              <td className="px-3 py-1.5">
                <Estimate e={row.falseNotEqual} />
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{row.excluded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
