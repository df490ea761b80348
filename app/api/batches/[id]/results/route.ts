// Upload of an OpenAI Batch API output file into its batch. The whole file is checked first and
// nothing is applied when a line is bad (the response names the lines).
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextResponse } from "next/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requirePermission, SignInRequiredError } from "@/lib/auth/current-user";
import { PermissionDeniedError, UserFacingError } from "@/lib/errors";
import { importBatchResults } from "@/lib/generation/batches/batch-api-transfer";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let userId: number;
  try {
    userId = (await requirePermission("batches.control")).id;
  } catch (error) {
    if (error instanceof SignInRequiredError) return NextResponse.json({ error: error.message }, { status: 401 });
    if (error instanceof PermissionDeniedError) return NextResponse.json({ error: error.message }, { status: 403 });
    throw error;
  }
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return NextResponse.json({ error: "batch id must be a number" }, { status: 400 });
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File)) return NextResponse.json({ error: 'attach the output file as form field "file"' }, { status: 400 });
  const path = join(tmpdir(), `boxed-batch-${id}-${randomBytes(6).toString("hex")}.jsonl`);
  try {
    await writeFile(path, Buffer.from(await file.arrayBuffer()));
    const report = await importBatchResults(id, path);
    await recordAudit({ userId, action: "batch.import_results", objectType: "batch", objectId: id, details: { file: file.name, ...report } });
    return NextResponse.json(report);
  } catch (error) {
    if (error instanceof UserFacingError) return NextResponse.json({ error: error.oneLine() }, { status: 422 });
    throw error;
  } finally {
    await rm(path, { force: true });
  }
}
