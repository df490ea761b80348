"use client";
// A reviewer's decision on this solution (accept / reject / unsure, with a note), its history, and
// undo of one's own standing decision. Viewers see the history only.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Field, Textarea } from "@/components/ui/field";
import { annotate, undoSolutionReview } from "../../review/actions";
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
      const result = await undoSolutionReview({ annotationId });
      if (!result.ok) setError(result.error);
      else router.refresh();
    });
  const myStanding = annotations.find((a) => a.userId === userId && !a.supersededAt);
  return (
    <section aria-label="Review" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-700">Review</h2>
      {canAnnotate && (
        <div className="space-y-2">
          <Field label="Note (optional)">
            <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          </Field>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => decide("accepted")} variant="success">
              Accept
            </Button>
            <Button disabled={pending} onClick={() => decide("rejected")} variant="danger">
              Reject
            </Button>
            <Button disabled={pending} onClick={() => decide("unsure")} variant="warning">
              Unsure
            </Button>
            {myStanding && (
              <Button disabled={pending} onClick={() => undo(myStanding.id)} className="ml-auto">
                Undo my decision
              </Button>
            )}
          </div>
        </div>
      )}
      {error && (
        <Alert tone="error">
          {error}
        </Alert>
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
