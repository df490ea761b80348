// Download of a paused batch's pending requests as an OpenAI Batch API input file (JSONL),
// streamed page by page (constant memory at any batch size).
import { NextResponse } from "next/server";
import { webActor } from "@/lib/audit/actor";
import { UserFacingError } from "@/lib/errors";
import { exportBatchRequests } from "@/lib/generation/batches/batch-api-transfer";
import { guardBatchRoute } from "@/lib/generation/batches/guard-batch-route";
import { loadBatchSettings } from "@/lib/generation/worker/load-batch-context";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const guarded = await guardBatchRoute(params);
  if (guarded instanceof Response) return guarded;
  const { user, id } = guarded;
  try {
    const settings = await loadBatchSettings(id);
    if (settings.state !== "paused") throw new UserFacingError(`Batch ${id} is ${settings.state}; pause it before exporting its requests.`);
  } catch (error) {
    return NextResponse.json({ error: error instanceof Error ? error.message : String(error) }, { status: 409 });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        await exportBatchRequests(id, (text) => controller.enqueue(encoder.encode(text)), webActor(user));
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/jsonl; charset=utf-8", "content-disposition": `attachment; filename="batch-${id}-requests.jsonl"`, "cache-control": "no-store" },
  });
}
