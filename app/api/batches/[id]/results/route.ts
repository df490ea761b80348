// POST /api/batches/<id>/results?name=<file name>  (body: an OpenAI Batch API output file, streamed)
// Curators only. The body goes to disk as it arrives (never buffered whole; the route bypasses the
// proxy, which would buffer it and cut it at 10 MB), then the whole file is checked and nothing is
// applied when a line is bad (the response names the lines).
import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { NextResponse } from "next/server";
import { webActor } from "@/lib/audit/actor";
import { receiveUpload } from "@/lib/datasets/upload/receive-upload";
import { UserFacingError } from "@/lib/errors";
import { importBatchResults } from "@/lib/generation/batches/batch-api-transfer";
import { guardBatchRoute } from "@/lib/generation/batches/guard-batch-route";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guarded = await guardBatchRoute(params);
  if (guarded instanceof Response) return guarded;
  const { user, id } = guarded;
  const name = new URL(request.url).searchParams.get("name") || `batch-${id}-output.jsonl`;
  if (name.length > 500 || name.includes("\u0000")) return NextResponse.json({ error: "name: at most 500 characters, without NUL" }, { status: 400 });
  const upload = await receiveUpload(request.body, name);
  try {
    if (upload.bytes === 0) throw new UserFacingError(`${name} is empty: attach the output file of the batch run as the request body.`);
    const report = await importBatchResults(id, upload.path, webActor(user), name);
    return NextResponse.json(report);
  } catch (error) {
    // The checker names the stored copy; the user knows the file by its own name.
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.oneLine().replaceAll(upload.path, name) }, { status: 422 });
    throw error;
  } finally {
    await rm(dirname(upload.path), { recursive: true, force: true });
  }
}
