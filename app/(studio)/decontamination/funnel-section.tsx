// The funnel per benchmark set (and over all of them): one horizontal bar per stage, each bar a
// link to the review queue filtered to exactly the problems it counts; the same numbers as a
// table of links for keyboards and screen readers; the report as JSON or Markdown.
import Link from "next/link";
import { ChartEmpty, ChartFigure } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { OKABE_ITO } from "@/components/charts/palette";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, RowHeader, Td } from "@/components/ui/data-table";
import { type DecontamReport, FUNNEL_STAGES, type ReportRow, STAGE_TITLES } from "@/lib/decontamination/report/decontam-report";
import { stageQueueFilter } from "@/lib/decontamination/report/stage-queue-filter";
import { reviewFilterQuery } from "@/lib/decontamination/review/review-filter";
import { formatInteger } from "@/lib/format";

const stageHref = (stage: (typeof FUNNEL_STAGES)[number], row: ReportRow) => `/decontamination/review${reviewFilterQuery(stageQueueFilter(stage, row.benchmarkSetId))}`;

const FUNNEL_COLUMNS: DataColumn[] = [
  { header: "Benchmark set" },
  ...FUNNEL_STAGES.map((stage) => numberColumn(STAGE_TITLES[stage])),
  numberColumn("Awaiting review"),
];

function Funnel({ row, title }: { row: ReportRow; title: string }) {
  return (
    <ChartFigure
      title={title}
      id={`funnel-${row.benchmarkSetId ?? "all"}`}
      caption="Problems at each stage of decontamination. Click a bar to open those problems in the review queue."
    >
      {row.checked === 0 && row.candidates === 0 ? (
        <ChartEmpty>No retrieval run against this set yet.</ChartEmpty>
      ) : (
        <LinkedBarChart
          layout="horizontal-bars"
          unit="problems"
          xLabel="Problems"
          yLabel="Stage"
          series={[{ key: "problems", name: "Problems", color: OKABE_ITO.blue }]}
          rows={FUNNEL_STAGES.map((stage) => ({ label: STAGE_TITLES[stage], values: { problems: row[stage] }, hrefs: { problems: stageHref(stage, row) } }))}
        />
      )}
    </ChartFigure>
  );
}

export function FunnelSection({ report }: { report: DecontamReport }) {
  const rows = [...report.rows, report.total];
  return (
    <section aria-labelledby="funnel-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="funnel-heading" className="text-sm font-semibold text-slate-700">
          Funnel per benchmark set
        </h2>
        <p className="text-xs text-slate-600">
          Counted {report.generatedAt.slice(11, 19)} UTC. Close pair: exact, or score ≥ {report.threshold}. Download the report:{" "}
          <a className="text-sky-700 hover:underline" href="/api/decontamination/report?format=json">
            JSON
          </a>{" "}
          ·{" "}
          <a className="text-sky-700 hover:underline" href="/api/decontamination/report?format=md">
            Markdown
          </a>
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {report.rows.map((row) => (
          <Funnel key={row.benchmarkSetId} row={row} title={`Against ${row.benchmarkSet}`} />
        ))}
        <Funnel row={report.total} title="All benchmark sets (distinct problems)" />
      </div>
      <DataTable label="Decontamination funnel" columns={FUNNEL_COLUMNS}>
        {rows.map((row) => (
          <Row key={row.benchmarkSetId ?? "all"}>
            <RowHeader>{row.benchmarkSet ?? "All sets"}</RowHeader>
            {FUNNEL_STAGES.map((stage) => (
              <Td key={stage} align="right" className="tabular-nums">
                <Link className="text-sky-700 hover:underline" href={stageHref(stage, row)} aria-label={`${STAGE_TITLES[stage]} against ${row.benchmarkSet ?? "all sets"}: ${row[stage]} problems`}>
                  {formatInteger(row[stage])}
                </Link>
              </Td>
            ))}
            <NumTd>{formatInteger(row.awaitingReview)}</NumTd>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
