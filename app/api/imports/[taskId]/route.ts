// GET /api/imports/<task id>: the import's progress and summary, with its grading progress.
import { guardRoute } from "@/lib/auth/guard-route";
import { getTaskStatus } from "@/lib/datasets/web/task-status";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const user = await guardRoute("sets.import");
  if (user instanceof Response) return user;
  const id = Number((await params).taskId);
  const status = Number.isInteger(id) ? await getTaskStatus(id, ["import"]) : null;
  if (!status) return Response.json({ error: "no such import" }, { status: 404 });
  return Response.json(status, { headers: { "Cache-Control": "no-store" } });
}
