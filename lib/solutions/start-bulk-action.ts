// Starts a confirmed bulk action: a Task row (the progress the UI and CLI show), an audit entry,
// and a pg-boss job that does the work in chunks (run-bulk-action.ts).
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";
import { BULK_ACTION_LABELS, type BulkRequest, type BulkTaskPayload } from "@/lib/solutions/bulk-action";
import { createTask } from "@/lib/tasks/task-rows";

export async function startBulkAction(request: BulkRequest, confirmed: { count: number; maxId: number }, userId: number): Promise<{ taskId: number }> {
  if (request.action === "add_to_queue") {
    const queue = await prisma().reviewQueue.findUnique({ where: { id: request.queueId } });
    if (!queue) throw new UserFacingError(`Review queue #${request.queueId} does not exist.`, "pick a queue from the list, or create one on the Review page");
  }
  const payload: BulkTaskPayload = { request, maxId: confirmed.maxId, userId };
  const label = `${BULK_ACTION_LABELS[request.action]}: ${confirmed.count.toLocaleString("en-US")} solution${confirmed.count === 1 ? "" : "s"}`;
  const taskId = await createTask(
    { kind: "samples.bulk", label, total: confirmed.count, unit: "solutions", payload, createdById: userId },
    {
      audit: () => ({
        action: "samples.bulk.start",
        details: { action: request.action, target: request.target, queueId: request.queueId ?? null, confirmedCount: confirmed.count, maxId: confirmed.maxId },
      }),
    },
  );
  await enqueue("samples-bulk", { taskId });
  return { taskId };
}
