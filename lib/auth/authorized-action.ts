// Builds server actions that validate their input, check the caller's role on the server, and
// turn failures into a result the form can show. Handlers receive the checked user.
import type { z } from "zod";
import { inputBoundViolation } from "@/lib/auth/input-bounds";
import { requirePermission, type SessionUser, SignInRequiredError } from "@/lib/auth/current-user";
import type { ActionName } from "@/lib/auth/permissions";
import { PermissionDeniedError, UserFacingError } from "@/lib/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code: "unauthenticated" | "forbidden" | "invalid" | "failed" };

/** The permission a built action checks, attached so tests can walk every action for every role. */
export function requiredActionOf(fn: unknown): ActionName | undefined {
  return typeof fn === "function" ? (fn as { requiredAction?: ActionName }).requiredAction : undefined;
}

export function authorizedAction<S extends z.ZodType, T>(
  action: ActionName,
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const built = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    let user: SessionUser;
    try {
      user = await requirePermission(action);
    } catch (error) {
      if (error instanceof SignInRequiredError) return { ok: false, error: error.message, code: "unauthenticated" };
      if (error instanceof PermissionDeniedError) return { ok: false, error: error.message, code: "forbidden" };
      throw error;
    }
    const outOfBounds = inputBoundViolation(raw);
    if (outOfBounds) return { ok: false, error: outOfBounds, code: "invalid" };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      return { ok: false, error: `${where}${issue?.message ?? "invalid input"}`, code: "invalid" };
    }
    try {
      return { ok: true, data: await handler(parsed.data, user) };
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, error: error.message, code: "failed" };
      throw error;
    }
  };
  // Non-enumerable so it stays a detail of the server function; requiredActionOf reads it.
  Object.defineProperty(built, "requiredAction", { value: action, enumerable: false });
  return built;
}
