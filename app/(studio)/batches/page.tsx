import type { Metadata } from "next";
import Link from "next/link";
import { ShareBar } from "@/components/ui/share-bar";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listBatches } from "@/lib/generation/batches/find-batches";
import { formatInteger } from "@/lib/format";

export const metadata: Metadata = { title: "Batches" };

export default async function BatchesPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const before = Number((await searchParams).before);
  const { items, nextBeforeId } = await listBatches({ ...(Number.isInteger(before) && before > 0 ? { beforeId: before } : {}), limit: 50 });
  return (
    <div className="space-y-6">
      <header className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Batches</h1>
          <p className="text-sm text-slate-600">Generation runs: solutions, new problems, majority-vote labels and judge calls, newest first.</p>
        </div>
        {can(user.role, "batches.launch") && (
          <Link href="/batches/new" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            Launch a batch
          </Link>
        )}
      </header>
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">No batches yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Batch</th>
                <th className="px-4 py-2">Kind</th>
                <th className="px-4 py-2">State</th>
                <th className="px-4 py-2">Set</th>
                <th className="px-4 py-2 text-right">Done</th>
                <th className="px-4 py-2 text-right">Failed</th>
                <th className="px-4 py-2">Progress</th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id} className="border-t border-slate-100">
                  <td className="px-4 py-2">
                    <Link href={`/batches/${b.id}`} className="font-medium text-sky-700 hover:underline">
                      #{b.id} {b.name}
                    </Link>
                    <div className="text-xs text-slate-500">{b.model}</div>
                  </td>
                  <td className="px-4 py-2">{b.kind}</td>
                  <td className="px-4 py-2">
                    <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{b.state}</span>
                  </td>
                  <td className="px-4 py-2">{b.setName}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {formatInteger(b.doneCount)} / {formatInteger(b.requestCount)}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatInteger(b.failedCount)}</td>
                  <td className="px-4 py-2">
                    <ShareBar value={b.doneCount + b.failedCount} total={b.requestCount} label={`Progress of batch ${b.id}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBeforeId !== null && (
        <Link href={`/batches?before=${nextBeforeId}`} className="text-sm text-sky-700 hover:underline">
          Older batches →
        </Link>
      )}
    </div>
  );
}
