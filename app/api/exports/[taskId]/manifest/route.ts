// GET /api/exports/<task id>/manifest: what an export wrote, removed and why (download as JSON).
import { guardRoute } from "@/lib/auth/guard-route";
import { EXPORT_TASK_KIND } from "@/lib/datasets/export/export-file-job";
import { readTask } from "@/lib/tasks/task-rows";
import { parseDbId } from "@/lib/web/parse-id";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const user = await guardRoute("export.download");
  if (user instanceof Response) return user;
  const id = parseDbId((await params).taskId);
  const task = id !== null ? await readTask(EXPORT_TASK_KIND, id) : null;
  if (task?.state !== "completed" || !task.result) {
    return Response.json({ error: "no finished export with this id" }, { status: 404 });
  }
  const file = task.result.file ?? `export-${id}`;
  return new Response(`${JSON.stringify(task.result, null, 2)}\n`, {
    headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="${file}.manifest.json"` },
  });
}
