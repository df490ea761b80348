// Who reviews this queue, how far each reviewer is, and how much they agree. Curators also get
// the form that splits the queue among reviewers.
import { type DataColumn, DataTable, numberColumn, NumTd, Row, Td } from "@/components/ui/data-table";
import { formatInteger, formatPercent } from "@/lib/format";
import { findAssignmentProgress } from "@/lib/review/find-assignment-progress";
import { findQueueAgreement } from "@/lib/review/find-queue-agreement";
import { listReviewers } from "@/lib/users/list-reviewers";
import { AssignQueueForm } from "./assign-queue-form";

const ASSIGNED_COLUMNS: DataColumn[] = [{ header: "Reviewer" }, numberColumn("Assigned"), numberColumn("Done"), numberColumn("Progress")];

export async function AssignmentPanel({ queueId, canAssign }: { queueId: number; canAssign: boolean }) {
  const [{ reviewersPerItem, reviewers: progress }, agreement, reviewers] = await Promise.all([findAssignmentProgress(queueId), findQueueAgreement(queueId), canAssign ? listReviewers() : Promise.resolve([])]);
  const kappa = agreement.kappa;
  return (
    <section aria-labelledby="assignment" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="assignment" className="text-sm font-semibold text-slate-700">
        Assignment and agreement
      </h2>
      {progress.length === 0 ? (
        <p className="text-sm text-slate-600">Not assigned: every reviewer takes the next open item from the shared pool.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            Split among {progress.length} reviewer{progress.length === 1 ? "" : "s"}, {reviewersPerItem} per item.
          </p>
          <DataTable label="Assigned reviewers" variant="plain" columns={ASSIGNED_COLUMNS} className="max-w-2xl">
            {progress.map((p) => (
              <Row key={p.userId}>
                <Td>
                  {p.reviewer}
                  {!p.active && <span className="ml-1 text-xs text-red-700">(deactivated: reassign their items)</span>}
                </Td>
                <NumTd>{formatInteger(p.assigned)}</NumTd>
                <NumTd>{formatInteger(p.done)}</NumTd>
                <NumTd>{formatPercent(p.done, p.assigned)}</NumTd>
              </Row>
            ))}
          </DataTable>
        </>
      )}
      <div className="text-sm text-slate-700">
        {agreement.unanimity.items === 0 ? (
          <p>No item has decisions from two reviewers yet, so there is no agreement to show.</p>
        ) : (
          <>
            {kappa && (
              <p>
                Cohen&apos;s κ ={" "}
                <span className="font-semibold tabular-nums">{kappa.kappa === null ? "undefined (both gave one and the same label throughout)" : kappa.kappa.toFixed(3)}</span> over{" "}
                {kappa.items.toLocaleString("en-US")} items both reviewed (raw agreement {formatPercent(Math.round((kappa.observed ?? 0) * kappa.items), kappa.items)}).
              </p>
            )}
            <p>
              {agreement.unanimity.unanimous.toLocaleString("en-US")} of {agreement.unanimity.items.toLocaleString("en-US")} items reviewed by several people were unanimous (
              {formatPercent(agreement.unanimity.unanimous, agreement.unanimity.items)}).
            </p>
          </>
        )}
      </div>
      {canAssign && <AssignQueueForm queueId={queueId} reviewers={reviewers} assigned={progress.map((p) => p.userId)} perItem={reviewersPerItem} />}
    </section>
  );
}
