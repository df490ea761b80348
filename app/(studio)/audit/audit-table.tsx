import { type DataColumn, DataTable, Row, Td } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/audit/find-audit-entries";

const AUDIT_COLUMNS: DataColumn[] = [{ header: "When" }, { header: "Who" }, { header: "Action" }, { header: "Object" }, { header: "Details" }, { header: "Address" }];

function detailsText(details: unknown): string {
  if (!details || (typeof details === "object" && Object.keys(details).length === 0)) return "";
  const text = JSON.stringify(details);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No entries match these filters.</p>;
  return (
    <DataTable label="Audit entries" columns={AUDIT_COLUMNS}>
      {rows.map((row) => (
        <Row key={row.id} className="align-top">
          <Td className="whitespace-nowrap tabular-nums text-slate-600">{row.at.replace("T", " ")}</Td>
          <Td>{row.userEmail ?? <span className="text-slate-500">system</span>}</Td>
          <Td className="font-mono text-xs">{row.action}</Td>
          <Td className="whitespace-nowrap">{row.objectType ? `${row.objectType} ${row.objectId ? `#${row.objectId}` : ""}` : "–"}</Td>
          <Td className="max-w-md font-mono text-xs break-all text-slate-600">{detailsText(row.details)}</Td>
          <Td className="text-xs text-slate-500">{row.ip ?? ""}</Td>
        </Row>
      ))}
    </DataTable>
  );
}
