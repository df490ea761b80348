"use server";
// Account management from the users page (admin only). Each action checks the role on the server,
// calls the same lib/users functions as `npx boxed user ...`, and writes an audit entry.
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizedAction } from "@/lib/auth/authorized-action";
import { generatePassword } from "@/lib/auth/password";
import { UserFacingError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { findUser } from "@/lib/users/find-user";
import { resetUserPassword, setUserActive, setUserRole } from "@/lib/users/update-user";
import { CreateUserSchema, ResetPasswordSchema, SetActiveSchema, SetRoleSchema } from "@/lib/users/user-schemas";

export const createUserAction = authorizedAction("users.manage", CreateUserSchema, async (input, admin) => {
  const password = input.password || generatePassword();
  const user = await createUser({ email: input.email, role: input.role, name: input.name || null, password });
  await recordAudit({ userId: admin.id, action: "user.create", objectType: "user", objectId: user.id, details: { email: user.email, role: user.role, generatedPassword: !input.password } });
  // Returned once so the admin can hand it over; only its hash is stored.
  return { id: user.id, email: user.email, role: user.role, password };
});

export const setUserRoleAction = authorizedAction("users.manage", SetRoleSchema, async (input, admin) => {
  if (input.userId === admin.id && input.role !== "admin") {
    throw new UserFacingError("You cannot take away your own admin role; ask another admin to do it.");
  }
  const before = await findUser(input.userId);
  await setUserRole(input.userId, input.role);
  await recordAudit({ userId: admin.id, action: "user.set_role", objectType: "user", objectId: input.userId, details: { email: before.email, from: before.role, to: input.role } });
  return { userId: input.userId, role: input.role };
});

export const setUserActiveAction = authorizedAction("users.manage", SetActiveSchema, async (input, admin) => {
  if (input.userId === admin.id && !input.active) {
    throw new UserFacingError("You cannot deactivate your own account; ask another admin to do it.");
  }
  const user = await setUserActive(input.userId, input.active);
  await recordAudit({ userId: admin.id, action: input.active ? "user.activate" : "user.deactivate", objectType: "user", objectId: user.id, details: { email: user.email } });
  return { userId: user.id, active: user.active };
});

export const resetUserPasswordAction = authorizedAction("users.manage", ResetPasswordSchema, async (input, admin) => {
  const password = generatePassword();
  const user = await resetUserPassword(input.userId, password);
  await recordAudit({ userId: admin.id, action: "user.reset_password", objectType: "user", objectId: user.id, details: { email: user.email } });
  return { userId: user.id, email: user.email, password };
});

