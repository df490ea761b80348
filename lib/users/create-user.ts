import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { isRole, type RoleName } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";

export interface NewUser {
  email: string;
  role: RoleName;
  password: string;
  name?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function validateNewUser(input: { email: string; role: string; password: string }): void {
  if (!EMAIL.test(input.email)) throw new UserFacingError(`"${input.email}" is not an email address.`);
  if (!isRole(input.role)) throw new UserFacingError(`"${input.role}" is not a role; use admin, curator, reviewer or viewer.`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserFacingError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

export async function createUser(input: NewUser) {
  const email = input.email.trim().toLowerCase();
  validateNewUser({ ...input, email });
  const existing = await prisma().user.findUnique({ where: { email } });
  if (existing) throw new UserFacingError(`A user with the email ${email} already exists.`);
  return prisma().user.create({
    data: { email, role: input.role, name: input.name ?? null, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, role: true, name: true, active: true, createdAt: true },
  });
}
