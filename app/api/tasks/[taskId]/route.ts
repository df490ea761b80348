// GET /api/tasks/<task id>: any Task's progress (state, counts, message, error, result), for
// those with its kind's permission; what every progress bar polls (components/tasks).
import { taskProgressHandler } from "@/lib/tasks/task-progress-route";

export const dynamic = "force-dynamic";

export const GET = taskProgressHandler();
