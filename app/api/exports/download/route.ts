// GET /api/exports/download?format=&set=&source=&batch=&correctOnly=... : the export, streamed as
// the response body the moment the request arrives (curators only). Bad settings or an unknown
// set are refused before the first byte, with a 400 naming the problem.
import { Readable } from "node:stream";
import { ZodError } from "zod";
import { exportSettingsFromQuery } from "@/lib/datasets/export/export-settings-query";
import { resolveExportSets } from "@/lib/datasets/export/resolve-export-sets";
import { CONTENT_TYPES, startStreamedExport } from "@/lib/datasets/export/start-streamed-export";
import { guardRoute } from "@/lib/auth/guard-route";
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await guardRoute("export.download");
  if (user instanceof Response) return user;
  let settings: ReturnType<typeof exportSettingsFromQuery>;
  try {
    settings = exportSettingsFromQuery(new URL(request.url).searchParams);
    await resolveExportSets(pool(), settings.sets);
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      return Response.json({ error: `${issue?.path.join(".")}: ${issue?.message}` }, { status: 400 });
    }
    if (error instanceof UserFacingError) return Response.json({ error: error.oneLine() }, { status: 400 });
    throw error;
  }
  const { stream, fileName, taskId } = await startStreamedExport(settings, { id: user.id, email: user.email });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": CONTENT_TYPES[settings.format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Boxed-Export-Task": String(taskId),
    },
  });
}
