import type { Metadata } from "next";
import Link from "next/link";
import { auditFilterQuery, parseAuditFilter } from "@/lib/audit/audit-filter";
import { findAuditEntries } from "@/lib/audit/find-audit-entries";
import { listAuditActions } from "@/lib/audit/list-audit-actions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/users/update-user";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("audit.view");
  const { filter, cursor, errors } = parseAuditFilter(await searchParams);
  const [users, actions, page] = await Promise.all([
    listUsers(),
    listAuditActions(),
    errors.length ? Promise.resolve({ rows: [], next: null }) : findAuditEntries(filter, cursor),
  ]);
  const prefixes = [...new Set(actions.flatMap((a) => [`${a.split(".")[0]}.`, a]))].sort();
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description="Every change, who made it and when, newest first. Entries cannot be edited or deleted." />
      <AuditFilters filter={filter} users={users.map((u) => ({ id: u.id, email: u.email }))} actionPrefixes={prefixes} />
      {errors.length > 0 && (
        <Alert tone="error" banner block>
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </Alert>
      )}
      <AuditTable rows={page.rows} />
      <nav aria-label="Audit pages" className="flex gap-4 text-sm">
        {cursor && (
          <Link href={`/audit${auditFilterQuery(filter)}`} className="font-medium text-blue-700 hover:underline">
            ← Newest entries
          </Link>
        )}
        {page.next && (
          <Link href={`/audit${auditFilterQuery(filter, page.next)}`} className="font-medium text-blue-700 hover:underline">
            Older entries →
          </Link>
        )}
      </nav>
    </div>
  );
}
