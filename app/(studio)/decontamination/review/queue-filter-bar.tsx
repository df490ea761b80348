// The queue's filter as a plain GET form (works without JavaScript; the URL holds the view).
import { PAIR_FILTERS, QUEUE_ORDER, type ReviewFilter } from "@/lib/decontamination/review/review-filter";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

const PAIR_LABELS: Record<(typeof PAIR_FILTERS)[number], string> = {
  any: "any pair",
  close: "a close pair",
  judged: "judged in both orders",
  judge_failed: "a failed judge answer",
  machine_flagged: "exact match or a True",
  judged_clean: "judged clean",
};

export function QueueFilterBar({ filter, sets }: { filter: ReviewFilter; sets: { id: number; name: string; role: string }[] }) {
  const statusValue = filter.statuses.length === QUEUE_ORDER.length ? "all" : filter.statuses.join(",");
  const statusOptions = [
    { value: "flagged,judge_failed,candidate", label: "Undecided (flagged, judge failed, candidate)" },
    ...QUEUE_ORDER.map((s) => ({ value: s, label: s.replace("_", " ") })),
    { value: "all", label: "Every status" },
  ];
  if (!statusOptions.some((o) => o.value === statusValue)) statusOptions.unshift({ value: statusValue, label: statusValue.replaceAll(",", ", ").replaceAll("_", " ") });
  return (
    <form method="get" action="/decontamination/review" aria-label="Queue filter" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <Field label="Status">
        <Select name="status" defaultValue={statusValue} className="w-auto max-w-full" options={statusOptions} />
      </Field>
      <Field label="With">
        <Select name="pair" defaultValue={filter.pair} className="w-auto max-w-full" options={PAIR_FILTERS.map((p) => ({ value: p, label: PAIR_LABELS[p] }))} />
      </Field>
      <Field label="Against">
        <Select
          name="benchmarkSet"
          defaultValue={filter.benchmarkSet ?? ""}
          className="w-auto max-w-full"
          options={sets.filter((s) => s.role === "benchmark").map((s) => ({ value: s.id, label: s.name }))}
        >
          <option value="">every benchmark set</option>
        </Select>
      </Field>
      <Field label="Checked set">
        <Select name="set" defaultValue={filter.set ?? ""} className="w-auto max-w-72" options={sets.map((s) => ({ value: s.id, label: `${s.name} · ${s.role}` }))}>
          <option value="">every checked set</option>
        </Select>
      </Field>
      {filter.benchmark && <input type="hidden" name="benchmark" value={filter.benchmark} />}
      <Button type="submit">
        Apply
      </Button>
    </form>
  );
}
