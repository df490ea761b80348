// GET /api/exports/<task id>/manifest: what an export wrote, removed and why (download as JSON).
import { exportDownloadTask } from "@/lib/datasets/export/export-download-task";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const found = await exportDownloadTask(params);
  if (found instanceof Response) return found;
  const { id, task } = found;
  if (task?.state !== "completed" || !task.result) {
    return Response.json({ error: "no finished export with this id" }, { status: 404 });
  }
  const file = task.result.file ?? `export-${id}`;
  return new Response(`${JSON.stringify(task.result, null, 2)}\n`, {
    headers: { "Content-Type": "application/json", "Content-Disposition": `attachment; filename="${file}.manifest.json"` },
  });
}
