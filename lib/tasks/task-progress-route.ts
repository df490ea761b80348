// The one GET handler behind every Task progress URL: /api/tasks/<id> (any kind the caller may
// read; what the progress bars poll) and the older /api/imports/<id> and /api/exports/<id>
// (one kind each, kept for scripts and bookmarks). Who may read a Task is its kind's permission
// (lib/auth/task-permissions.ts), checked on every request.
import { guardRoute } from "@/lib/auth/guard-route";
import { permissionForTaskKind } from "@/lib/auth/task-permissions";
import type { TaskKind } from "@/lib/tasks/task-kinds";
import { readTaskStatusFor } from "@/lib/tasks/task-status";
import { parseDbId } from "@/lib/http/parse-id";

type RouteContext = { params: Promise<{ taskId: string }> };

/**
 * `only`: the route serves this one kind, refuses (403) those without its permission up front,
 * and answers `notFound` for a Task of another kind. Without it, any signed-in user may ask and a
 * Task they may not read is "not found" (404), so its existence is not told.
 */
export function taskProgressHandler(only?: { kind: TaskKind; notFound: string }) {
  return async function getTaskProgress(_request: Request, { params }: RouteContext): Promise<Response> {
    const user = await guardRoute(only ? permissionForTaskKind(only.kind) : "dashboard.view");
    if (user instanceof Response) return user;
    const id = parseDbId((await params).taskId);
    const status = id !== null ? await readTaskStatusFor(user, id, only ? [only.kind] : undefined) : null;
    if (!status) return Response.json({ error: only?.notFound ?? `Task #${id ?? "?"} was not found.` }, { status: 404 });
    return Response.json(status, { headers: { "Cache-Control": "no-store" } });
  };
}
