// Who is asking, checked against the database on every request: the session cookie only says who
// signed in; the user's current role, whether they are still active, and whether their sessions
// were revoked (sessionVersion) come from the users table.
import { AsyncLocalStorage } from "node:async_hooks";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { type ActionName, can, isRole, type RoleName } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { PermissionDeniedError, UserFacingError } from "@/lib/errors";

export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: RoleName;
}

export class SignInRequiredError extends UserFacingError {
  constructor() {
    super("Sign in first: this needs a valid session.");
    this.name = "SignInRequiredError";
  }
}

interface SessionClaim {
  userId: number;
  sessionVersion: number;
}

// Integration tests call server actions directly, outside a Next request; they state the session
// claim here instead of through a cookie. Everything after the claim (database lookup, role
// check) is the production path.
const claimOverride = new AsyncLocalStorage<SessionClaim | null>();

export function withSessionClaim<T>(claim: SessionClaim | null, fn: () => Promise<T>): Promise<T> {
  return claimOverride.run(claim, fn);
}

async function sessionClaim(): Promise<SessionClaim | null> {
  const store = claimOverride.getStore();
  if (store !== undefined) return store;
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  return { userId: id, sessionVersion: session?.user?.sessionVersion ?? -1 };
}

export async function currentUser(): Promise<SessionUser | null> {
  const claim = await sessionClaim();
  if (!claim) return null;
  const user = await prisma().user.findUnique({ where: { id: claim.userId } });
  if (!user?.active || user.sessionVersion !== claim.sessionVersion || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The signed-in user if their role allows `action`; throws otherwise. */
export async function requirePermission(action: ActionName): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new SignInRequiredError();
  if (!can(user.role, action)) throw new PermissionDeniedError(action, user.role);
  return user;
}
