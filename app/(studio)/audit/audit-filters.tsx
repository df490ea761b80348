// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared.
import type { AuditFilter } from "@/lib/audit/audit-filter";

const field = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "block text-sm font-medium text-slate-700";

export function AuditFilters({ filter, users, actionPrefixes }: { filter: AuditFilter; users: { id: number; email: string }[]; actionPrefixes: string[] }) {
  return (
    <form method="get" action="/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
      <div>
        <label htmlFor="audit-user" className={label}>
          User
        </label>
        <select id="audit-user" name="user" defaultValue={filter.user === undefined ? "" : String(filter.user)} className={field}>
          <option value="">Everyone</option>
          <option value="system">System (CLI, worker)</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-action" className={label}>
          Action starts with
        </label>
        <input id="audit-action" name="action" list="audit-actions" defaultValue={filter.actionPrefix ?? ""} placeholder="user." className={field} />
        <datalist id="audit-actions">
          {actionPrefixes.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="audit-object" className={label}>
          Object type
        </label>
        <input id="audit-object" name="object" defaultValue={filter.objectType ?? ""} placeholder="user, sample, review_queue…" className={field} />
      </div>
      <div>
        <label htmlFor="audit-from" className={label}>
          From
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={field} />
      </div>
      <div>
        <label htmlFor="audit-to" className={label}>
          To
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={field} />
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          Filter
        </button>
        <a href="/audit" className="px-1 py-1.5 text-sm text-slate-600 hover:underline">
          Clear
        </a>
      </div>
    </form>
  );
}
