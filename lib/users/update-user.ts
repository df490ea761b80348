// Changes to an existing account. Deactivation and password resets bump sessionVersion, which
// ends every open session of that user on its next request.
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { isRole, type RoleName } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { NotFoundError, UserFacingError } from "@/lib/errors";

async function findByEmailOrId(who: string | number) {
  const user =
    typeof who === "number"
      ? await prisma().user.findUnique({ where: { id: who } })
      : await prisma().user.findUnique({ where: { email: who.trim().toLowerCase() } });
  if (!user) throw new NotFoundError(`User ${who}`);
  return user;
}

async function ensureAnotherActiveAdmin(userId: number) {
  const others = await prisma().user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0) throw new UserFacingError("This is the last active admin; make someone else admin first.");
}

export async function setUserRole(who: string | number, role: string) {
  if (!isRole(role)) throw new UserFacingError(`"${role}" is not a role; use admin, curator, reviewer or viewer.`);
  const user = await findByEmailOrId(who);
  if (user.role === "admin" && role !== "admin") await ensureAnotherActiveAdmin(user.id);
  return prisma().user.update({ where: { id: user.id }, data: { role: role as RoleName } });
}

export async function setUserActive(who: string | number, active: boolean) {
  const user = await findByEmailOrId(who);
  if (!active && user.role === "admin") await ensureAnotherActiveAdmin(user.id);
  return prisma().user.update({
    where: { id: user.id },
    data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
  });
}

export async function resetUserPassword(who: string | number, password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserFacingError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const user = await findByEmailOrId(who);
  return prisma().user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
  });
}

export async function listUsers() {
  return prisma().user.findMany({
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true, lastSignInAt: true },
  });
}
