// Solutions per source, batch and model, stacked by verdict; the label carries the correct share.
// Used by the dashboard (by source) and /insights (all three).
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { VERDICT_COLORS, VERDICT_LABELS } from "@/components/charts/palette";
import type { BreakdownDimension, BreakdownRow } from "@/lib/insights/find-sample-breakdown";
import { VERDICTS } from "@/lib/solutions/solution-view";

const TITLES: Record<BreakdownDimension, string> = {
  source: "Solutions by source",
  batch: "Solutions by batch",
  model: "Solutions by model",
};

const SERIES = (["equal", "not_equal", "no_answer", "undecided", "ungraded"] as const).map((v) => ({ key: v, name: VERDICT_LABELS[v], color: VERDICT_COLORS[v] }));

export function SampleBreakdownChart({ dimension, rows }: { dimension: BreakdownDimension; rows: BreakdownRow[] }) {
  const share = (r: BreakdownRow) => (r.correctShare === null ? "not graded" : `${(r.correctShare * 100).toFixed(1)}% correct`);
  return (
    <ChartFigure title={TITLES[dimension]} caption="Stacked by verdict; the correct share is of graded solutions. Click a bar to open those solutions.">
      {rows.length === 0 ? (
        <ChartEmpty>No solutions yet.</ChartEmpty>
      ) : (
        <LinkedBarChart
          layout="horizontal-bars"
          stacked
          unit="solutions"
          xLabel="Solutions"
          yLabel={dimension === "source" ? "Source" : dimension === "batch" ? "Batch" : "Model"}
          series={SERIES}
          rows={rows.map((r) => ({
            label: `${r.label} (${share(r)})`,
            values: Object.fromEntries(VERDICTS.map((v) => [v, r.counts[v]])),
            hrefs: r.verdictHrefs,
          }))}
        />
      )}
    </ChartFigure>
  );
}
