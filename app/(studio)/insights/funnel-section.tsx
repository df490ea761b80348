// A compact decontamination funnel per checked set (the full view is /decontamination).
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { OKABE_ITO } from "@/components/charts/palette";
import type { SetFunnel } from "@/lib/insights/find-contamination-funnel";

export function FunnelSection({ funnels }: { funnels: SetFunnel[] }) {
  return (
    <ChartFigure
      title="Decontamination funnel"
      caption="Per set: all problems, checked against the benchmarks, with a retrieval candidate, flagged (judge or exact match), decided contaminated. Click a bar for those problems' solutions."
    >
      {funnels.length === 0 ? (
        <ChartEmpty>No seed or synthetic problems yet.</ChartEmpty>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {funnels.map((f) => (
            <div key={f.setId}>
              <p className="text-xs font-medium text-slate-700">{f.setName}</p>
              <LinkedBarChart
                layout="horizontal-bars"
                unit="problems"
                xLabel="Problems"
                yLabel="Stage"
                series={[{ key: "problems", name: f.setName, color: OKABE_ITO.skyBlue }]}
                rows={f.stages.map((s) => ({ label: s.name, values: { problems: s.problems }, hrefs: { problems: s.href } }))}
              />
            </div>
          ))}
        </div>
      )}
    </ChartFigure>
  );
}
