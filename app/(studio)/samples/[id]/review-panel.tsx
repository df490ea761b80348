"use client";
// A reviewer's decision on this solution (accept / reject / unsure, with a note), its history, and
// undo of one's own standing decision. Viewers see the history only.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { annotate, undoDecision } from "../../review/actions";
import { StatusBadge } from "../../solutions/status-badge";

interface AnnotationView {
  id: number;
  decision: string;
  note: string | null;
  at: string;
  supersededAt: string | null;
  userId: number | null;
  reviewer: string;
  queue: { id: number; name: string } | null;
}

export function ReviewPanel({ sampleId, canAnnotate, userId, annotations }: { sampleId: number; canAnnotate: boolean; userId: number; annotations: AnnotationView[] }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (decision: "accepted" | "rejected" | "unsure") =>
    startTransition(async () => {
      const result = await annotate({ sampleId, decision, note });
      if (!result.ok) setError(result.error);
      else {
        setError(null);
        setNote("");
        router.refresh();
      }
    });
  const undo = (annotationId: number) =>
    startTransition(async () => {
      const result = await undoDecision({ annotationId });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  const myStanding = annotations.find((a) => a.userId === userId && !a.supersededAt);
  return (
    <section aria-label="Review" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-700">Review</h2>
      {canAnnotate && (
        <div className="space-y-2">
          <label className="block text-sm">
            Note (optional)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
          </label>
          <div className="flex gap-2">
            <button type="button" disabled={pending} onClick={() => decide("accepted")} className="rounded bg-emerald-700 px-3 py-1 text-sm text-white disabled:opacity-50">
              Accept
            </button>
            <button type="button" disabled={pending} onClick={() => decide("rejected")} className="rounded bg-rose-700 px-3 py-1 text-sm text-white disabled:opacity-50">
              Reject
            </button>
            <button type="button" disabled={pending} onClick={() => decide("unsure")} className="rounded bg-amber-600 px-3 py-1 text-sm text-white disabled:opacity-50">
              Unsure
            </button>
            {myStanding && (
              <button type="button" disabled={pending} onClick={() => undo(myStanding.id)} className="ml-auto rounded border border-slate-300 px-3 py-1 text-sm">
                Undo my decision
              </button>
            )}
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      {annotations.length === 0 ? (
        <p className="text-sm text-slate-600">Not reviewed yet.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Review history">
          {annotations.map((a) => (
            <li key={a.id} className={a.supersededAt ? "text-slate-400 line-through" : ""}>
              <StatusBadge value={a.decision} /> by {a.reviewer} on {a.at.slice(0, 16).replace("T", " ")}
              {a.queue ? ` in queue "${a.queue.name}"` : ""}
              {a.note ? ` — ${a.note}` : ""}
              {a.supersededAt ? " (undone)" : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
