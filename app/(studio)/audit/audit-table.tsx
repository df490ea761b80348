import type { AuditRow } from "@/lib/audit/find-audit-entries";

function detailsText(details: unknown): string {
  if (!details || (typeof details === "object" && Object.keys(details).length === 0)) return "";
  const text = JSON.stringify(details);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No entries match these filters.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table aria-label="Audit entries" className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2">When</th>
            <th className="px-4 py-2">Who</th>
            <th className="px-4 py-2">Action</th>
            <th className="px-4 py-2">Object</th>
            <th className="px-4 py-2">Details</th>
            <th className="px-4 py-2">Address</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 align-top">
              <td className="px-4 py-2 whitespace-nowrap tabular-nums text-slate-600">{row.at.replace("T", " ")}</td>
              <td className="px-4 py-2">{row.userEmail ?? <span className="text-slate-500">system</span>}</td>
              <td className="px-4 py-2 font-mono text-xs">{row.action}</td>
              <td className="px-4 py-2 whitespace-nowrap">{row.objectType ? `${row.objectType} ${row.objectId ? `#${row.objectId}` : ""}` : "–"}</td>
              <td className="max-w-md px-4 py-2 font-mono text-xs break-all text-slate-600">{detailsText(row.details)}</td>
              <td className="px-4 py-2 text-xs text-slate-500">{row.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
