import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { estimateVerdictErrors } from "@/lib/review/estimate-verdict-errors";
import { findReviewerProgress, findReviewQueues } from "@/lib/review/find-review-queues";
import { ErrorEstimateTable } from "../../error-estimate-table";
import { AssignmentPanel } from "./assignment-panel";
import { parseDbId } from "@/lib/web/parse-id";

export const metadata: Metadata = { title: "Review queue report" };

export default async function QueueReportPage({ params }: { params: Promise<{ queueId: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const queueId = parseDbId((await params).queueId);
  if (queueId === null) notFound();
  const [queue] = await findReviewQueues(queueId);
  if (!queue) notFound();
  const [reviewers, estimate] = await Promise.all([findReviewerProgress(queueId), estimateVerdictErrors(queueId)]);
  return (
    <div className="max-w-5xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{queue.name}</h1>
        <p className="text-sm text-slate-600">
          {queue.done.toLocaleString("en-US")} of {queue.itemCount.toLocaleString("en-US")} items reviewed · {queue.inProgress} in progress ·{" "}
          <Link href={`/review/${queue.id}`} className="text-sky-700 hover:underline">
            review this queue
          </Link>
        </p>
      </header>
      <AssignmentPanel queueId={queue.id} canAssign={can(user.role, "review.queue.create")} />
      <section aria-labelledby="reviewers">
        <h2 id="reviewers" className="mb-2 text-sm font-semibold text-slate-700">
          Progress per reviewer
        </h2>
        {reviewers.length === 0 ? (
          <p className="text-sm text-slate-600">No decisions yet.</p>
        ) : (
          <table className="w-full max-w-2xl rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">Reviewer</th>
                <th className="px-3 py-2 text-right">Accepted</th>
                <th className="px-3 py-2 text-right">Rejected</th>
                <th className="px-3 py-2 text-right">Unsure</th>
                <th className="px-3 py-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {reviewers.map((r) => (
                <tr key={String(r.userId)} className="border-t border-slate-100">
                  <td className="px-3 py-1.5">{r.reviewer}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{r.accepted}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{r.rejected}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{r.unsure}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ErrorEstimateTable estimate={estimate} />
    </div>
  );
}
