// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared.
import type { AuditFilter } from "@/lib/audit/audit-filter";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

export function AuditFilters({ filter, users, actionPrefixes }: { filter: AuditFilter; users: { id: number; email: string }[]; actionPrefixes: string[] }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
      <Field label="User" htmlFor="audit-user">
        <Select id="audit-user" name="user" defaultValue={filter.user === undefined ? "" : String(filter.user)} options={users.map((u) => ({ value: u.id, label: u.email }))}>
          <option value="">Everyone</option>
          <option value="system">System (CLI, worker)</option>
        </Select>
      </Field>
      <Field label="Action starts with" htmlFor="audit-action">
        <Input id="audit-action" name="action" list="audit-actions" defaultValue={filter.actionPrefix ?? ""} placeholder="user." />
        <datalist id="audit-actions">
          {actionPrefixes.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </Field>
      <Field label="Object type" htmlFor="audit-object">
        <Input id="audit-object" name="object" defaultValue={filter.objectType ?? ""} placeholder="user, sample, review_queue…" />
      </Field>
      <Field label="From" htmlFor="audit-from">
        <Input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
      </Field>
      <Field label="To" htmlFor="audit-to">
        <Input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
      </Field>
      <div className="flex items-end gap-2">
        <Button type="submit" variant="primary">
          Filter
        </Button>
        <a href="/audit" className="px-1 py-1.5 text-sm text-slate-600 hover:underline">
          Clear
        </a>
      </div>
    </form>
  );
}
