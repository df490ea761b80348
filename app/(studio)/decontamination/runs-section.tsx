// Recent retrieval runs (Task rows: each follows its Task while it runs, with rate and ETA, and
// renders the page again when it ends) and judge batches (answers so far; batches are not Tasks,
// so the page refreshes itself while one runs).
import Link from "next/link";
import type { JudgeRun, RetrievalRun } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { AutoRefresh } from "../_dashboard/auto-refresh";
import { RetrievalRunItem } from "./retrieval-run-item";

const ACTIVE = new Set(["queued", "running"]);

export function RunsSection({ retrievals, judges, canRun }: { retrievals: RetrievalRun[]; judges: JudgeRun[]; canRun: boolean }) {
  const judging = judges.some((j) => ACTIVE.has(j.state));
  return (
    <section aria-labelledby="runs-heading" className="space-y-3">
      <h2 id="runs-heading" className="text-sm font-semibold text-slate-700">
        Runs
      </h2>
      {judging && <AutoRefresh everyMs={2000} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="text-sm font-semibold text-slate-800">Retrieval</h3>
          {retrievals.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No retrieval run yet.</p>
          ) : (
            <ul className="mt-2 space-y-3" aria-label="Retrieval runs">
              {retrievals.map((run) => (
                <RetrievalRunItem key={run.id} run={run} canRun={canRun} />
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
