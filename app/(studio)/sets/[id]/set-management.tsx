"use client";
// Rename, archive and delete for curators. Deleting asks for the set's name after showing what
// goes (solutions, problems, batches, review rows, decontamination evidence, other sets' seeds),
// then follows the deletion task with a progress bar until the set is gone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { ProgressMeter } from "@/components/ui/progress-meter";
import type { SetDeletionPreview } from "@/lib/datasets/sets/delete-set";
import { archiveSetAction, deleteSetAction, previewSetDeletionAction, renameSetAction } from "./actions";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50";
const DANGER = "rounded-md bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800 disabled:opacity-50";
const n = (x: number, capped: boolean) => `${x.toLocaleString("en-US")}${capped && x > 100_000 ? "+" : ""}`;

function DeletionList({ p }: { p: SetDeletionPreview }) {
  const items: [number, string][] = [
    [p.solutions, "solutions"],
    [p.problems, "problems"],
    [p.batches, "generation batches (with their requests)"],
    [p.reviewRows, "review items and annotations on these solutions"],
    [p.candidates, "decontamination candidates (evidence) naming these problems"],
    [p.otherSetRequests, "requests of batches in other sets that used these problems as seeds"],
  ];
  return (
    <ul className="list-disc space-y-0.5 pl-5 text-sm">
      {items.map(([count, what]) => (
        <li key={what} className={count > 0 ? "text-slate-900" : "text-slate-400"}>
          <strong className="tabular-nums">{n(count, p.capped)}</strong> {what}
        </li>
      ))}
      {p.orphanedChildren > 0 && (
        <li>
          <strong className="tabular-nums">{n(p.orphanedChildren, p.capped)}</strong> problems of other sets stay, without their parent here
        </li>
      )}
    </ul>
  );
}

export function SetManagement({ setId, name, archived }: { setId: number; name: string; archived: boolean }) {
  const router = useRouter();
  const [newName, setNewName] = useState(name);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<SetDeletionPreview | null>(null);
  const [confirmName, setConfirmName] = useState("");
  // The deletion started here: its id and size, until the first poll answers.
  const [started, setStarted] = useState<{ id: number; total: number } | null>(null);
  const { status } = useTaskProgress<"set-delete">(started?.id ?? null);
  const task = status ?? (started && { id: started.id, state: "queued" as const, done: 0, total: started.total, message: null, error: null, startedAt: null });

  async function run<T>(action: () => Promise<{ ok: true; data: T } | { ok: false; error: string }>, done: (data: T) => void) {
    setBusy(true);
    setMessage(null);
    const result = await action();
    setBusy(false);
    if (result.ok) done(result.data);
    else setMessage(result.error);
  }

  const elapsed = task?.startedAt ? (Date.now() - Date.parse(task.startedAt)) / 1000 : 0;
  return (
    <section aria-label="Manage this set" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-700">Manage this set</h2>
      {message && (
        <p role="alert" className="rounded bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {message}
        </p>
      )}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => renameSetAction({ setId, name: newName }), () => router.refresh());
        }}
      >
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">Name</span>
          <input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} className="w-96 rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className={BUTTON} disabled={busy || newName.trim() === name}>
          Rename
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={BUTTON} disabled={busy} onClick={() => void run(() => archiveSetAction({ setId, archived: !archived }), () => router.refresh())}>
          {archived ? "Unarchive" : "Archive"}
        </button>
        <span className="text-xs text-slate-500">Archived sets keep every row but leave the solution filters and the launch form.</span>
      </div>
      {!task && !preview && (
        <button type="button" className={DANGER} disabled={busy} onClick={() => void run(() => previewSetDeletionAction({ setId }), setPreview)}>
          Delete this set…
        </button>
      )}
      {preview && !task && (
        <div role="dialog" aria-label="Delete this set" className="space-y-3 rounded-md border border-rose-200 bg-rose-50/50 p-3">
          <p className="text-sm font-medium">Deleting "{preview.name}" removes, for good:</p>
          <DeletionList p={preview} />
          <label className="flex flex-col text-sm">
            <span>Type the set's name to confirm</span>
            <input value={confirmName} onChange={(e) => setConfirmName(e.target.value)} className="w-96 rounded-md border border-slate-300 px-2 py-1.5" aria-label="Set name to confirm" />
          </label>
          <div className="flex gap-2">
            <button
              type="button"
              className={DANGER}
              disabled={busy || confirmName.trim() !== preview.name}
              onClick={() =>
                void run(
                  () => deleteSetAction({ setId, confirmName }),
                  (data) => setStarted({ id: data.taskId, total: preview.solutions + preview.problems }),
                )
              }
            >
              Delete set
            </button>
            <button type="button" className={BUTTON} onClick={() => setPreview(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {task && (
        <div className="space-y-2" data-testid="set-deletion">
          <ProgressMeter label={`Deleting (task #${task.id}): ${task.state}`} done={task.done} total={task.total} unit="rows" elapsedSeconds={elapsed} detail={task.message ?? undefined} />
          {task.state === "completed" && (
            <p role="status" className="text-sm text-emerald-800">
              The set is gone. <a href="/sets" className="underline">Back to the problem sets</a>
            </p>
          )}
          {task.state === "failed" && <p role="alert" className="text-sm text-rose-800">{task.error}</p>}
        </div>
      )}
    </section>
  );
}
