// Solution lengths in characters and in tokens, correct beside wrong.
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { VERDICT_COLORS } from "@/components/charts/palette";
import type { LengthBucketRow, LengthHistograms } from "@/lib/insights/find-length-histograms";

const SERIES = [
  { key: "correct", name: "Correct", color: VERDICT_COLORS.equal },
  { key: "wrong", name: "Wrong", color: VERDICT_COLORS.not_equal },
];

function rowsOf(buckets: LengthBucketRow[]) {
  return buckets.map((b) => ({ label: b.label, values: { correct: b.correct, wrong: b.wrong }, hrefs: { correct: b.correctHref, wrong: b.wrongHref } }));
}

export function LengthSection({ histograms }: { histograms: LengthHistograms }) {
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ChartFigure title="Solution length in characters" caption="Correct and wrong solutions per length bucket. Click a bar for those solutions.">
        {histograms.chars.length === 0 ? (
          <ChartEmpty>No solutions yet.</ChartEmpty>
        ) : (
          <LinkedBarChart slantLabels unit="solutions" xLabel="Characters" yLabel="Solutions" series={SERIES} rows={rowsOf(histograms.chars)} />
        )}
      </ChartFigure>
      <ChartFigure
        title="Solution length in tokens"
        caption={`Completion tokens as the endpoint reported them${histograms.uncountedTokens ? `; ${histograms.uncountedTokens.toLocaleString("en-US")} solutions have no count` : ""}. Click a bar for those solutions.`}
      >
        {histograms.tokens.length === 0 ? (
          <ChartEmpty>No solution has a token count yet.</ChartEmpty>
        ) : (
          <LinkedBarChart slantLabels unit="solutions" xLabel="Tokens" yLabel="Solutions" series={SERIES} rows={rowsOf(histograms.tokens)} />
        )}
      </ChartFigure>
    </div>
  );
}
