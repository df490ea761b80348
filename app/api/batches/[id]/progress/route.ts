// Live progress of one batch, polled by the batch page every second. Counters and bounded
// queries only (see getBatchProgress), so polling costs the same at any batch size.
import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guard-route";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";
import { parseDbId } from "@/lib/http/parse-id";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await guardRoute("dashboard.view");
  if (user instanceof Response) return user;
  const id = parseDbId((await params).id);
  const progress = id !== null ? await getBatchProgress(id) : null;
  if (!progress) return NextResponse.json({ error: `batch ${JSON.stringify((await params).id.slice(0, 40))} was not found` }, { status: 404 });
  return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
}
