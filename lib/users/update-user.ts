// Changes to an existing account. Deactivation and password resets bump sessionVersion, which
// ends every open session of that user on its next request. With an actor (the users page, the
// `boxed user` commands) each change writes its audit entry in its own transaction, with the same
// details from either; without one (test fixtures) nothing is audited. The rules that protect
// admins (the last active admin, your own account) live here, so the CLI obeys them too.
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { isRole, type RoleName } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import type { PrismaTransaction } from "@/lib/db/transaction";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { normalizeEmail } from "@/lib/users/email";

const SAFE_FIELDS = { id: true, email: true, name: true, role: true, active: true } as const;

async function findByEmailOrId(tx: PrismaTransaction, who: string | number) {
  const user =
    typeof who === "number"
      ? await tx.user.findUnique({ where: { id: who }, select: SAFE_FIELDS })
      : await tx.user.findUnique({ where: { email: normalizeEmail(who) }, select: SAFE_FIELDS });
  if (!user) throw new NotFoundError(typeof who === "number" ? `User #${who}` : `User ${who}`);
  return user;
}

async function ensureAnotherActiveAdmin(tx: PrismaTransaction, userId: number) {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0) throw new UserFacingError("This is the last active admin; make someone else admin first.");
}

async function audit(tx: PrismaTransaction, by: Actor | undefined, action: string, user: { id: number; email: string }, details: Record<string, string | boolean> = {}) {
  if (by) await recordAudit({ userId: by.userId, action, objectType: "user", objectId: user.id, details: { email: user.email, ...details, via: by.via } }, tx);
}

export async function setUserRole(who: string | number, role: string, by?: Actor) {
  if (!isRole(role)) throw new UserFacingError(`"${role}" is not a role; use admin, curator, reviewer or viewer.`);
  if (by?.userId != null && who === by.userId && role !== "admin") {
    throw new UserFacingError("You cannot take away your own admin role; ask another admin to do it.");
  }
  return prisma().$transaction(async (tx) => {
    const user = await findByEmailOrId(tx, who);
    if (user.role === "admin" && role !== "admin") await ensureAnotherActiveAdmin(tx, user.id);
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: role as RoleName }, select: SAFE_FIELDS });
    await audit(tx, by, "user.set_role", user, { from: user.role, to: role });
    return updated;
  });
}

export async function setUserActive(who: string | number, active: boolean, by?: Actor) {
  if (by?.userId != null && who === by.userId && !active) {
    throw new UserFacingError("You cannot deactivate your own account; ask another admin to do it.");
  }
  return prisma().$transaction(async (tx) => {
    const user = await findByEmailOrId(tx, who);
    if (!active && user.role === "admin") await ensureAnotherActiveAdmin(tx, user.id);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      select: SAFE_FIELDS,
    });
    await audit(tx, by, active ? "user.activate" : "user.deactivate", user);
    return updated;
  });
}

/** A new password (generated when none is given, and returned once); ends the user's sessions. */
export async function resetUserPassword(who: string | number, password?: string, by?: Actor) {
  const generatedPassword = password ? undefined : generatePassword();
  const next = password || (generatedPassword as string);
  if (next.length < MIN_PASSWORD_LENGTH) {
    throw new UserFacingError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const passwordHash = await hashPassword(next);
  const updated = await prisma().$transaction(async (tx) => {
    const user = await findByEmailOrId(tx, who);
    const changed = await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: SAFE_FIELDS });
    await audit(tx, by, "user.reset_password", user, { generatedPassword: Boolean(generatedPassword) });
    return changed;
  });
  return { ...updated, ...(generatedPassword ? { generatedPassword } : {}) };
}

export async function listUsers() {
  return prisma().user.findMany({
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true, lastSignInAt: true },
  });
}
