// "Why not gradable": solutions without a usable answer or with an undecided check, by cause,
// then by batch and model.
import Link from "next/link";
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { VERDICT_COLORS, VERDICT_LABELS } from "@/components/charts/palette";
import { DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { formatInteger } from "@/lib/format";
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
          <DataTable
            label="Not gradable by batch and model"
            variant="plain"
            columns={[{ header: "Batch · model" }, ...data.causeNames.map(numberColumn), numberColumn("Total")]}
          >
            {data.byOrigin.map((o) => (
              <Row key={`${o.batchId}-${o.model}`}>
                <Td>
                  <Link href={o.href} className="text-sky-700 hover:underline">
                    {o.batchId === 0 ? "imported" : `#${o.batchId} ${o.batchName ?? ""}`} · {o.model || "(unknown model)"}
                  </Link>
                </Td>
                {data.causeNames.map((c) => (
                  <Td key={c} align="right" className="tabular-nums">
                    {formatInteger(o.causes[c] ?? 0)}
                  </Td>
                ))}
                <NumTd className="font-medium">{formatInteger(o.total)}</NumTd>
              </Row>
            ))}
          </DataTable>
        </div>
      )}
    </ChartFigure>
  );
}
