import type { Metadata } from "next";
import Link from "next/link";
import { ShareBar } from "@/components/ui/share-bar";
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listBatches } from "@/lib/generation/batches/find-batches";
import { formatInteger } from "@/lib/format";
import { parseDbId } from "@/lib/web/parse-id";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Batches" };

const BATCH_COLUMNS: DataColumn[] = [
  { header: "Batch" },
  { header: "Kind" },
  { header: "State" },
  { header: "Set" },
  numberColumn("Done"),
  numberColumn("Failed"),
  { header: "Progress" },
];

export default async function BatchesPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const before = parseDbId((await searchParams).before);
  const { items, nextBeforeId } = await listBatches({ ...(before !== null ? { beforeId: before } : {}), limit: 50 });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Batches"
        description="Generation runs: solutions, new problems, majority-vote labels and judge calls, newest first."
        actions={
          can(user.role, "batches.launch") && (
            <Link href="/batches/new" className={buttonClass({ variant: "primary" })}>
              Launch a batch
            </Link>
          )
        }
      />
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">No batches yet.</p>
      ) : (
        <DataTable columns={BATCH_COLUMNS}>
          {items.map((b) => (
            <Row key={b.id}>
              <Td>
                <Link href={`/batches/${b.id}`} className="font-medium text-sky-700 hover:underline">
                  #{b.id} {b.name}
                </Link>
                <div className="text-xs text-slate-500">{b.model}</div>
              </Td>
              <Td>{b.kind}</Td>
              <Td>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{b.state}</span>
              </Td>
              <Td>{b.setName}</Td>
              <NumTd>{formatInteger(b.doneCount)} / {formatInteger(b.requestCount)}</NumTd>
              <NumTd>{formatInteger(b.failedCount)}</NumTd>
              <Td>
                <ShareBar value={b.doneCount + b.failedCount} total={b.requestCount} label={`Progress of batch ${b.id}`} />
              </Td>
            </Row>
          ))}
        </DataTable>
      )}
      {nextBeforeId !== null && (
        <Link href={`/batches?before=${nextBeforeId}`} className="text-sm text-sky-700 hover:underline">
          Older batches →
        </Link>
      )}
    </div>
  );
}
