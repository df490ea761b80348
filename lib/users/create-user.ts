// Creating an account. With an actor (the users page, `boxed user add`) the user.create entry is
// written in the same transaction; without one (the first admin, test fixtures) nothing is audited.
import type { Actor } from "@/lib/audit/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { isRole, type RoleName } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/prisma";
import { UserFacingError } from "@/lib/errors";
import { EMAIL_PATTERN, normalizeEmail } from "@/lib/users/email";

export interface NewUser {
  email: string;
  role: RoleName;
  /** Absent or empty: one is generated and returned once as `generatedPassword`. */
  password?: string;
  name?: string | null;
}

export function validateNewUser(input: { email: string; role: string; password: string }): void {
  if (!EMAIL_PATTERN.test(input.email)) throw new UserFacingError(`"${input.email}" is not an email address.`);
  if (!isRole(input.role)) throw new UserFacingError(`"${input.role}" is not a role; use admin, curator, reviewer or viewer.`);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new UserFacingError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

export async function createUser(input: NewUser, by?: Actor) {
  const email = normalizeEmail(input.email);
  const generatedPassword = input.password ? undefined : generatePassword();
  const password = input.password || (generatedPassword as string);
  validateNewUser({ ...input, email, password });
  const passwordHash = await hashPassword(password);
  const user = await prisma().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing) throw new UserFacingError(`A user with the email ${email} already exists.`);
    const created = await tx.user.create({
      data: { email, role: input.role, name: input.name ?? null, passwordHash },
      select: { id: true, email: true, role: true, name: true, active: true, createdAt: true },
    });
    if (by) {
      await recordAudit(
        { userId: by.userId, action: "user.create", objectType: "user", objectId: created.id, details: { email, role: created.role, generatedPassword: Boolean(generatedPassword), via: by.via } },
        tx,
      );
    }
    return created;
  });
  return { ...user, ...(generatedPassword ? { generatedPassword } : {}) };
}
