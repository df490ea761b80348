// "Why not gradable": solutions without a usable answer or with an undecided check, by cause,
// then by batch and model.
import Link from "next/link";
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { VERDICT_COLORS, VERDICT_LABELS } from "@/components/charts/palette";
import type { UngradableCauses } from "@/lib/insights/find-ungradable-causes";
import { solutionsLink } from "@/lib/insights/solutions-link";

export function UngradableSection({ data, setIds }: { data: UngradableCauses; setIds: number[] }) {
  const causeRows = data.causeNames.map((cause) => {
    const of = (verdict: "no_answer" | "undecided") => data.causes.find((c) => c.cause === cause && c.verdict === verdict)?.samples ?? 0;
    return {
      label: cause,
      values: { no_answer: of("no_answer"), undecided: of("undecided") },
      // The table has no rule filter: a bar opens the verdict's solutions (the rule shows in each row).
      hrefs: { no_answer: solutionsLink({ setIds, verdicts: ["no_answer"] }), undecided: solutionsLink({ setIds, verdicts: ["undecided"] }) },
    };
  });
  return (
    <ChartFigure
      title="Why not gradable"
      caption={
        <>
          Solutions without a usable answer (no answer) or whose check did not decide (undecided), by cause.{" "}
          <Link href={data.href} className="text-sky-700 hover:underline">
            Open all of them
          </Link>
          .
        </>
      }
    >
      {data.causes.length === 0 ? (
        <ChartEmpty>Every solution has a gradable answer.</ChartEmpty>
      ) : (
        <div className="space-y-4">
          <LinkedBarChart
            layout="horizontal-bars"
            stacked
            unit="solutions"
            xLabel="Solutions"
            yLabel="Cause"
            series={(["no_answer", "undecided"] as const).map((v) => ({ key: v, name: VERDICT_LABELS[v], color: VERDICT_COLORS[v] }))}
            rows={causeRows}
          />
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Not gradable by batch and model">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-3 py-2">Batch · model</th>
                  {data.causeNames.map((c) => (
                    <th key={c} className="px-3 py-2 text-right">
                      {c}
                    </th>
                  ))}
                  <th className="px-3 py-2 text-right">Total</th>
                </tr>
              </thead>
              <tbody>
                {data.byOrigin.map((o) => (
                  <tr key={`${o.batchId}-${o.model}`} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link href={o.href} className="text-sky-700 hover:underline">
                        {o.batchId === 0 ? "imported" : `#${o.batchId} ${o.batchName ?? ""}`} · {o.model || "(unknown model)"}
                      </Link>
                    </td>
                    {data.causeNames.map((c) => (
                      <td key={c} className="px-3 py-2 text-right tabular-nums">
                        {(o.causes[c] ?? 0).toLocaleString("en-US")}
                      </td>
                    ))}
                    <td className="px-3 py-2 text-right font-medium tabular-nums">{o.total.toLocaleString("en-US")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </ChartFigure>
  );
}
