// What the two export downloads (/api/exports/<task id>/file and /manifest) do first: allow curators
// only, read the id from the URL and load that export's task (null when the id is not one).
import { guardRoute } from "@/lib/auth/guard-route";
import { EXPORT_TASK_KIND } from "@/lib/datasets/export/export-file-job";
import { readTask, type TaskRow } from "@/lib/tasks/task-rows";
import { parseDbId } from "@/lib/http/parse-id";

export async function exportDownloadTask(params: Promise<{ taskId: string }>): Promise<Response | { id: number | null; task: TaskRow<"export"> | null }> {
  const user = await guardRoute("export.download");
  if (user instanceof Response) return user;
  const id = parseDbId((await params).taskId);
  const task = id !== null ? await readTask(EXPORT_TASK_KIND, id) : null;
  return { id, task };
}
