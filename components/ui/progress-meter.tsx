// A labelled progress bar with counts, rate and ETA, for long work the page polls (imports,
// exports, grading). With no total it shows counts and rate only.
import { formatDuration } from "@/lib/format";

export function ProgressMeter({
  label,
  done,
  total,
  unit,
  elapsedSeconds,
  detail,
}: {
  label: string;
  done: number;
  total: number | null;
  unit: string;
  elapsedSeconds: number;
  detail?: string;
}) {
  const fraction = total && total > 0 ? Math.min(1, done / total) : null;
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = fraction !== null && rate > 0 && total ? (total - done) / rate : Number.NaN;
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-xs text-slate-600">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="tabular-nums">{fraction === null ? "" : `${(fraction * 100).toFixed(1)}%`}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-slate-800 transition-[width]" style={{ width: `${(fraction ?? 0) * 100}%` }} />
      </div>
      <p className="text-xs tabular-nums text-slate-600">
        {n(done)}
        {total ? ` / ${n(total)}` : ""} {unit} · {n(rate)} {unit}/s{fraction !== null ? ` · ETA ${formatDuration(eta)}` : ""}
        {detail ? ` · ${detail}` : ""}
      </p>
    </div>
  );
}

/** What a background Task's status says of its progress (lib/tasks/task-status.ts). */
export interface TaskProgress {
  done: number;
  total: number | null;
  startedAt: string | null;
  message: string | null;
}

/** The meter of a background Task: counts, rate since the task started, and its latest message
 * (`detail={null}` leaves the message out). */
export function TaskProgressMeter({ task, label, unit, detail = task.message }: { task: TaskProgress; label: string; unit: string; detail?: string | null }) {
  const elapsedSeconds = task.startedAt ? (Date.now() - new Date(task.startedAt).getTime()) / 1000 : 0;
  return <ProgressMeter label={label} done={task.done} total={task.total} unit={unit} elapsedSeconds={elapsedSeconds} detail={detail ?? undefined} />;
}
