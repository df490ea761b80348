// GET /api/imports/<task id>: the import's progress and summary, with its grading progress (the
// same handler as /api/tasks/<id>, for imports only).
import { taskProgressHandler } from "@/lib/tasks/task-progress-route";

export const dynamic = "force-dynamic";

export const GET = taskProgressHandler({ kind: "import", notFound: "no such import" });
