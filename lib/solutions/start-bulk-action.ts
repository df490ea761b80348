// Starts a confirmed bulk action: a Task row (the progress the UI and CLI show), an audit entry,
// and a pg-boss job that does the work in chunks (run-bulk-action.ts).
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { BULK_ACTION_LABELS, type BulkRequest, type BulkTaskPayload } from "@/lib/solutions/bulk-action";

export async function startBulkAction(request: BulkRequest, confirmed: { count: number; maxId: number }, userId: number): Promise<{ taskId: number }> {
  if (request.action === "add_to_queue") {
    const queue = await prisma().reviewQueue.findUnique({ where: { id: request.queueId } });
    if (!queue) throw new UserFacingError(`Review queue #${request.queueId} does not exist.`, "pick a queue from the list, or create one on the Review page");
  }
  const payload: BulkTaskPayload = { request, maxId: confirmed.maxId, userId };
  const label = `${BULK_ACTION_LABELS[request.action]}: ${confirmed.count.toLocaleString("en-US")} solution${confirmed.count === 1 ? "" : "s"}`;
  const task = await prisma().$transaction(async (tx) => {
    const created = await tx.task.create({
      data: { kind: "samples.bulk", label, total: BigInt(confirmed.count), unit: "solutions", payload: payload as never, createdById: userId },
    });
    await recordAudit(
      {
        userId,
        action: "samples.bulk.start",
        objectType: "task",
        objectId: created.id,
        details: { action: request.action, target: request.target, queueId: request.queueId ?? null, confirmedCount: confirmed.count, maxId: confirmed.maxId } as never,
      },
      tx,
    );
    return created;
  });
  await enqueue("samples-bulk", { taskId: task.id });
  return { taskId: task.id };
}
