// pass@k curves over generated solutions: by source, MATH level and type, set, model and batch.
// Every point states its denominator (problems with at least k graded generated solutions).
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedLineChart } from "@/components/charts/linked-line-chart";
import { SERIES_COLORS } from "@/components/charts/palette";
import type { PassAtKCurves, PassAtKSeries } from "@/lib/insights/find-pass-at-k-curves";

const percent = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);

/** The numbers behind the chart: pass@k and how many problems each point averages over. */
function Denominators({ series }: { series: PassAtKSeries[] }) {
  return (
    <ul className="mt-2 space-y-0.5 text-xs text-slate-600" aria-label="pass@k and problems per point">
      {series.map((s) => (
        <li key={s.name}>
          <span className="font-medium text-slate-800">{s.name}:</span>{" "}
          {s.points.map((p, i) => (
            <span key={p.k} data-k={p.k} data-problems={p.problems}>
              {i > 0 && " · "}pass@{p.k} {percent(p.value)} of {p.problems.toLocaleString("en-US")}
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

function Curves({ title, series, note, className }: { title: string; series: PassAtKSeries[]; note: string; className?: string }) {
  return (
    <ChartFigure title={title} caption={note} className={className}>
      {series.length === 0 ? (
        <ChartEmpty>No graded generated solutions for these problems yet.</ChartEmpty>
      ) : (
        <>
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
          <Denominators series={series} />
        </>
      )}
    </ChartFigure>
  );
}

export function PassAtKSection({ curves }: { curves: PassAtKCurves }) {
  const estimator =
    "Generated solutions only, graded ones: n and c per problem, unbiased estimator 1 − C(n−c, k)/C(n, k), averaged over the problems with at least k graded solutions (\"of N\" below each chart).";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Curves title="pass@k by model" series={curves.byModel} note={`${estimator} n counts a problem's solutions by that model across batches.`} />
      <Curves title="pass@k by batch" series={curves.byBatch} note="n counts a problem's solutions in that batch. A point opens the batch's solutions." />
      <Curves title="pass@k by set" series={curves.bySet} note="n counts all generated solutions of a problem, every model together." />
      <Curves title="pass@k by source" series={curves.bySource} note="As by set, per problem source. Click a point for the source's generated solutions." />
      <Curves title="pass@k by MATH level" series={curves.byLevel} note="Problems that carry a level. A point opens the solutions of their sources." />
      <Curves title="pass@k by MATH type" series={curves.bySubject} note="Problems that carry a type (subject). A point opens the solutions of their sources." />
    </div>
  );
}
