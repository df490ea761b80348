"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ResultMessage } from "@/components/ui/alert";
import { Input } from "@/components/ui/field";
import { assignReviewQueue } from "./actions";

export function AssignQueueForm({
  queueId,
  reviewers,
  assigned,
  perItem,
}: {
  queueId: number;
  reviewers: { id: number; email: string; name: string | null; role: string }[];
  assigned: number[];
  perItem: number;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await assignReviewQueue({
      queueId,
      reviewerIds: form.getAll("reviewer").map(Number),
      perItem: Number(form.get("perItem")),
    });
    setPending(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return;
    }
    setMessage({ ok: true, text: `Assigned ${result.data.items.toLocaleString("en-US")} items (${result.data.rows.toLocaleString("en-US")} new assignments).` });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label="Assign the queue" className="space-y-2 border-t border-slate-100 pt-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Reviewers</legend>
        {reviewers.length === 0 && <p className="text-sm text-slate-600">No active user with the reviewer role yet.</p>}
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {reviewers.map((r) => (
            <label key={r.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="reviewer" value={r.id} defaultChecked={assigned.includes(r.id)} />
              {r.name ?? r.email} <span className="text-xs text-slate-500">({r.role})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        Reviewers per item
        <Input name="perItem" type="number" min={1} max={5} defaultValue={perItem} className="w-16" />
      </label>
      <p className="text-xs text-slate-500">Finished reviews stay with whoever did them; open items are dealt out again and claims in progress are released.</p>
      <Button type="submit" disabled={pending} variant="primary">
        {pending ? "Assigning…" : "Assign"}
      </Button>
      <ResultMessage message={message} />
    </form>
  );
}
