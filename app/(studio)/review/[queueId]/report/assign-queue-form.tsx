"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ResultMessage } from "@/components/ui/alert";
import { CheckField, FieldGroup, Input } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
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
  const { pending, error, run } = useAction();
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(null);
    const assigned = await run(() => assignReviewQueue({ queueId, reviewerIds: form.getAll("reviewer").map(Number), perItem: Number(form.get("perItem")) }));
    if (!assigned) return;
    setDone(`Assigned ${assigned.items.toLocaleString("en-US")} items (${assigned.rows.toLocaleString("en-US")} new assignments).`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label="Assign the queue" className="space-y-2 border-t border-slate-100 pt-3">
      <FieldGroup legend="Reviewers" className="flex flex-wrap gap-x-4 gap-y-1">
        {reviewers.length === 0 && <p className="text-sm text-slate-600">No active user with the reviewer role yet.</p>}
        {reviewers.map((r) => (
          <CheckField key={r.id} type="checkbox" name="reviewer" value={r.id} defaultChecked={assigned.includes(r.id)}>
            {r.name ?? r.email} <span className="text-xs text-slate-500">({r.role})</span>
          </CheckField>
        ))}
      </FieldGroup>
      <label className="flex items-center gap-2 text-sm">
        Reviewers per item
        <Input name="perItem" type="number" min={1} max={5} defaultValue={perItem} className="w-16" />
      </label>
      <p className="text-xs text-slate-500">Finished reviews stay with whoever did them; open items are dealt out again and claims in progress are released.</p>
      <Button type="submit" disabled={pending} variant="primary">
        {pending ? "Assigning…" : "Assign"}
      </Button>
      <ResultMessage message={error ? { ok: false, text: error } : done ? { ok: true, text: done } : null} />
    </form>
  );
}
