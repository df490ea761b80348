import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/page-guard";
import { listBatches } from "@/lib/generation/batches/find-batches";
import { parseDbId } from "@/lib/http/parse-id";
import { PageHeader } from "@/components/ui/page-header";
import { BatchTable } from "./batch-table";
import { LaunchBatchLink } from "./launch-batch-link";

export const metadata: Metadata = { title: "Batches" };

export default async function BatchesPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const before = parseDbId((await searchParams).before);
  const { items, nextBeforeId } = await listBatches({ ...(before !== null ? { beforeId: before } : {}), limit: 50 });
  return (
    <div className="space-y-6">
      <PageHeader
        title="Batches"
        description="Generation runs: solutions, new problems, majority-vote labels and judge calls, newest first."
        actions={<LaunchBatchLink role={user.role} />}
      />
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">No batches yet.</p>
      ) : (
        <BatchTable batches={items} withSet />
      )}
      {nextBeforeId !== null && (
        <Link href={`/batches?before=${nextBeforeId}`} className="text-sm text-sky-700 hover:underline">
          Older batches →
        </Link>
      )}
    </div>
  );
}
