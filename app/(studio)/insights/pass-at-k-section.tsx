// pass@k curves by source, MATH level and MATH type.
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedLineChart } from "@/components/charts/linked-line-chart";
import { SERIES_COLORS } from "@/components/charts/palette";
import type { PassAtKCurves, PassAtKSeries } from "@/lib/insights/find-pass-at-k-curves";

function Curves({ title, series, note, className }: { title: string; series: PassAtKSeries[]; note: string; className?: string }) {
  return (
    <ChartFigure title={title} caption={note} className={className}>
      {series.length === 0 ? (
        <ChartEmpty>No graded solutions for these problems yet.</ChartEmpty>
      ) : (
        <LinkedLineChart
          xLabel="k (samples drawn per problem)"
          yLabel="pass@k"
          series={series.map((s, i) => ({
            key: `s${i}`,
            name: `${s.name} (${s.problems.toLocaleString("en-US")} problems)`,
            color: SERIES_COLORS[i % SERIES_COLORS.length],
            href: s.href,
            points: s.points.map((p) => ({ x: p.k, y: p.value })),
          }))}
        />
      )}
    </ChartFigure>
  );
}

export function PassAtKSection({ curves }: { curves: PassAtKCurves }) {
  const estimator = "Unbiased estimator 1 − C(n−c, k)/C(n, k) per problem, averaged over problems with at least k solutions.";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Curves title="pass@k by source" series={curves.bySource} note={`${estimator} Click a point for the source's solutions.`} className="lg:col-span-2" />
      <Curves title="pass@k by MATH level" series={curves.byLevel} note="Problems that carry a level. A point opens the solutions of their sources." />
      <Curves title="pass@k by MATH type" series={curves.bySubject} note="Problems that carry a type (subject). A point opens the solutions of their sources." />
    </div>
  );
}
