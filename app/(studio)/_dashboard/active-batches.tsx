// Queued, running and paused batches with live progress and the last half hour's throughput, and
// the batches that failed in the last day with the reason.
import Link from "next/link";
import { ChartEmpty } from "@/components/charts/chart-figure";
import { LinkedBarChart } from "@/components/charts/linked-bar-chart";
import { OKABE_ITO } from "@/components/charts/palette";
import { ShareBar } from "@/components/ui/share-bar";
import type { RoleName } from "@/lib/auth/permissions";
import { type ActiveBatch, batchPath, THROUGHPUT_MINUTES } from "@/lib/dashboard/find-active-batches";
import { FAILED_WINDOW_HOURS, type FailedBatch } from "@/lib/dashboard/find-failed-batches";
import { formatInteger } from "@/lib/format";
import { solutionsLink } from "@/lib/insights/solutions-link";
import { Section } from "@/components/ui/section";
import { LaunchBatchLink } from "../batches/launch-batch-link";

function FailedBatches({ batches }: { batches: FailedBatch[] }) {
  if (batches.length === 0) return null;
  return (
    <section aria-label="Failed batches" className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm">
      <h3 className="font-semibold text-rose-900">Failed in the last {FAILED_WINDOW_HOURS} hours: every request failed</h3>
      <ul className="mt-1 space-y-1">
        {batches.map((b) => (
          <li key={b.id} className="text-rose-900">
            <Link href={batchPath(b.id)} className="font-medium text-rose-800 underline">
              #{b.id} {b.name}
            </Link>{" "}
            <span className="text-xs text-rose-800">
              ({b.kind} · {b.model} · {b.setName}) — <span data-testid="failed-batch-reason">{b.reason}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ActiveBatches({ batches, failed = [], role }: { batches: ActiveBatch[]; failed?: FailedBatch[]; role: RoleName }) {
  return (
    <Section id="active-batches" title="Running batches" actions={<LaunchBatchLink role={role} />}>
      <FailedBatches batches={failed} />
      {batches.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">No batch is queued, running or paused.</p>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {batches.map((b) => (
            <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex items-baseline justify-between gap-2">
                <Link href={batchPath(b.id)} className="truncate font-medium text-sky-700 hover:underline">
                  #{b.id} {b.name}
                </Link>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{b.state}</span>
              </div>
              <p className="mt-0.5 text-xs text-slate-600">
                {b.kind} · {b.model} · {b.setName}
              </p>
              <div className="mt-2 flex items-center gap-3 text-xs text-slate-700">
                <ShareBar value={b.doneCount} total={b.requestCount} label={`Progress of batch ${b.name}`} />
                <span className="tabular-nums">
                  {formatInteger(b.doneCount)} / {formatInteger(b.requestCount)} done · {formatInteger(b.failedCount)} failed · {formatInteger(b.correctCount)} correct
                </span>
              </div>
              <div className="mt-2">
                {b.throughput.every((m) => m.samples === 0 && m.failed === 0) ? (
                  <ChartEmpty>Nothing written in the last {THROUGHPUT_MINUTES} minutes.</ChartEmpty>
                ) : (
                  <LinkedBarChart
                    height={150}
                    unit="per minute"
                    xLabel="Minutes ago"
                    yLabel="Per minute"
                    series={[
                      { key: "samples", name: "Solutions", color: OKABE_ITO.blue },
                      { key: "failed", name: "Failed requests", color: OKABE_ITO.vermillion },
                    ]}
                    rows={b.throughput.map((m) => ({
                      label: m.minutesAgo === 0 ? "now" : `-${m.minutesAgo}`,
                      values: { samples: m.samples, failed: m.failed },
                      hrefs: { samples: solutionsLink({ batchIds: [b.id] }), failed: batchPath(b.id) },
                    }))}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
