// GET /api/exports/<task id>/file: the file a background export wrote to BOXED_HOME/exports,
// streamed from disk (curators only).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { exportDownloadTask } from "@/lib/datasets/export/export-download-task";
import { exportsDir } from "@/lib/datasets/export/export-file-job";
import { CONTENT_TYPES } from "@/lib/datasets/export/start-streamed-export";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ taskId: string }> }) {
  const found = await exportDownloadTask(params);
  if (found instanceof Response) return found;
  const { task } = found;
  const payload = task?.payload;
  if (!task || payload?.mode !== "job" || task.state !== "completed") {
    return Response.json({ error: "no finished export file with this id" }, { status: 404 });
  }
  const path = join(exportsDir(), payload.fileName);
  const info = await stat(path).catch(() => null);
  if (!info) return Response.json({ error: `the file ${payload.fileName} is no longer in the exports folder` }, { status: 410 });
  const format = (payload.settings.format ?? "omi2-jsonl") as keyof typeof CONTENT_TYPES;
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Length": String(info.size),
      "Content-Disposition": `attachment; filename="${payload.fileName}"`,
    },
  });
}
