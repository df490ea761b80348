import type { Metadata } from "next";
import Link from "next/link";
import { type DataColumn, DataTable, Row, Td } from "@/components/ui/data-table";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/page-guard";
import { estimateVerdictErrors } from "@/lib/review/estimate-verdict-errors";
import { findReviewQueues } from "@/lib/review/find-review-queues";
import { parseSolutionView } from "@/lib/solutions/solution-view";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { CreateQueueForm } from "./create-queue-form";
import { ErrorEstimateTable } from "./error-estimate-table";

export const metadata: Metadata = { title: "Review" };

const QUEUE_COLUMNS: DataColumn[] = [{ header: "Queue" }, { header: "Drawn by" }, { header: "Progress" }, { header: "", key: "links" }];

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("dashboard.view");
  const query = await searchParams;
  const from = typeof query.from === "string" ? query.from : "";
  const { ignored } = parseSolutionView(new URLSearchParams(from));
  const [queues, estimate] = await Promise.all([findReviewQueues(), estimateVerdictErrors()]);
  const canReview = can(user.role, "review.annotate");
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title="Review"
        description="Queues of solutions drawn for human review, their progress, and what the reviews say about the automatic verdicts."
      />
      <section aria-labelledby="queues">
        <h2 id="queues" className="mb-2 text-sm font-semibold text-slate-700">
          Queues
        </h2>
        {queues.length === 0 ? (
          <p className="text-sm text-slate-600">No review queues yet.</p>
        ) : (
          <DataTable label="Review queues" columns={QUEUE_COLUMNS}>
            {queues.map((q) => (
              <Row key={q.id}>
                <Td>
                  <span className="font-medium">{q.name}</span>
                  <span className="block text-xs text-slate-500">
                    #{q.id} · by {q.createdBy ?? "unknown"} · {q.createdAt.toISOString().slice(0, 10)}
                  </span>
                </Td>
                <Td className="text-xs text-slate-600">
                  {q.spec.strata?.length ? `strata: ${q.spec.strata.join(", ")}` : "unstratified"} · {q.spec.allocation ?? "–"}
                  {q.spec.filterQuery ? (
                    <Link className="block text-sky-700 hover:underline" href={`/solutions?${q.spec.filterQuery}`}>
                      filter
                    </Link>
                  ) : null}
                </Td>
                <Td>
                  {q.fillTask ? (
                    <span className="text-xs text-slate-600">
                      drawing items: {q.fillTask.state} {q.fillTask.message ? `· ${q.fillTask.message}` : ""} {q.fillTask.error ? <span className="text-rose-700">{q.fillTask.error}</span> : null}
                    </span>
                  ) : (
                    <>
                      <span className="tabular-nums">
                        {q.done.toLocaleString("en-US")} / {q.itemCount.toLocaleString("en-US")} reviewed
                      </span>
                      <span className="block text-xs text-slate-500">{q.inProgress} in progress</span>
                    </>
                  )}
                </Td>
                <Td align="right" className="space-x-3 whitespace-nowrap">
                  {canReview && !q.fillTask && (
                    <Link className="text-sky-700 hover:underline" href={`/review/${q.id}`}>
                      Start reviewing
                    </Link>
                  )}
                  <Link className="text-sky-700 hover:underline" href={`/review/${q.id}/report`}>
                    Report
                  </Link>
                </Td>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
      {can(user.role, "review.queue.create") && (
        <section aria-labelledby="new-queue" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-queue" className="mb-2 text-sm font-semibold text-slate-700">
            New review queue
          </h2>
          {ignored.length > 0 && (
            <Alert tone="warning" urgent className="mb-2">
              The filter has values that cannot be read: {ignored.join("; ")}.
            </Alert>
          )}
          <CreateQueueForm filterQuery={from} />
        </section>
      )}
      <ErrorEstimateTable estimate={estimate} />
    </div>
  );
}
