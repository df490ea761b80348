"use client";
// One retrieval run of the Runs list. While it is queued or running it follows its Task
// (useTaskProgress): the bar moves with rate and ETA, and once the run ends the page is rendered
// again (its outcome, the funnel and the candidates change with it).
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { ProgressMeter } from "@/components/ui/progress-meter";
import type { RetrievalRun } from "@/lib/decontamination/pipeline/find-decontam-runs";
import { isOpenTaskState } from "@/lib/tasks/task-kinds";
import { CancelRetrievalButton } from "./cancel-retrieval-button";

function elapsedSeconds(run: Pick<RetrievalRun, "startedAt" | "updatedAt">): number {
  if (!run.startedAt) return 0;
  return Math.max(0, (new Date(run.updatedAt).getTime() - new Date(run.startedAt).getTime()) / 1000);
}

export function RetrievalRunItem({ run: initial, canRun }: { run: RetrievalRun; canRun: boolean }) {
  const { status } = useTaskProgress<"decontam.retrieve">(isOpenTaskState(initial.state) ? initial.id : null, { refreshOnFinish: true });
  const run = status ? { ...initial, ...status, createdBy: initial.createdBy } : initial;
  return (
    <li className="text-sm">
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
        {canRun && isOpenTaskState(run.state) && <CancelRetrievalButton taskId={run.id} />}
      </p>
    </li>
  );
}
