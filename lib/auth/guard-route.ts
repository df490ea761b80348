// Route handlers check the session and the role themselves (the proxy is only a first gate, and
// the upload route bypasses it so its body streams). A refusal is a JSON error with 401 or 403.
import { requirePermission, type SessionUser, SignInRequiredError } from "@/lib/auth/current-user";
import type { ActionName } from "@/lib/auth/permissions";
import { PermissionDeniedError } from "@/lib/errors";

export async function guardRoute(action: ActionName): Promise<SessionUser | Response> {
  try {
    return await requirePermission(action);
  } catch (error) {
    if (error instanceof SignInRequiredError) return Response.json({ error: error.message }, { status: 401 });
    if (error instanceof PermissionDeniedError) return Response.json({ error: error.message }, { status: 403 });
    throw error;
  }
}
