// Live progress of one batch, polled by the batch page every second. Counters and bounded
// queries only (see getBatchProgress), so polling costs the same at any batch size.
import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/auth/guard-route";
import { getBatchProgress } from "@/lib/generation/batches/batch-progress";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await guardRoute("dashboard.view");
  if (user instanceof Response) return user;
  const id = Number((await params).id);
  const progress = Number.isInteger(id) && id > 0 ? await getBatchProgress(id) : null;
  if (!progress) return NextResponse.json({ error: `batch ${(await params).id} was not found` }, { status: 404 });
  return NextResponse.json(progress, { headers: { "cache-control": "no-store" } });
}
