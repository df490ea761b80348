// How many synthetic problems reach each level of majority agreement.
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { OKABE_ITO } from "@/components/charts/palette";
import type { AgreementHistogram } from "@/lib/insights/find-agreement-histogram";

export function AgreementSection({ histogram }: { histogram: AgreementHistogram }) {
  const voted = histogram.rows.reduce((s, r) => s + r.problems, 0);
  return (
    <ChartFigure
      title="Majority agreement of synthetic problems"
      caption={`Share of a problem's answers that agree with its majority-vote label. ${histogram.unvoted ? `${histogram.unvoted.toLocaleString("en-US")} problems have no vote yet. ` : ""}Click a bar for the solutions of those problems.`}
    >
      {voted === 0 ? (
        <ChartEmpty>No synthetic problem has a majority vote yet.</ChartEmpty>
      ) : (
        <LinkedBarChart
          unit="problems"
          xLabel="Agreement with the majority answer"
          yLabel="Problems"
          series={[{ key: "problems", name: "Problems", color: OKABE_ITO.blue }]}
          rows={histogram.rows.map((r) => ({ label: r.label, values: { problems: r.problems }, hrefs: { problems: r.href } }))}
        />
      )}
    </ChartFigure>
  );
}
