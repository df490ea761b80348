// POST /api/imports/upload?set=&role=&format=&mapping=&source=&fullGeneration=1&idField=&name=  (body: the file, streamed)
// Curators only. The body goes to disk as it arrives (never buffered whole), then the import runs
// as a job with a Task; the answer is the Task id the page polls at /api/imports/<id>.
import { z } from "zod";
import { parseImportMapping } from "@/lib/datasets/import/parse-import-mapping";
import { datasetFormatFromName } from "@/lib/datasets/formats/dataset-format";
import { checkSetRole, SET_ROLES } from "@/lib/datasets/import/ensure-problem-set";
import { createImportTask } from "@/lib/datasets/import/run-import-task";
import { guardRoute } from "@/lib/auth/guard-route";
import { receiveUpload } from "@/lib/datasets/upload/receive-upload";
import { pool } from "@/lib/db/pool";
import { UserFacingError } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/enqueue";

export const dynamic = "force-dynamic";

const noNul = (s: string) => !s.includes("\u0000");
const UploadParams = z.object({
  set: z.string().trim().min(1, "choose a problem set name").max(200).refine(noNul, "contains a NUL character"),
  role: z.enum(SET_ROLES),
  // A format name, or the export's name for the same rows (omi2-jsonl, omi2-parquet).
  format: z
    .string()
    .transform((name, ctx) => {
      const format = datasetFormatFromName(name);
      if (format !== null) return format;
      ctx.addIssue({ code: "custom", message: `unknown format ${name}` });
      return z.NEVER;
    })
    .optional(),
  mapping: z.string().max(10_000).refine(noNul, "contains a NUL character").optional(),
  source: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), "must be printable")
    .optional(),
  fullGeneration: z.enum(["1"]).optional(),
  /** The column holding each row's own id (default: id, unique_id or problem_id). */
  idField: z.string().trim().min(1).max(200).refine(noNul, "contains a NUL character").optional(),
  name: z.string().min(1, "the file needs a name").max(500).refine(noNul, "contains a NUL character"),
});

export async function POST(request: Request) {
  const user = await guardRoute("sets.import");
  if (user instanceof Response) return user;
  const url = new URL(request.url);
  const parsed = UploadParams.safeParse(Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Response.json({ error: `${issue?.path.join(".")}: ${issue?.message}` }, { status: 400 });
  }
  const params = parsed.data;
  let mapping: ReturnType<typeof parseImportMapping>;
  try {
    mapping = parseImportMapping(params.mapping);
    // Refuse before storing a single byte when the set exists with another role.
    await checkSetRole(pool(), params.set, params.role);
  } catch (error) {
    if (error instanceof UserFacingError) return Response.json({ error: error.oneLine() }, { status: 400 });
    throw error;
  }
  const upload = await receiveUpload(request.body, params.name);
  const taskId = await createImportTask(
    {
      paths: [upload.path],
      setName: params.set,
      role: params.role,
      format: params.format,
      mapping,
      ...(params.idField && { idField: params.idField }),
      ...(params.source !== undefined && { source: params.source }),
      ...(params.fullGeneration && { fullGeneration: true }),
      removeUploadDir: true,
      via: "web",
    },
    user.id,
    upload.bytes,
  );
  await enqueue("dataset-import", { taskId });
  return Response.json({ taskId, bytes: upload.bytes }, { status: 202 });
}
