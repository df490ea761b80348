// Recent retrieval runs (Task rows: progress with rate and ETA while running, the outcome after)
// and judge batches (answers so far). The page refreshes itself while something runs.
import Link from "next/link";
import { ProgressMeter } from "@/components/ui/progress-meter";
import type { JudgeRun, RetrievalRun } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { AutoRefresh } from "./auto-refresh";
import { CancelRetrievalButton } from "./cancel-retrieval-button";

const ACTIVE = new Set(["queued", "running"]);

function elapsedSeconds(run: RetrievalRun): number {
  if (!run.startedAt) return 0;
  return Math.max(0, (new Date(run.updatedAt).getTime() - new Date(run.startedAt).getTime()) / 1000);
}

export function RunsSection({ retrievals, judges, canRun }: { retrievals: RetrievalRun[]; judges: JudgeRun[]; canRun: boolean }) {
  const active = retrievals.some((r) => ACTIVE.has(r.state)) || judges.some((j) => ACTIVE.has(j.state));
  return (
    <section aria-labelledby="runs-heading" className="space-y-3">
      <h2 id="runs-heading" className="text-sm font-semibold text-slate-700">
        Runs
      </h2>
      {active && <AutoRefresh seconds={2} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-800">Retrieval</h3>
          {retrievals.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No retrieval run yet.</p>
          ) : (
            <ul className="mt-2 space-y-3" aria-label="Retrieval runs">
              {retrievals.map((run) => (
                <li key={run.id} className="text-sm">
                  {run.state === "running" ? (
                    <ProgressMeter label={`#${run.id} ${run.label}`} done={run.done} total={run.total} unit="problems" elapsedSeconds={elapsedSeconds(run)} />
                  ) : (
                    <>
                      <p className="font-medium text-slate-800">
                        #{run.id} {run.label} <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{run.state}</span>
                      </p>
                      <p className="text-xs text-slate-600">{run.error ?? run.message ?? (run.state === "queued" ? "waiting for a worker (npm start, or npx boxed worker)" : "")}</p>
                    </>
                  )}
                  <p className="text-xs text-slate-500">
                    {run.createdBy ? `by ${run.createdBy} · ` : "from the CLI · "}
                    {(run.finishedAt ?? run.updatedAt).slice(0, 16).replace("T", " ")}
                    {canRun && ACTIVE.has(run.state) && <CancelRetrievalButton taskId={run.id} />}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-800">LLM judge</h3>
          {judges.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No judge batch yet.</p>
          ) : (
            <ul className="mt-2 space-y-3" aria-label="Judge batches">
              {judges.map((b) => (
                <li key={b.id} className="text-sm">
                  <Link href={`/batches/${b.id}`} className="font-medium text-sky-700 hover:underline">
                    #{b.id} {b.name}
                  </Link>{" "}
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{b.state}</span>
                  <p className="text-xs tabular-nums text-slate-600">
                    {(b.doneCount + b.failedCount).toLocaleString("en-US")} / {b.requestCount.toLocaleString("en-US")} requests · True {b.judge?.true ?? 0} · False {b.judge?.false ?? 0} ·
                    failed {b.judge?.failed ?? 0}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
