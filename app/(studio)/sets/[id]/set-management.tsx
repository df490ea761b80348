"use client";
// Rename, archive and delete for curators. Deleting asks for the set's name after showing what
// goes (solutions, problems, batches, review rows, decontamination evidence, other sets' seeds),
// then follows the deletion task with a progress bar until the set is gone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { TaskProgressMeter } from "@/components/ui/progress-meter";
import type { SetDeletionPreview } from "@/lib/datasets/sets/delete-set";
import { Alert } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { type RunResult, useAction } from "@/components/ui/use-action";
import { archiveSetAction, deleteSetAction, previewSetDeletionAction, renameSetAction } from "./actions";

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
  const action = useAction();
  const { pending: busy, error: message } = action;
  const [preview, setPreview] = useState<SetDeletionPreview | null>(null);
  const [confirmName, setConfirmName] = useState("");
  // The deletion started here: its id and size, until the first poll answers.
  const [started, setStarted] = useState<{ id: number; total: number } | null>(null);
  const { status } = useTaskProgress<"set-delete">(started?.id ?? null);
  const task = status ?? (started && { id: started.id, state: "queued" as const, done: 0, total: started.total, message: null, error: null, startedAt: null });

  async function run<T>(call: () => Promise<RunResult<T>>, done: (data: T) => void) {
    const data = await action.run(call);
    if (data !== null) done(data);
  }

  return (
    <section aria-label="Manage this set" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-700">Manage this set</h2>
      {message && (
        <Alert tone="error" banner>
          {message}
        </Alert>
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
          <Input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} className="w-96" />
        </label>
        <Button type="submit" disabled={busy || newName.trim() === name}>
          Rename
        </Button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <Button disabled={busy} onClick={() => void run(() => archiveSetAction({ setId, archived: !archived }), () => router.refresh())}>
          {archived ? "Unarchive" : "Archive"}
        </Button>
        <span className="text-xs text-slate-500">Archived sets keep every row but leave the solution filters and the launch form.</span>
      </div>
      {!task && !preview && (
        <Button disabled={busy} onClick={() => void run(() => previewSetDeletionAction({ setId }), setPreview)} variant="danger">
          Delete this set…
        </Button>
      )}
      {preview && !task && (
        <div role="dialog" aria-label="Delete this set" className="space-y-3 rounded-md border border-rose-200 bg-rose-50/50 p-3">
          <p className="text-sm font-medium">Deleting "{preview.name}" removes, for good:</p>
          <DeletionList p={preview} />
          <Field label="Type the set's name to confirm">
            <Input value={confirmName} onChange={(e) => setConfirmName(e.target.value)} className="w-96" aria-label="Set name to confirm" />
          </Field>
          <div className="flex gap-2">
            <Button
              disabled={busy || confirmName.trim() !== preview.name}
              onClick={() =>
                void run(
                  () => deleteSetAction({ setId, confirmName }),
                  (data) => setStarted({ id: data.taskId, total: preview.solutions + preview.problems }),
                )
              }
              variant="danger"
            >
              Delete set
            </Button>
            <Button onClick={() => setPreview(null)}>
              Keep it
            </Button>
          </div>
        </div>
      )}
      {task && (
        <div className="space-y-2" data-testid="set-deletion">
          <TaskProgressMeter label={`Deleting (task #${task.id}): ${task.state}`} task={task} unit="rows" />
          {task.state === "completed" && (
            <Alert tone="success">
              The set is gone. <a href="/sets" className="underline">Back to the problem sets</a>
            </Alert>
          )}
          {task.state === "failed" && <Alert tone="error">{task.error}</Alert>}
        </div>
      )}
    </section>
  );
}
