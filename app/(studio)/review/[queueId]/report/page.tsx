import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { type DataColumn, DataTable, numberColumn, Row, Td } from "@/components/ui/data-table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { estimateVerdictErrors } from "@/lib/review/estimate-verdict-errors";
import { findReviewerProgress, findReviewQueues } from "@/lib/review/find-review-queues";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ErrorEstimateTable } from "../../error-estimate-table";
import { AssignmentPanel } from "./assignment-panel";
import { parseDbId } from "@/lib/http/parse-id";

export const metadata: Metadata = { title: "Review queue report" };

const REVIEWER_COLUMNS: DataColumn[] = [{ header: "Reviewer" }, numberColumn("Accepted"), numberColumn("Rejected"), numberColumn("Unsure"), numberColumn("Total")];

export default async function QueueReportPage({ params }: { params: Promise<{ queueId: string }> }) {
  const user = await requirePageUser("dashboard.view");
  const queueId = parseDbId((await params).queueId);
  if (queueId === null) notFound();
  const [queue] = await findReviewQueues(queueId);
  if (!queue) notFound();
  const [reviewers, estimate] = await Promise.all([findReviewerProgress(queueId), estimateVerdictErrors(queueId)]);
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={queue.name}
        description={
          <>
            {queue.done.toLocaleString("en-US")} of {queue.itemCount.toLocaleString("en-US")} items reviewed · {queue.inProgress} in progress ·{" "}
            <Link href={`/review/${queue.id}`} className="text-sky-700 hover:underline">
              review this queue
            </Link>
          </>
        }
      />
      <AssignmentPanel queueId={queue.id} canAssign={can(user.role, "review.queue.create")} />
      <Section id="reviewers" title="Progress per reviewer" empty={reviewers.length === 0 && "No decisions yet."}>
        <DataTable label="Progress per reviewer" columns={REVIEWER_COLUMNS} className="max-w-2xl">
          {reviewers.map((r) => (
            <Row key={String(r.userId)}>
              <Td>{r.reviewer}</Td>
              {([r.accepted, r.rejected, r.unsure, r.total] as const).map((n, i) => (
                <Td key={REVIEWER_COLUMNS[i + 1].header} align="right" className="tabular-nums">
                  {n}
                </Td>
              ))}
            </Row>
          ))}
        </DataTable>
      </Section>
      <ErrorEstimateTable estimate={estimate} />
    </div>
  );
}
