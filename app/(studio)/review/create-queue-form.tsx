"use client";
// Draw a review queue: a size, the strata (set, source, batch, verdict) and how the size is split
// among them, from all solutions or from the solutions browser's current filter.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";
import { STRATA_DIMENSIONS, type StratumDimension } from "@/lib/review/review-strata";
import { Button } from "@/components/ui/button";
import { ResultMessage } from "@/components/ui/alert";
import { Field, Input } from "@/components/ui/field";
import { createQueue } from "./actions";

export function CreateQueueForm({ filterQuery }: { filterQuery: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The list shows the drawing task until it finishes; then the page is rendered again.
  const [drawingTaskId, setDrawingTaskId] = useState<number | null>(null);
  useTaskProgress(drawingTaskId, { refreshOnFinish: true });
  const submit = (form: FormData) =>
    startTransition(async () => {
      const strata = STRATA_DIMENSIONS.filter((d) => form.get(`stratum-${d}`) === "on") as StratumDimension[];
      const result = await createQueue({
        name: String(form.get("name") ?? ""),
        size: Number(form.get("size")),
        strata,
        allocation: form.get("allocation") === "proportional" ? "proportional" : "equal",
        filterQuery: String(form.get("filterQuery") ?? ""),
      });
      if (!result.ok) setMessage({ ok: false, text: result.error });
      else {
        setMessage({ ok: true, text: `Queue #${result.data.queueId} created; its items are being drawn (task #${result.data.taskId}).` });
        router.refresh();
        setDrawingTaskId(result.data.taskId);
      }
    });
  return (
    <form action={submit} className="grid max-w-2xl gap-3 text-sm">
      <Field label="Name">
        <Input name="name" required maxLength={200} />
      </Field>
      <Field label="Size (items)">
        <Input name="size" type="number" required min={1} max={100000} defaultValue={200} className="w-32" />
      </Field>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1">Stratify by</legend>
        {STRATA_DIMENSIONS.map((d) => (
          <label key={d} className="flex items-center gap-1">
            <input type="checkbox" name={`stratum-${d}`} defaultChecked={d === "verdict"} /> {d}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1">Split the size</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="allocation" value="equal" defaultChecked /> equally among strata (best for per-stratum error rates)
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="allocation" value="proportional" /> in proportion to their sizes
        </label>
      </fieldset>
      <Field label={<>From solutions matching (the solutions table&apos;s filter; empty = all)</>}>
        <Input name="filterQuery" defaultValue={filterQuery} placeholder="e.g. verdict=equal&set=2" className="font-mono text-xs" />
      </Field>
      <div>
        <Button type="submit" disabled={pending} variant="primary">
          {pending ? "Creating…" : "Create queue"}
        </Button>
      </div>
      <ResultMessage message={message} />
    </form>
  );
}
