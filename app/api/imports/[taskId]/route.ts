// GET /api/imports/<task id>: the import's progress and summary, with its grading progress.
import { guardRoute } from "@/lib/auth/guard-route";
import { getTaskStatus } from "@/lib/datasets/web/task-status";
import { parseDbId } from "@/lib/web/parse-id";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const user = await guardRoute("sets.import");
  if (user instanceof Response) return user;
  const id = parseDbId((await params).taskId);
  const status = id !== null ? await getTaskStatus(id, ["import"]) : null;
  if (!status) return Response.json({ error: "no such import" }, { status: 404 });
  return Response.json(status, { headers: { "Cache-Control": "no-store" } });
}
