// GET /api/exports/<task id>: an export's progress, and its manifest once done (the same handler
// as /api/tasks/<id>, for exports only).
import { taskProgressHandler } from "@/lib/tasks/task-progress-route";

export const dynamic = "force-dynamic";

export const GET = taskProgressHandler({ kind: "export", notFound: "no such export" });
